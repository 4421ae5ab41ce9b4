/**
 * The words and clock format of Alertmanager's time interval fields (timeinterval/timeinterval.go),
 * shared by the model's checks (lib/model/checks/time-intervals.ts) and the routing engine that
 * evaluates intervals (lib/alerting/routing/time-intervals.ts).
 */

/** Weekday names by Go's time.Weekday: index 0 is Sunday. */
export const WEEKDAYS: readonly string[] = [
  "sunday",
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
];

/** Month names: index + 1 is the month number. */
export const MONTHS: readonly string[] = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/** `HH:MM` as minutes since midnight (`24:00` is 1440, the end of the day). */
export function clockMinutes(clock: string): number {
  const [hours = "0", minutes = "0"] = clock.split(":");
  return Number(hours) * 60 + Number(minutes);
}
