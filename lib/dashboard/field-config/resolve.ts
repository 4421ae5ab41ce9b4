import {
  FIELD_PROPERTY_VALUES,
  type FieldOverride,
  type FieldPropertyId,
  type FieldPropertyValue,
  isKnownProperty,
  type ValueMapping,
} from "../../model/field-config";
import type { Thresholds } from "../../model/panel-base";
import { type FieldRef, matchesField } from "./matchers";

/** Where a field is hidden: from the legend, the tooltip, the chart itself (Grafana's hideFrom). */
export interface HideFrom {
  legend: boolean;
  tooltip: boolean;
  viz: boolean;
}

/** How one field (a series, a column) is shown: the panel's defaults with its overrides applied. */
export interface FieldDisplay {
  /** The name shown in the legend, tooltip or header: a displayName override, else the field's own. */
  displayName: string;
  unit: string | undefined;
  decimals: number | undefined;
  min: number | undefined;
  max: number | undefined;
  thresholds: Thresholds | undefined;
  mappings: readonly ValueMapping[];
  /** A fixed colour (Grafana's "fixed" or "shades" colour mode), else the panel's scheme decides. */
  fixedColor: string | undefined;
  /** The colour mode an override set ("thresholds", "fixed" …), when one did. */
  colorMode: string | undefined;
  hideFrom: HideFrom;
  /** A table column hidden (`custom.hidden`). */
  hidden: boolean;
  /** Stacking of a time series; undefined keeps the panel's. */
  stacking: { mode: "none" | "normal" | "percent"; group: string } | undefined;
  /** Drawn mirrored below zero (Grafana's `custom.transform: negative-Y`). */
  negativeY: boolean;
  fillOpacity: number | undefined;
  lineWidth: number | undefined;
  /** A table column's width in pixels. */
  width: number | undefined;
  /** How a table cell shows its value (Grafana's cellOptions type): "color-text", "color-background" … */
  cellType: string | undefined;
}

/** What a panel gives every field before overrides (the model's standard options). */
export interface FieldDefaults {
  unit?: string;
  decimals?: number;
  min?: number;
  max?: number;
  thresholds?: Thresholds;
  mappings?: readonly ValueMapping[];
  stacking?: "none" | "normal" | "percent";
  fillOpacity?: number;
  cellType?: string;
}

const NOT_HIDDEN: HideFrom = { legend: false, tooltip: false, viz: false };

function initial(defaults: FieldDefaults, name: string): FieldDisplay {
  return {
    displayName: name,
    unit: defaults.unit,
    decimals: defaults.decimals,
    min: defaults.min,
    max: defaults.max,
    thresholds: defaults.thresholds,
    mappings: defaults.mappings ?? [],
    fixedColor: undefined,
    colorMode: undefined,
    hideFrom: NOT_HIDDEN,
    hidden: false,
    stacking: defaults.stacking ? { mode: defaults.stacking, group: "A" } : undefined,
    negativeY: false,
    fillOpacity: defaults.fillOpacity,
    lineWidth: undefined,
    width: undefined,
    cellType: defaults.cellType,
  };
}

/** A property's value when it is one the preview applies and well-formed; else undefined. */
function read<K extends FieldPropertyId>(id: K, value: unknown): FieldPropertyValue<K> | undefined {
  if (value === undefined || value === null) return undefined;
  const parsed = FIELD_PROPERTY_VALUES[id].safeParse(value);
  return parsed.success ? (parsed.data as FieldPropertyValue<K>) : undefined;
}

/** One property laid over the field's display, as Grafana's setDynamicConfigValue sets it. */
function apply(display: FieldDisplay, id: string, value: unknown): FieldDisplay {
  if (!isKnownProperty(id)) return display;
  switch (id) {
    case "displayName": {
      const name = read(id, value);
      return name ? { ...display, displayName: name } : display;
    }
    case "unit":
      return { ...display, unit: read(id, value) ?? display.unit };
    case "decimals":
      return { ...display, decimals: read(id, value) ?? display.decimals };
    case "min":
      return { ...display, min: read(id, value) ?? display.min };
    case "max":
      return { ...display, max: read(id, value) ?? display.max };
    case "thresholds": {
      const thresholds = read(id, value);
      if (!thresholds) return display;
      return {
        ...display,
        thresholds: {
          mode: thresholds.mode,
          steps: thresholds.steps.map((step, index) => ({
            value: index === 0 ? null : (step.value ?? null),
            color: step.color,
          })),
        },
      };
    }
    case "mappings":
      return { ...display, mappings: read(id, value) ?? display.mappings };
    case "color": {
      const color = read(id, value);
      if (!color) return display;
      const fixed = color.mode === "fixed" || color.mode === "shades" ? color.fixedColor : undefined;
      return { ...display, colorMode: color.mode, fixedColor: fixed };
    }
    case "custom.hideFrom": {
      const hide = read(id, value);
      return hide
        ? {
            ...display,
            hideFrom: {
              legend: hide.legend === true,
              tooltip: hide.tooltip === true,
              viz: hide.viz === true,
            },
          }
        : display;
    }
    case "custom.hidden":
      return { ...display, hidden: read(id, value) ?? display.hidden };
    case "custom.stacking": {
      const stacking = read(id, value);
      if (!stacking) return display;
      const group = typeof stacking.group === "string" && stacking.group !== "" ? stacking.group : "A";
      return { ...display, stacking: { mode: stacking.mode, group } };
    }
    case "custom.transform":
      return { ...display, negativeY: read(id, value) === "negative-Y" };
    case "custom.fillOpacity":
      return { ...display, fillOpacity: read(id, value) ?? display.fillOpacity };
    case "custom.lineWidth":
      return { ...display, lineWidth: read(id, value) ?? display.lineWidth };
    case "custom.width":
      return { ...display, width: read(id, value) ?? display.width };
    case "custom.cellOptions":
      return { ...display, cellType: read(id, value)?.type ?? display.cellType };
    default: {
      const never: never = id;
      throw new Error(`unknown property ${String(never)}`);
    }
  }
}

/**
 * How a field is shown, as Grafana's applyFieldOverrides works it out: the panel's defaults, then
 * every override whose matcher picks the field, in order, each property replacing what was set
 * before (so the last override wins). Matchers look at the field's own name, not a display name
 * an earlier override gave it.
 */
export function resolveField(
  defaults: FieldDefaults,
  overrides: readonly FieldOverride[] | undefined,
  field: FieldRef,
): FieldDisplay {
  let display = initial(defaults, field.name);
  for (const override of overrides ?? []) {
    if (!matchesField(override.matcher, field)) continue;
    for (const property of override.properties) display = apply(display, property.id, property.value);
  }
  return display;
}
