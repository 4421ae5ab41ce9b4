import { GrafanaImportError, importGrafanaDashboard } from "../dashboard/grafana-import";
import { toGrafanaDashboard } from "../generate/grafana/dashboard";
import type { Dashboard, ModelIssue, Panel, Project } from "../model";
import { isGrafanaDashboard } from "./grafana-dashboard";

/**
 * Grafana's JSON pasted where the designer shows the model's: a panel into a panel's JSON tab, a
 * dashboard into the dashboard's JSON view. Recognised by content and converted by the importer
 * (the same conversion as an import), with what the conversion did in words. Pure, for the browser.
 */

export type PastedGrafana<T> =
  /** Not Grafana's dialect: the text is read as the model's. */
  | { kind: "not-grafana" }
  | { kind: "converted"; value: T; notes: string[] }
  /** Grafana's, but the model cannot hold it: why, as markers. */
  | { kind: "refused"; issues: ModelIssue[] };

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Panel types Grafana retired; the model never writes them. */
const LEGACY_TYPES = new Set(["graph", "singlestat", "table-old", "grafana-singlestat-panel"]);

/**
 * Whether a panel's JSON is Grafana's rather than the model's: the model never writes
 * `fieldConfig` or `pluginVersion` at the top, a datasource object, a query without `kind`, or a
 * retired panel type.
 */
export function isGrafanaPanel(json: unknown): boolean {
  if (!isObject(json) || typeof json.type !== "string") return false;
  if ("fieldConfig" in json || "pluginVersion" in json || isObject(json.datasource)) return true;
  if (LEGACY_TYPES.has(json.type)) return true;
  const targets = Array.isArray(json.targets) ? json.targets : [];
  return targets.some((target) => isObject(target) && !("kind" in target));
}

function refusal(path: string, message: string): PastedGrafana<never> {
  return { kind: "refused", issues: [{ path, message, severity: "error" }] };
}

function importIssues(error: GrafanaImportError, within: string): ModelIssue[] {
  return error.issues.map((issue) => ({
    ...issue,
    path: issue.path.startsWith(`${within}.`) ? issue.path.slice(within.length + 1) : issue.path,
  }));
}

/** What the importer said, as notes: each conversion, then what it keeps as raw JSON. */
function notesOf(warnings: readonly string[], unmapped: readonly { path: string; what: string }[]): string[] {
  return [...warnings, ...unmapped.map((entry) => `${entry.path}: ${entry.what}`)];
}

/**
 * A Grafana panel pasted over `panel` of `dashboard`: converted as if it stood in the dashboard
 * (its variables and datasources resolve), keeping `panel`'s id and place on the grid.
 */
export function convertPastedPanel(
  json: unknown,
  project: Project,
  dashboard: Dashboard,
  panel: Panel,
): PastedGrafana<Panel> {
  if (!isGrafanaPanel(json) || !isObject(json)) return { kind: "not-grafana" };
  if (json.type === "row") return refusal("type", "a Grafana row: paste it into the dashboard's JSON view");
  const host = toGrafanaDashboard(project, { ...dashboard, panels: [] }) as unknown as JsonObject;
  const pasted = { ...json, id: panel.id, gridPos: panel.gridPos };
  let result: ReturnType<typeof importGrafanaDashboard>;
  try {
    result = importGrafanaDashboard({ ...host, panels: [pasted] }, project);
  } catch (error) {
    if (error instanceof GrafanaImportError)
      return { kind: "refused", issues: importIssues(error, "panels[0]") };
    throw error;
  }
  const converted = result.dashboard.panels.find((entry) => entry.type !== "row");
  if (!converted) {
    const why = result.unmapped.find((entry) => entry.path === "panels[0]")?.what;
    return refusal(
      "(root)",
      `this Grafana panel cannot be edited in the designer: ${why ?? "not converted"}`,
    );
  }
  const notes = notesOf(result.warnings, result.unmapped).map((note) =>
    note.replace(/^panels\[0\](?::\s*|\.)?/, ""),
  );
  return {
    kind: "converted",
    value: { ...converted, id: panel.id, gridPos: panel.gridPos },
    notes: [`converted from Grafana's ${String(json.type)} panel`, ...notes.filter((note) => note !== "")],
  };
}

/** A Grafana dashboard pasted into the JSON view of the dashboard `uid` (which stays its uid). */
export function convertPastedDashboard(
  json: unknown,
  project: Project,
  uid: string,
): PastedGrafana<Dashboard> {
  if (!isGrafanaDashboard(json)) return { kind: "not-grafana" };
  try {
    const result = importGrafanaDashboard(json, project);
    const panels = result.dashboard.panels.filter((panel) => panel.type !== "row").length;
    return {
      kind: "converted",
      value: { ...result.dashboard, uid },
      notes: [
        `converted from Grafana's dashboard JSON: ${panels} editable panel${panels === 1 ? "" : "s"}`,
        ...notesOf(result.warnings, result.unmapped),
      ],
    };
  } catch (error) {
    if (error instanceof GrafanaImportError) return { kind: "refused", issues: error.issues };
    throw error;
  }
}
