import {
  type DisplayedSeries,
  displaySeries,
  drawnSeries,
  type FieldDisplay,
  fieldConfigOf,
} from "@/lib/dashboard/field-config";
import type { Series } from "@/lib/dashboard/series";
import { cssColor, seriesColor } from "@/lib/dashboard/thresholds";
import type { PanelOfType } from "./visualization-props";

type TimeseriesPanel = PanelOfType<"timeseries">;

/** A series as the legend lists it. */
export interface LegendEntry {
  key: string;
  name: string;
  color: string;
  /** Switched off in the legend (by a click, or hidden from the chart by an override). */
  off: boolean;
  series: Series;
  display: FieldDisplay;
}

/** What the time series chart draws, its overrides applied. */
export interface TimeseriesFields {
  /** The legend's entries: every series not hidden from the legend. */
  legend: LegendEntry[];
  /** The series drawn (not switched off, not hidden from the chart), mirrored where negative-Y. */
  drawn: Series[];
  displays: FieldDisplay[];
  colors: string[];
  /** Each drawn series' stack; undefined when it is not stacked. */
  groups: (string | undefined)[];
  /** 0 to 1, per drawn series. */
  fills: number[];
  lineWidths: (number | undefined)[];
  /** -1 for a series mirrored below zero: its tooltip shows the value itself, as Grafana's does. */
  signs: number[];
}

function colorOf(entry: DisplayedSeries, index: number): string {
  return entry.display.fixedColor ? cssColor(entry.display.fixedColor) : seriesColor(index);
}

/** The stack a series joins: its group, apart for series mirrored below zero (as Grafana stacks them). */
function stackGroup(display: FieldDisplay, percent: boolean): string | undefined {
  const stacking = display.stacking;
  if (!stacking || (stacking.mode === "none" && !percent)) return undefined;
  return `${stacking.group}|${display.negativeY ? "below" : "above"}`;
}

/**
 * The panel's series with their field overrides applied: names, fixed colours, hidden from legend,
 * tooltip or chart, mirrored below zero, stacked by group (a series an override unstacks is drawn
 * from zero), fill and line width. `off` are the series switched off in the legend.
 */
export function timeseriesFields(
  panel: TimeseriesPanel,
  series: readonly Series[],
  off: ReadonlySet<string>,
): TimeseriesFields {
  const displayed = displaySeries(series, fieldConfigOf(panel));
  const legend: LegendEntry[] = [];
  const out: Omit<TimeseriesFields, "legend"> = {
    drawn: [],
    displays: [],
    colors: [],
    groups: [],
    fills: [],
    lineWidths: [],
    signs: [],
  };
  const percent = panel.stacking === "percent";
  displayed.forEach((entry, index) => {
    // A series keeps its colour when others are hidden.
    const color = colorOf(entry, index);
    const { display } = entry;
    const switchedOff = off.has(entry.series.key);
    if (!display.hideFrom.legend) {
      legend.push({
        key: entry.series.key,
        name: display.displayName,
        color,
        off: switchedOff || display.hideFrom.viz,
        series: entry.series,
        display,
      });
    }
    if (switchedOff || display.hideFrom.viz) return;
    out.drawn.push({ ...drawnSeries(entry), name: display.displayName });
    out.displays.push(display);
    out.colors.push(color);
    out.groups.push(stackGroup(display, percent));
    out.fills.push(Math.max(0, Math.min(100, display.fillOpacity ?? panel.fillOpacity)) / 100);
    out.lineWidths.push(display.lineWidth);
    out.signs.push(display.negativeY ? -1 : 1);
  });
  return { legend, ...out };
}
