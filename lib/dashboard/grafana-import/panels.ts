import { toGrafanaPanel } from "../../generate/grafana/panels";
import {
  type Dashboard,
  type Panel,
  type PanelInput,
  PanelSchema,
  type Project,
  ReduceCalcSchema,
  type Target,
  type Thresholds,
} from "../../model";
import type { DatasourceResolver } from "./datasources";
import { extraDiff } from "./extra-diff";
import { panelDefaults } from "./grafana-defaults";
import {
  asArray,
  asBoolean,
  asNumber,
  asObject,
  asString,
  getPath,
  isPlainObject,
  type JsonObject,
  withDefaults,
} from "./json";
import type { Box } from "./layout";
import {
  convertGraph,
  convertLegacyAlertList,
  convertOldHeatmap,
  convertSinglestat,
  convertTableOld,
  isLegacyAlertList,
  isOldHeatmap,
  type LegacyConversion,
} from "./legacy";
import type { ImportReporter } from "./report";
import { assignRefIds, mapTarget } from "./targets";

export interface PanelContext {
  project: Project;
  resolver: DatasourceResolver;
  /** The dashboard so far (variables resolved), for the exporter's datasource lookups. */
  draft: Dashboard;
  report: ImportReporter;
}

export type PanelMapping = { ok: true; panel: Panel } | { ok: false; reason: string };

type ModelPanelType = Exclude<Panel["type"], "row">;
const MODEL_TYPES = new Set<string>([
  "timeseries",
  "stat",
  "gauge",
  "bargauge",
  "heatmap",
  "table",
  "alertlist",
]);

/** Keys the importer maps by itself; the rest of a panel's JSON is compared with the exporter's. */
const MAPPED_KEYS = new Set([
  "id",
  "gridPos",
  "type",
  "title",
  "description",
  "datasource",
  "targets",
  "pluginVersion",
]);

/** Grafana paths the model has a field for: a value there that does not survive is worth listing. */
const MODELLED_PATHS: Record<ModelPanelType, readonly string[]> = {
  timeseries: [
    "options.legend.showLegend",
    "options.legend.displayMode",
    "options.legend.placement",
    "options.legend.calcs",
    "fieldConfig.defaults.custom.drawStyle",
    "fieldConfig.defaults.custom.fillOpacity",
    "fieldConfig.defaults.custom.stacking.mode",
  ],
  stat: ["options.reduceOptions.calcs", "options.graphMode", "options.colorMode"],
  gauge: ["options.reduceOptions.calcs", "options.showThresholdMarkers"],
  bargauge: ["options.reduceOptions.calcs", "options.orientation", "options.displayMode"],
  heatmap: ["options.calculate", "options.color.scheme", "options.yAxis.unit", "options.yAxis.decimals"],
  table: ["options.sortBy", "options.showHeader"],
  alertlist: ["options.maxItems", "options.stateFilter", "options.alertInstanceLabelFilter"],
};
const STANDARD_PATHS = [
  "fieldConfig.defaults.unit",
  "fieldConfig.defaults.decimals",
  "fieldConfig.defaults.min",
  "fieldConfig.defaults.max",
  "fieldConfig.defaults.thresholds",
];

/** Kept-as-raw options that change what a panel shows, so the designer should point them out. */
const NOTABLE_KEYS: Record<string, string> = {
  transformations: "transformations",
  "fieldConfig.overrides": "field overrides",
  "fieldConfig.defaults.mappings": "value mappings",
  timeFrom: "relative time override",
  timeShift: "time shift",
  repeat: "panel repeat",
};

const LEGACY_CONVERTERS: Record<string, (panel: JsonObject) => LegacyConversion> = {
  graph: convertGraph,
  singlestat: convertSinglestat,
  "grafana-singlestat-panel": convertSinglestat,
  "table-old": convertTableOld,
};

function enumValue<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return allowed.find((option) => option === value);
}

