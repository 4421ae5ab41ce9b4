import type { FieldConfigSource } from "@grafana/schema";
import type { JsonObject } from "../dashboard/grafana-import/json";
import type { Target, VisualPanel, VisualPanelType } from "../model/panel";
import type { LegacyConversion } from "./common/legacy";
import type { PANEL_TYPE_SCHEMAS } from "./schemas";

export type PanelOf<T extends VisualPanelType> = Extract<VisualPanel, { type: T }>;

/** The zod schema of panel type `T`, one member of the model's panel union. */
export type PanelTypeSchema<T extends VisualPanelType> = Extract<
  (typeof PANEL_TYPE_SCHEMAS)[number],
  { shape: { type: { value: T } } }
>;

export interface PanelSize {
  w: number;
  h: number;
}

/** How a panel type becomes Grafana JSON. */
export interface PanelTypeExport<T extends VisualPanelType> {
  /** Grafana's panel plugin id: the panel's `type` in dashboard JSON. */
  pluginId: string;
  /** `options`: the model's choices plus the defaults Grafana writes for this type. */
  options(panel: PanelOf<T>): object;
  /** `fieldConfig`, with the defaults Grafana writes for a new panel of this type. */
  fieldConfig(panel: PanelOf<T>): FieldConfigSource;
}

/** Some of panel type `T`'s own fields, as the importer read them (the schema checks them next). */
export type ImportedFields<T extends VisualPanelType> = Partial<Record<keyof PanelOf<T>, unknown>>;

/** A retired Grafana panel that Grafana migrates to this type when it loads it; the importer does too. */
export interface LegacyPanel {
  /** The retired panel's name (e.g. "graph", "table-old") when `json` is one, else undefined. */
  detect(json: JsonObject): string | undefined;
  convert(json: JsonObject): LegacyConversion;
  /**
   * Keys of the retired panel that a current panel (one `detect` passes over) still carries. Grafana
   * ignores them, and so does the import: they are kept as raw JSON, and the report says so.
   */
  strayKeys?(json: JsonObject): string[];
}

/** How a Grafana panel of this type becomes the model's. */
export interface PanelTypeImport<T extends VisualPanelType> {
  /**
   * What Grafana (10–12) assumes for a key a panel of this type leaves out. The importer fills them
   * in before mapping (a missing `fillOpacity` is Grafana's 0, not the designer's 10), and the
   * equivalence check drops them, so an export that spells a default out equals one that omits it.
   */
  grafanaDefaults: JsonObject;
  /** The type's own model fields, from the panel's JSON with `grafanaDefaults` filled in. */
  fields(json: JsonObject): ImportedFields<T>;
  /** Where unit, decimals, min and max are read from: the field defaults, or a heatmap's y axis. */
  standardFieldsAt: "fieldConfig.defaults" | "options.yAxis";
  /** Whether thresholds and the standard options of `fieldConfig.defaults` are the model's. */
  fieldConfigStandardOptions: boolean;
  /** Grafana paths the type's own fields come from: a value there that does not survive is reported. */
  modelledPaths: readonly string[];
  /** Retired panels converted to this type before mapping. */
  legacy?: readonly LegacyPanel[];
}

/**
 * What the model, the designer and the catalog need of a panel type (as Perses keeps each panel
 * plugin in one object): its schema, its name, its default size. Its Grafana translation is its
 * PanelTypeGrafana; the designer's view and form for it are registered in `components/`.
 */
export interface PanelTypeDefinition<T extends VisualPanelType = VisualPanelType> {
  type: T;
  /** What the designer calls it. */
  label: string;
  schema: PanelTypeSchema<T>;
  /** Its size when placed without one: added in the designer, or laid out by the catalog's factories. */
  defaultSize: PanelSize;
  /** A query as this type wants it when a panel becomes one (tables show the latest value). */
  adaptTarget?(target: Target): Target;
}

/**
 * How a panel type becomes Grafana JSON and back. Kept apart from PanelTypeDefinition so that the
 * designer, which needs only that, does not load the exporter, the importer and Grafana's retired
 * panels with its first JavaScript (the import dialog loads them when it opens).
 */
export interface PanelTypeGrafana<T extends VisualPanelType = VisualPanelType> {
  type: T;
  export: PanelTypeExport<T>;
  import: PanelTypeImport<T>;
}
