import { toGrafanaPanel } from "../../generate/grafana/panels";
import {
  type Dashboard,
  type Panel,
  type PanelInput,
  PanelSchema,
  type Project,
  type Target,
  type VisualPanel,
} from "../../model";
import { modelledPaths, readModelledFields } from "../../panels/common/modelled-fields";
import { followRefIdRenames, refIdRenames } from "../../panels/common/refid-renames";
import { LEGACY_PANELS, panelTypeByPluginId } from "../../panels/grafana-registry";
import { hasQueries } from "../../panels/registry";
import type { DatasourceResolver } from "./datasources";
import { type ExtraDiff, extraDiff } from "./extra-diff";
import {
  asArray,
  asString,
  deepEqual,
  deletePath,
  getPath,
  isPlainObject,
  type JsonObject,
  withDefaults,
} from "./json";
import type { Box } from "./layout";
import { normalizeGrafanaPanel } from "./normalize";
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

/** Kept-as-raw options that change what a panel shows, so the designer should point them out. */
const NOTABLE_KEYS: Record<string, string> = {
  transformations: "transformations",
  "fieldConfig.overrides": "field overrides",
  "fieldConfig.defaults.mappings": "value mappings",
  timeFrom: "relative time override",
  timeShift: "time shift",
  repeat: "panel repeat",
};

/** How the import report words a value the model writes differently but that means the same. */
const SAME_MEANING: Record<string, string> = {
  "fieldConfig.defaults.thresholds":
    "thresholds read as Grafana reads them (the first step is the base step, with or without a value; the others in order)",
  "options.legend.displayMode": 'legend displayMode "hidden" read as a hidden legend',
  "options.legend.showLegend": 'legend displayMode "hidden" read as a hidden legend',
};

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
    if (name === undefined) {
      const stray = legacy.strayKeys?.(json) ?? [];
      if (stray.length > 0)
        report.warn(
          `${path}: a current ${String(json.type)} panel that still carries legacy keys (${stray.join(", ")}): read from its options, as Grafana does; the legacy keys are kept as raw JSON, not converted`,
        );
      continue;
    }
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
  // Overrides and transformations that name a query by a refId the model renames follow the rename.
  const renames = refIdRenames(asArray(json.targets).filter(isPlainObject));
  const filled = followRefIdRenames(withDefaults(json, defaults), renames);
  if (renames.size > 0 && !deepEqual(filled, withDefaults(json, defaults)))
    ctx.report.warn(
      `${path}: field overrides and transformations that named a renamed refId name its new one`,
    );
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
  const thresholdsPath = `${path}.fieldConfig.defaults.thresholds`;
  const input = {
    id,
    type: modelType,
    title: title(json, modelType, path, ctx.report),
    ...(description ? { description } : {}),
    gridPos,
    ...targetFields,
    ...readModelledFields(grafana, filled, (what, detail) =>
      ctx.report.warn(
        what === "base-step-value"
          ? `${thresholdsPath}: the first threshold step (${detail}) became the base step`
          : `${thresholdsPath}: threshold steps sorted and de-duplicated`,
      ),
    ),
  } as PanelInput;
  const parsed = PanelSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      reason: `not a valid ${type} panel for the model (${issue?.path.join(".")}: ${issue?.message})`,
    };
  }
  const panel = parsed.data as VisualPanel;
  const generated = toGrafanaPanel(ctx.project, ctx.draft, panel) as unknown as JsonObject;
  const diff = extraDiff(filled, generated, defaults, MAPPED_KEYS);
  const extra = keepWhatTheModelCannotHold(diff, filled, generated, modelledPaths(grafana), path, ctx.report);
  for (const [key, label] of Object.entries(NOTABLE_KEYS)) {
    if (getPath(extra, key) !== undefined)
      ctx.report.keep(`${path}.${key}`, `${label} kept as raw JSON in extra`);
  }
  return { ok: true, panel: extra ? { ...panel, extra } : panel };
}

/**
 * `extra` without a raw copy of what the model holds. Where the original spells a modelled value
 * differently from the export but Grafana reads both alike (a base threshold step without a value,
 * a legend hidden through its displayMode), the model's value is the value: nothing is kept, and
 * the report says what the reading did. Where the model cannot hold the value (12 decimals, the
 * "range" reducer), the original is kept and listed; the exporter writes it until that field is
 * edited, and never over an edit (see mergeKept).
 */
function keepWhatTheModelCannotHold(
  diff: ExtraDiff,
  filled: JsonObject,
  generated: JsonObject,
  modelled: readonly string[],
  path: string,
  report: ImportReporter,
): JsonObject | undefined {
  let extra = diff.extra;
  if (!extra) return undefined;
  const original = normalizeGrafanaPanel(filled);
  const written = normalizeGrafanaPanel(generated);
  const sameMeaning = new Map<string, boolean>();
  for (const lost of diff.paths) {
    const owned = modelled.find((entry) => lost === entry || lost.startsWith(`${entry}.`));
    if (owned === undefined) continue;
    let same = sameMeaning.get(owned);
    if (same === undefined) {
      same = deepEqual(getPath(original, owned), getPath(written, owned));
      sameMeaning.set(owned, same);
      if (same) {
        extra = deletePath(extra, owned);
        report.convert(SAME_MEANING[owned] ?? `${owned} read as Grafana reads it`, path);
      }
    }
    if (!same) {
      report.keep(
        `${path}.${lost}`,
        `value ${JSON.stringify(getPath(filled, lost))} does not fit the model's field; kept as raw JSON in extra`,
      );
    }
  }
  return Object.keys(extra).length > 0 ? extra : undefined;
}