function intIn(value: unknown, min: number, max: number): number | undefined {
  const number = asNumber(value);
  return number !== undefined && Number.isInteger(number) && number >= min && number <= max
    ? number
    : undefined;
}

/** Grafana's thresholds as the model's: the first step is the base (null), steps increase. */
function mapThresholds(value: unknown, path: string, report: ImportReporter): Thresholds | undefined {
  if (!isPlainObject(value)) return undefined;
  const steps = asArray(value.steps)
    .filter(isPlainObject)
    .map((step) => ({
      value: step.value === null ? null : (asNumber(step.value) ?? null),
      color: asString(step.color) ?? "",
    }))
    .filter((step) => step.color !== "");
  if (steps.length === 0) return undefined;
  const [base, ...rest] = steps as [(typeof steps)[0], ...typeof steps];
  if (base.value !== null)
    report.warn(`${path}: the first threshold step (${base.value}) became the base step`);
  const sorted = rest.filter((step) => step.value !== null).sort((a, b) => (a.value ?? 0) - (b.value ?? 0));
  const unique = sorted.filter((step, index) => index === 0 || step.value !== sorted[index - 1]?.value);
  if (unique.length !== rest.length || sorted.some((step, index) => step !== rest[index])) {
    report.warn(`${path}: threshold steps sorted and de-duplicated`);
  }
  return {
    mode: value.mode === "percentage" ? "percentage" : "absolute",
    steps: [{ value: null, color: base.color }, ...unique],
  };
}

function reduceCalc(options: JsonObject): ReturnType<typeof ReduceCalcSchema.parse> {
  const calc = asArray(asObject(options.reduceOptions).calcs)[0];
  const parsed = ReduceCalcSchema.safeParse(calc);
  return parsed.success ? parsed.data : "lastNotNull";
}

const LEGEND_CALCS = ["min", "max", "mean", "last", "lastNotNull", "sum"] as const;
const ALERT_STATES = ["firing", "pending", "inactive", "error", "noData"] as const;
/** The model's alert states by Grafana's stateFilter key ("normal" is the model's "inactive"). */
const GRAFANA_ALERT_STATE: Record<string, (typeof ALERT_STATES)[number]> = {
  firing: "firing",
  pending: "pending",
  normal: "inactive",
  error: "error",
  noData: "noData",
};

/** The model's fields for one panel type, from Grafana JSON with its defaults filled in. */
function typeFields(type: ModelPanelType, json: JsonObject): Record<string, unknown> {
  const options = asObject(json.options);
  const custom = asObject(getPath(json, "fieldConfig.defaults.custom"));
  switch (type) {
    case "timeseries": {
      const legend = asObject(options.legend);
      const hidden = legend.displayMode === "hidden";
      return {
        legend: {
          show: hidden ? false : (asBoolean(legend.showLegend) ?? true),
          placement: enumValue(legend.placement, ["bottom", "right"] as const) ?? "bottom",
          displayMode: enumValue(legend.displayMode, ["list", "table"] as const) ?? "list",
          calcs: asArray(legend.calcs).filter((calc): calc is (typeof LEGEND_CALCS)[number] =>
            LEGEND_CALCS.includes(calc as (typeof LEGEND_CALCS)[number]),
          ),
        },
        drawStyle: enumValue(custom.drawStyle, ["line", "bars", "points"] as const) ?? "line",
        fillOpacity: Math.min(100, Math.max(0, Math.round(asNumber(custom.fillOpacity) ?? 0))),
        stacking: enumValue(asObject(custom.stacking).mode, ["none", "normal", "percent"] as const) ?? "none",
      };
    }
    case "stat":
      return {
        reduce: reduceCalc(options),
        graphMode: enumValue(options.graphMode, ["area", "none"] as const) ?? "area",
        colorMode: enumValue(options.colorMode, ["value", "background", "none"] as const) ?? "value",
      };
    case "gauge":
      return {
        reduce: reduceCalc(options),
        showThresholdMarkers: asBoolean(options.showThresholdMarkers) ?? true,
      };
    case "bargauge":
      return {
        reduce: reduceCalc(options),
        orientation: enumValue(options.orientation, ["horizontal", "vertical", "auto"] as const) ?? "auto",
        displayMode: enumValue(options.displayMode, ["gradient", "lcd", "basic"] as const) ?? "gradient",
      };
    case "heatmap":
      return {
        calculate: asBoolean(options.calculate) ?? false,
        colorScheme: asString(asObject(options.color).scheme) ?? "Oranges",
      };
    case "table":
      return {
        sortBy: asArray(options.sortBy)
          .filter(isPlainObject)
          .filter((sort) => typeof sort.displayName === "string")
          .map((sort) => ({ displayName: sort.displayName as string, desc: sort.desc === true })),
        showHeader: asBoolean(options.showHeader) ?? true,
      };
    case "alertlist": {
      const filter = asObject(options.stateFilter);
      return {
        maxItems: intIn(options.maxItems, 1, 1000) ?? 20,
        stateFilter: Object.entries(GRAFANA_ALERT_STATE)
          .filter(([key]) => filter[key] === true)
          .map(([, state]) => state),
        labelFilter: asString(options.alertInstanceLabelFilter) ?? "",
      };
    }
    default: {
      const exhaustive: never = type;
      throw new Error(`unknown panel type ${String(exhaustive)}`);
    }
  }
}

