import { toGrafanaPanel } from "../../generate/grafana/panels";
import {
  type Dashboard,
  type Panel,
  type PanelInput,
  PanelSchema,
  type Project,
  type Target,
  type Thresholds,
  type VisualPanel,
} from "../../model";
import { intIn } from "../../panels/common/grafana-import";
import { LEGACY_PANELS, panelTypeByPluginId } from "../../panels/grafana-registry";
import { hasQueries } from "../../panels/registry";
import type { PanelTypeGrafana } from "../../panels/types";
import type { DatasourceResolver } from "./datasources";
import { extraDiff } from "./extra-diff";
import {
  asArray,
  asNumber,
  asObject,
  asString,
  getPath,
  isPlainObject,
  type JsonObject,
  withDefaults,
} from "./json";
import type { Box } from "./layout";
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

/** Grafana paths of the standard options the model has a field for (value panels only). */
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

/** Unit, decimals, min and max, from where the panel's type keeps them. */
function standardFields(grafana: PanelTypeGrafana, json: JsonObject): Record<string, unknown> {
  const source = asObject(getPath(json, grafana.import.standardFieldsAt));
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

/** A retired panel (graph, singlestat, table-old …) migrated first, as Grafana does when it loads it. */
function convertLegacy(json: JsonObject, path: string, report: ImportReporter): JsonObject {
  for (const legacy of LEGACY_PANELS) {
    const name = legacy.detect(json);
    if (name === undefined) continue;
    const { panel, notes } = legacy.convert(json);
    report.warn(`${path}: legacy ${name} panel converted to ${String(panel.type)}`);
    for (const note of notes) report.keep(`${path}.${note.key}`, note.what);
    return panel;
  }
  return json;
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
  const grafana = panelTypeByPluginId(type);
  if (!grafana) {
    return {
      ok: false,
      reason: type === "" ? "a panel without a type" : `panel type "${type}" has no model equivalent`,
    };
  }
  const modelType = grafana.type;
  const defaults = grafana.import.grafanaDefaults;
  const standardOptions = grafana.import.fieldConfigStandardOptions;
  const filled = withDefaults(json, defaults);
  let targetFields: { targets?: Target[]; datasource?: string } = {};
  if (hasQueries(modelType)) {
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
    ...standardFields(grafana, filled),
    thresholds: standardOptions
      ? mapThresholds(
          getPath(filled, "fieldConfig.defaults.thresholds"),
          `${path}.fieldConfig.defaults.thresholds`,
          ctx.report,
        )
      : undefined,
    ...grafana.import.fields(filled),
  } as PanelInput;
  const parsed = PanelSchema.safeParse(withoutUndefined(input as Record<string, unknown>));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      reason: `not a valid ${type} panel for the model (${issue?.path.join(".")}: ${issue?.message})`,
    };
  }
  const panel = parsed.data as VisualPanel;
  const generated = toGrafanaPanel(ctx.project, ctx.draft, panel) as unknown as JsonObject;
  const { extra, paths } = extraDiff(filled, generated, defaults, MAPPED_KEYS);
  const modelled = [...grafana.import.modelledPaths, ...(standardOptions ? STANDARD_PATHS : [])];
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
