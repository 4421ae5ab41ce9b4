import { displaySeries, displayValue, type FieldDisplay, fieldConfigOf } from "@/lib/dashboard/field-config";
import { calculate, type Series } from "@/lib/dashboard/series";
import { thresholdColor } from "@/lib/dashboard/thresholds";
import type { QueryPanel, ReduceCalc } from "@/lib/model/panel";

/** One reduced value of a stat, gauge or bar gauge, as the panel shows it. */
export interface ValueField {
  key: string;
  /** The series' name, or the display name an override gives it. */
  name: string;
  value: number | null;
  /** The value's text: a value mapping's, else the value in the field's unit and decimals. */
  text: string;
  /** A mapping's colour, else a fixed colour, else the thresholds' (the panel's, or an override's). */
  color: string;
  /** Whether a value mapping matched (it may show a value the reducer found none for: "N/A"). */
  mapped: boolean;
  display: FieldDisplay;
}

/**
 * The series of a value panel reduced to one value each, with their field overrides and value
 * mappings applied. A series hidden from the chart is left out, and so is one without a value,
 * unless a mapping gives that gap a text.
 */
export function valueFields(
  panel: QueryPanel,
  series: readonly Series[],
  reduce: ReduceCalc,
  range: (display: FieldDisplay) => { min?: number; max?: number } = (display) => display,
): ValueField[] {
  return displaySeries(series, fieldConfigOf(panel)).flatMap(({ series: entry, display }) => {
    if (display.hideFrom.viz) return [];
    const value = calculate(entry.points, reduce);
    const shown = displayValue(value, display);
    if (value === null && !shown.mapped) return [];
    return [
      {
        key: entry.key,
        name: display.displayName,
        value,
        text: shown.text,
        color: shown.color ?? thresholdColor(value, display.thresholds, range(display)),
        mapped: shown.mapped,
        display,
      },
    ];
  });
}
