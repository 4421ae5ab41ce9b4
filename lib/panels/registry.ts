import type { PanelType, VisualPanel, VisualPanelType } from "../model/panel";
import { alertListPanelType } from "./alertlist";
import { barGaugePanelType } from "./bargauge";
import { gaugePanelType } from "./gauge";
import { heatmapPanelType } from "./heatmap";
import { PANEL_TYPE_SCHEMAS } from "./schemas";
import { statPanelType } from "./stat";
import { tablePanelType } from "./table";
import { timeseriesPanelType } from "./timeseries";
import type { PanelTypeDefinition } from "./types";

/**
 * Every visualization panel type, one entry each (its folder holds the rest; its Grafana
 * translation is registered in `grafana-registry.ts`). The mapped type makes tsc refuse a type of
 * the model's union that has no entry here, and an entry with another type's schema.
 */
export const PANEL_TYPE_REGISTRY: { readonly [T in VisualPanelType]: PanelTypeDefinition<T> } = {
  timeseries: timeseriesPanelType,
  stat: statPanelType,
  gauge: gaugePanelType,
  bargauge: barGaugePanelType,
  heatmap: heatmapPanelType,
  table: tablePanelType,
  alertlist: alertListPanelType,
};

/** The visualization types in the model's order (the order the designer offers them in). */
export const VISUAL_PANEL_TYPES: readonly VisualPanelType[] = PANEL_TYPE_SCHEMAS.map(
  (schema) => schema.shape.type.value,
);

/**
 * The entry of a panel's type, typed for any panel. TypeScript cannot tie the entry looked up by
 * `panel.type` to that panel's own type, hence the one cast: the registry's mapped type already
 * checks that each entry is its key's, so pass it the panel it was looked up by.
 */
export function panelTypeOf(panel: Pick<VisualPanel, "type">): PanelTypeDefinition {
  return PANEL_TYPE_REGISTRY[panel.type] as PanelTypeDefinition;
}

/** What the designer calls each panel type, row headers included. */
export const PANEL_TYPE_LABELS: Readonly<Record<PanelType, string>> = {
  ...(Object.fromEntries(VISUAL_PANEL_TYPES.map((type) => [type, PANEL_TYPE_REGISTRY[type].label])) as Record<
    VisualPanelType,
    string
  >),
  row: "Row",
};

/** Does this type's panel run queries of its own (`targets`)? */
export function hasQueries(type: VisualPanelType): boolean {
  return "targets" in PANEL_TYPE_REGISTRY[type].schema.shape;
}