/** Unit, decimals, min and max: field defaults, or the y axis for heatmaps. */
function standardFields(type: ModelPanelType, json: JsonObject): Record<string, unknown> {
  const source =
    type === "heatmap"
      ? asObject(getPath(json, "options.yAxis"))
      : asObject(getPath(json, "fieldConfig.defaults"));
  const unit = asString(source.unit);
  return {
    unit: unit === "" ? undefined : unit,
    decimals: intIn(source.decimals, 0, 10),
    min: asNumber(source.min),
    max: asNumber(source.max),
  };
}

function mapTargets(
  json: JsonObject,
  path: string,
  ctx: PanelContext,
): { ok: true; targets: Target[]; datasource?: string } | { ok: false; reason: string } {
  const raw = asArray(json.targets).filter(isPlainObject);
  if (raw.length === 0)
    return { ok: false, reason: "a panel without queries (the model needs at least one)" };
  const { refIds, renamed } = assignRefIds(raw);
  const mapped: Array<{ target: Target; datasource: string | undefined }> = [];
  for (const [index, target] of raw.entries()) {
    const result = mapTarget(target, refIds[index] ?? "A", json.datasource, ctx.resolver);
    if (!result.ok) return { ok: false, reason: `targets[${index}] is ${result.reason}` };
    for (const dropped of result.dropped) {
      ctx.report.keep(
        `${path}.targets[${index}]`,
        `query option ${dropped} has no place in the model; dropped`,
      );
    }
    mapped.push({ target: result.target, datasource: result.datasource });
  }
  if (renamed.length > 0)
    ctx.report.warn(`${path}: refIds renamed to upper-case letters: ${renamed.join(", ")}`);
  const first = mapped[0]?.datasource;
  const shared = first !== undefined && mapped.every((entry) => entry.datasource === first);
  const targets = mapped.map(({ target, datasource }) =>
    shared || datasource === undefined ? target : { ...target, datasource },
  );
  return shared ? { ok: true, targets, datasource: first } : { ok: true, targets };
}

function convertLegacy(json: JsonObject, path: string, report: ImportReporter): JsonObject {
  // Before Grafana 7 (schemaVersion 24) "table" was the table now called table-old.
  const isOldTable = json.type === "table" && Array.isArray(json.styles) && !isPlainObject(json.fieldConfig);
  const type = isOldTable ? "table-old" : (asString(json.type) ?? "");
  const converter =
    LEGACY_CONVERTERS[type] ??
    (type === "alertlist" && isLegacyAlertList(json) ? convertLegacyAlertList : undefined) ??
    (isOldHeatmap(json) ? convertOldHeatmap : undefined);
  if (!converter) return json;
  const { panel, notes } = converter(json);
  report.warn(`${path}: legacy ${type} panel converted to ${String(panel.type)}`);
  for (const note of notes) report.keep(`${path}.${note.key}`, note.what);
  return panel;
}

