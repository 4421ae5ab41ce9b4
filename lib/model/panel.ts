import { z } from "zod";
import { PANEL_TYPE_SCHEMAS } from "../panels/schemas";
import { unknownTag } from "./common";
import { GridPosSchema, type Target } from "./panel-base";

export * from "./panel-base";

/** A row header; panels below it (by y) until the next row belong to it. */
export const RowPanelSchema = z.object({
  id: z.int().min(1),
  type: z.literal("row"),
  title: z.string().min(1).max(200),
  collapsed: z.boolean().default(false),
  gridPos: GridPosSchema,
  /** Grafana row options the designer does not model (e.g. `repeat`), kept so imports round-trip. */
  extra: z.record(z.string(), z.unknown()).optional(),
});

/** Every panel type's schema (each visualization's from `lib/panels/<type>/schema.ts`), rows last. */
const PANEL_SCHEMAS = [...PANEL_TYPE_SCHEMAS, RowPanelSchema] as const;

export const PanelSchema = z.discriminatedUnion("type", PANEL_SCHEMAS, {
  error: unknownTag(
    "panel",
    "type",
    PANEL_SCHEMAS.map((schema) => schema.shape.type.value),
  ),
});
export type Panel = z.infer<typeof PanelSchema>;
export type PanelInput = z.input<typeof PanelSchema>;
export type PanelType = Panel["type"];
export type RowPanel = z.infer<typeof RowPanelSchema>;
/** A panel that draws something: every type but the row header. */
export type VisualPanel = Exclude<Panel, RowPanel>;
export type VisualPanelType = VisualPanel["type"];
/** A panel that runs queries (every visualization but the alert list). */
export type QueryPanel = Extract<Panel, { targets: Target[] }>;

export const PANEL_TYPES: readonly PanelType[] = PANEL_SCHEMAS.map((schema) => schema.shape.type.value);

export function panelTargets(panel: Panel): Target[] {
  return "targets" in panel ? panel.targets : [];
}
