import type { TimeInterval, TimeIntervalRange } from "../../model";
import { clockMinutes, MONTHS, WEEKDAYS } from "../../model/time-interval-fields";

/**
 * Whether a moment falls in a time interval, as Alertmanager 0.25 decides it
 * (timeinterval.TimeInterval.ContainsTime): every field a range sets must hold, in its location
 * (UTC by default); times are [start, end) in minutes of the day; days of the month may count
 * from the end (-1 is the last day) and are clamped to the month; ranges are inclusive.
 */

interface Moment {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  /** 0 = Sunday */
  weekday: number;
  minuteOfDay: number;
  daysInMonth: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function momentIn(at: Date, location: string | undefined): Moment {
  const zone = location ?? "UTC";
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      weekday: "long",
    });
    formatters.set(zone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((part) => [part.type, part.value]));
  const year = Number(parts.year);
  const month = Number(parts.month);
  return {
    year,
    month,
    day: Number(parts.day),
    weekday: WEEKDAYS.indexOf(String(parts.weekday).toLowerCase()),
    minuteOfDay: Number(parts.hour) * 60 + Number(parts.minute),
    daysInMonth: new Date(Date.UTC(year, month, 0)).getUTCDate(),
  };
}

/** `monday:friday`, `3`, `-3:-1`, `january:march`: an inclusive [begin, end]. */
function parseRange(text: string, member: (name: string) => number): [number, number] {
  const [begin = "", end] = text.toLowerCase().split(":");
  const from = member(begin);
  return [from, end === undefined ? from : member(end)];
}

const weekday = (name: string): number => WEEKDAYS.indexOf(name);
const month = (name: string): number => (/^\d+$/.test(name) ? Number(name) : MONTHS.indexOf(name) + 1);
const number = (name: string): number => Number(name);

const clamp = (n: number, min: number, max: number): number => Math.min(Math.max(n, min), max);

function inDaysOfMonth(text: string, moment: Moment): boolean {
  const [rawBegin, rawEnd] = parseRange(text, number);
  const begin = rawBegin < 0 ? moment.daysInMonth + rawBegin + 1 : rawBegin;
  const end = rawEnd < 0 ? moment.daysInMonth + rawEnd + 1 : rawEnd;
  if (begin > moment.daysInMonth) return false;
  const from = clamp(begin, -moment.daysInMonth, moment.daysInMonth);
  const to = clamp(end, -moment.daysInMonth, moment.daysInMonth);
  return moment.day >= from && moment.day <= to;
}

function within(list: readonly string[] | undefined, test: (text: string) => boolean): boolean {
  return list === undefined || list.some(test);
}

export function timeRangeContains(range: TimeIntervalRange, at: Date): boolean {
  const moment = momentIn(at, range.location);
  const between = (value: number) => (text: string, member: (name: string) => number) => {
    const [begin, end] = parseRange(text, member);
    return value >= begin && value <= end;
  };
  return (
    within(
      range.times?.map((time) => `${time.startTime}-${time.endTime}`),
      (text) => {
        const [start = "", end = ""] = text.split("-");
        return moment.minuteOfDay >= clockMinutes(start) && moment.minuteOfDay < clockMinutes(end);
      },
    ) &&
    within(range.daysOfMonth, (text) => inDaysOfMonth(text, moment)) &&
    within(range.months, (text) => between(moment.month)(text, month)) &&
    within(range.weekdays, (text) => between(moment.weekday)(text, weekday)) &&
    within(range.years, (text) => between(moment.year)(text, number))
  );
}

/** A named interval holds at `at` when any of its ranges does (an interval without ranges never does). */
export function timeIntervalActive(interval: TimeInterval, at: Date): boolean {
  return interval.timeIntervals.some((range) => timeRangeContains(range, at));
}

/**
 * Whether a route sends nothing at `at`: one of its mute intervals holds, or it has active
 * intervals and none holds (notify.go's TimeMuteStage and TimeActiveStage).
 */
export function routeMutedAt(
  options: { muteTimeIntervals: readonly string[]; activeTimeIntervals: readonly string[] },
  intervals: readonly TimeInterval[],
  at: Date,
): boolean {
  const active = (name: string): boolean =>
    intervals.some((interval) => interval.name === name && timeIntervalActive(interval, at));
  if (options.muteTimeIntervals.some(active)) return true;
  return options.activeTimeIntervals.length > 0 && !options.activeTimeIntervals.some(active);
}
