import type { FieldOverride, FieldProperty } from "@/lib/model/field-config";

/** What the panel form offers to add to an override, with the value a new one starts with. */
export const EDITABLE_PROPERTIES: ReadonlyArray<{ id: string; label: string; initial: unknown }> = [
  { id: "displayName", label: "Display name", initial: "" },
  { id: "unit", label: "Unit", initial: "short" },
  { id: "decimals", label: "Decimals", initial: 2 },
  { id: "min", label: "Min", initial: 0 },
  { id: "max", label: "Max", initial: 100 },
  { id: "color", label: "Colour", initial: { mode: "fixed", fixedColor: "red" } },
  { id: "custom.hideFrom", label: "Hide in area", initial: { legend: false, tooltip: false, viz: true } },
  { id: "custom.transform", label: "Transform", initial: "negative-Y" },
  { id: "custom.stacking", label: "Stack series", initial: { group: "A", mode: "none" } },
  { id: "custom.fillOpacity", label: "Fill opacity", initial: 0 },
  { id: "custom.lineWidth", label: "Line width", initial: 1 },
  { id: "custom.hidden", label: "Hide in table", initial: true },
  { id: "custom.width", label: "Column width", initial: 150 },
];

export const MATCHER_LABELS: ReadonlyArray<[string, string]> = [
  ["byName", "Fields with name"],
  ["byRegexp", "Fields with name matching regex"],
  ["byFrameRefID", "Fields returned by query"],
  ["byType", "Fields with type"],
];

export function propertyLabel(id: string): string {
  return EDITABLE_PROPERTIES.find((entry) => entry.id === id)?.label ?? id;
}

/** A new override: fields named "" (to fill in), no properties yet. */
export function newOverride(): FieldOverride {
  return { matcher: { id: "byName", options: "" }, properties: [] };
}

/** The matcher changed to another kind: its options start as the kind wants them. */
export function withMatcher(override: FieldOverride, id: string): FieldOverride {
  const previous = typeof override.matcher.options === "string" ? override.matcher.options : "";
  const options = id === "byType" ? "number" : previous;
  return { ...override, matcher: { id, options } };
}

/** A property added with its starting value; one with the same id is replaced, as Grafana keeps one per id. */
export function withProperty(override: FieldOverride, id: string): FieldOverride {
  const initial = EDITABLE_PROPERTIES.find((entry) => entry.id === id)?.initial;
  const property: FieldProperty = { id, value: initial };
  const exists = override.properties.some((entry) => entry.id === id);
  return {
    ...override,
    properties: exists
      ? override.properties.map((entry) => (entry.id === id ? property : entry))
      : [...override.properties, property],
  };
}

/** The property at `index` with a new value, its other keys (Grafana's `__systemRef`) kept. */
export function withPropertyValue(override: FieldOverride, index: number, value: unknown): FieldOverride {
  return {
    ...override,
    properties: override.properties.map((entry, i) => (i === index ? { ...entry, value } : entry)),
  };
}
