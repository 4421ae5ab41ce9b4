import { formatValue } from "@/lib/dashboard/units";
import type { QueryPanel } from "@/lib/model/panel";

/** A value as the panel's unit and decimals write it; a gap as "–". */
export function formatPanelValue(
  value: number | null | undefined,
  panel: Pick<QueryPanel, "unit" | "decimals">,
): string {
  if (value === null || value === undefined) return "–";
  return formatValue(value, panel.unit, panel.decimals);
}

const DAY_MS = 86_400_000;

/** Axis labels: clock time for a day or less, date and time beyond. */
export function timeTickFormatter(rangeMs: number): (ms: number) => string {
  const format =
    rangeMs <= DAY_MS
      ? new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", hour12: false })
      : new Intl.DateTimeFormat(undefined, {
          month: "2-digit",
          day: "2-digit",
          hour: "2-digit",
          minute: "2-digit",
          hour12: false,
        });
  return (ms) => format.format(new Date(ms));
}

const FULL_TIME = new Intl.DateTimeFormat(undefined, {
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hour12: false,
});

export function formatFullTime(ms: number): string {
  return FULL_TIME.format(new Date(ms));
}
