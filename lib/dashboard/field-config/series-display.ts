import type { FieldOverride } from "../../model/field-config";
import type { QueryPanel } from "../../model/panel";
import type { Series } from "../series";
import { type FieldDefaults, type FieldDisplay, resolveField } from "./resolve";

/** A series with how it is shown: its overrides applied. */
export interface DisplayedSeries {
  series: Series;
  display: FieldDisplay;
}

/** The overrides and defaults a panel gives its fields, from any query panel of the model. */
export interface FieldConfigOf {
  overrides?: readonly FieldOverride[];
  defaults: FieldDefaults;
}

/**
 * Each series of a panel with its field display: a Prometheus series is a frame with one value
 * field, named as its legend says, of its query's refId.
 */
export function displaySeries(series: readonly Series[], config: FieldConfigOf): DisplayedSeries[] {
  return series.map((entry) => ({
    series: entry,
    display: resolveField(config.defaults, config.overrides, {
      name: entry.name,
      refId: entry.refId,
      type: "number",
      values: entry.points.map(([, value]) => value),
    }),
  }));
}

/**
 * A series as drawn: mirrored below zero when its field says negative-Y (Grafana multiplies every
 * value by -1 before stacking and scaling); otherwise as it is.
 */
export function drawnSeries(entry: DisplayedSeries): Series {
  if (!entry.display.negativeY) return entry.series;
  return {
    ...entry.series,
    points: entry.series.points.map(([time, value]) => [time, value === null ? null : -value]),
  };
}

/** A model panel's field config: its standard options as defaults, and its overrides. */
export function fieldConfigOf(panel: QueryPanel): FieldConfigOf {
  return {
    overrides: "overrides" in panel ? panel.overrides : undefined,
    defaults: {
      unit: panel.unit,
      decimals: panel.decimals,
      min: panel.min,
      max: panel.max,
      thresholds: panel.thresholds,
      mappings: "mappings" in panel ? panel.mappings : undefined,
      stacking: "stacking" in panel ? panel.stacking : undefined,
      fillOpacity: "fillOpacity" in panel ? panel.fillOpacity : undefined,
    },
  };
}