function title(json: JsonObject, type: string, path: string, report: ImportReporter): string {
  const text = (asString(json.title) ?? "").trim();
  if (text === "") {
    report.warn(`${path}: untitled ${type} panel titled "Untitled ${type}" (the model needs a title)`);
    return `Untitled ${type}`;
  }
  if (text.length > 200) {
    report.warn(`${path}: title cut to 200 characters`);
    return text.slice(0, 200);
  }
  return text;
}

/**
 * One Grafana panel as a model panel, or why it cannot be one (the caller keeps it raw). Retired
 * panel types are migrated first; whatever of the panel the exporter would not reproduce from the
 * model goes into `extra`, so exporting it again gives back the same panel.
 */
export function mapPanel(
  original: JsonObject,
  id: number,
  gridPos: Box,
  path: string,
  ctx: PanelContext,
): PanelMapping {
  if (original.libraryPanel !== undefined)
    return { ok: false, reason: "a library panel (its model lives in Grafana)" };
  const json = convertLegacy(original, path, ctx.report);
  const type = asString(json.type) ?? "";
  if (!MODEL_TYPES.has(type)) {
    return {
      ok: false,
      reason: type === "" ? "a panel without a type" : `panel type "${type}" has no model equivalent`,
    };
  }
  const modelType = type as ModelPanelType;
  const defaults = panelDefaults(modelType);
  const filled = withDefaults(json, defaults);
  let targetFields: { targets?: Target[]; datasource?: string } = {};
  if (modelType !== "alertlist") {
    const targets = mapTargets(filled, path, ctx);
    if (!targets.ok) return targets;
    targetFields = {
      targets: targets.targets,
      ...(targets.datasource ? { datasource: targets.datasource } : {}),
    };
  }
  const description = asString(json.description);
  const input = {
    id,
    type: modelType,
    title: title(json, modelType, path, ctx.report),
    ...(description ? { description } : {}),
    gridPos,
    ...targetFields,
    ...standardFields(modelType, filled),
    thresholds:
      modelType === "heatmap" || modelType === "alertlist"
        ? undefined
        : mapThresholds(
            getPath(filled, "fieldConfig.defaults.thresholds"),
            `${path}.fieldConfig.defaults.thresholds`,
            ctx.report,
          ),
    ...typeFields(modelType, filled),
  } as PanelInput;
  const parsed = PanelSchema.safeParse(withoutUndefined(input as Record<string, unknown>));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      reason: `not a valid ${type} panel for the model (${issue?.path.join(".")}: ${issue?.message})`,
    };
  }
  const panel = parsed.data as Exclude<Panel, { type: "row" }>;
  const generated = toGrafanaPanel(ctx.project, ctx.draft, panel) as unknown as JsonObject;
  const { extra, paths } = extraDiff(filled, generated, defaults, MAPPED_KEYS);
  const modelled = [
    ...MODELLED_PATHS[modelType],
    ...(modelType === "heatmap" || modelType === "alertlist" ? [] : STANDARD_PATHS),
  ];
  for (const lost of paths) {
    if (modelled.some((owned) => lost === owned || lost.startsWith(`${owned}.`))) {
      ctx.report.keep(
        `${path}.${lost}`,
        `value ${JSON.stringify(getPath(filled, lost))} does not fit the model's field; kept as raw JSON in extra`,
      );
    }
  }
  for (const [key, label] of Object.entries(NOTABLE_KEYS)) {
    if (getPath(extra, key) !== undefined)
      ctx.report.keep(`${path}.${key}`, `${label} kept as raw JSON in extra`);
  }
  return { ok: true, panel: extra ? { ...panel, extra } : panel };
}

function withoutUndefined(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined));
}
