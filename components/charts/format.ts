import { formatValue } from "@/lib/dashboard/units";
import type { QueryPanel } from "@/lib/model/panel";
import { dateTimeFormat, type ViewerClock } from "./viewer-clock";

/** A value as the panel's unit and decimals write it; a gap as "–". */
export function formatPanelValue(
  value: number | null | undefined,
  panel: Pick<QueryPanel, "unit" | "decimals">,
): string {
  if (value === null || value === undefined) return "–";
  return formatValue(value, panel.unit, panel.decimals);
}

const DAY_MS = 86_400_000;

const CLOCK_TIME: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit", hour12: false };
const DATE_AND_TIME: Intl.DateTimeFormatOptions = {
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
};
const FULL_TIME: Intl.DateTimeFormatOptions = {
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hour12: false,
};

/** Axis labels on the viewer's clock: clock time for a day or less, date and time beyond. */
export function timeTickFormatter(rangeMs: number, clock: ViewerClock): (ms: number) => string {
  const format = dateTimeFormat(clock, rangeMs <= DAY_MS ? CLOCK_TIME : DATE_AND_TIME);
  return (ms) => format.format(new Date(ms));
}

export function formatFullTime(ms: number, clock: ViewerClock): string {
  return dateTimeFormat(clock, FULL_TIME).format(new Date(ms));
}
