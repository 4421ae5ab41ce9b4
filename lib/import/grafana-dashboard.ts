import { GrafanaImportError, importGrafanaDashboard } from "../dashboard/grafana-import";
import type { Dashboard, ModelIssue, Project } from "../model";

/**
 * A Grafana dashboard export added to a project: the one conversion the API's
 * `POST /api/projects/{id}/dashboards {grafana}`, the designer's import dialog and `obsforge
 * import` share. Pure (no I/O), so the browser runs it for the dialog's preview too.
 */

/** What an import did, as the API answers it and the CLI prints it. */
export interface DashboardImportReport {
  title: string;
  uid: string;
  /** Panels as the file counts them (inside rows included, rows themselves not). */
  panels: { total: number; editable: number; keptRaw: number };
  /** The counts in words: "125 panels: 125 editable, 0 kept as raw JSON". */
  summary: string;
  /** What the model cannot hold, by JSON path: kept as raw JSON and exported again as it was, or dropped where it says so. */
  unmapped: { path: string; what: string }[];
  /** What the import converted or changed on the way: legacy panels, moved panels, renumbered ids, datasources. */
  warnings: string[];
}

export interface DashboardImport {
  dashboard: Dashboard;
  report: DashboardImportReport;
}

export interface DashboardImportOptions {
  /** The uid to store it under instead of the file's (on a clash); the model checks it when it is stored. */
  uid?: string;
  /** A dashboard of the project with that uid is replaced by this one instead of refusing it. */
  replace?: boolean;
}

/** The project already has a dashboard with the uid the import would use; nothing was added. */
export class DashboardUidTakenError extends Error {
  constructor(
    readonly uid: string,
    /** A uid the project does not use yet: the taken one with `-2`, `-3` … */
    readonly freeUid: string,
  ) {
    super(`the project already has a dashboard with uid "${uid}"`);
    this.name = "DashboardUidTakenError";
  }
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The dashboard inside an export: bare, or in the `{dashboard, meta}` wrapper of Grafana's HTTP
 * API (the same reading as the importer's).
 */
function unwrap(json: JsonObject): JsonObject {
  return isObject(json.dashboard) && !("panels" in json) && !("title" in json) ? json.dashboard : json;
}

/**
 * Whether `json` is a Grafana dashboard, by its content: a `schemaVersion` (every export since
 * Grafana 2 has one) and a layout (`panels`, or the legacy `rows`), bare or in the API's wrapper.
 * Obsforge's own model dashboards have no `schemaVersion`.
 */
export function isGrafanaDashboard(json: unknown): boolean {
  if (!isObject(json)) return false;
  const dashboard = unwrap(json);
  return (
    typeof dashboard.schemaVersion === "number" &&
    (Array.isArray(dashboard.panels) || Array.isArray(dashboard.rows))
  );
}

/** Panels in the file: each non-row panel, those inside rows (collapsed or legacy `rows[]`) included. */
function panelsInFile(json: unknown): number {
  if (!isObject(json)) return 0;
  const dashboard = unwrap(json);
  const count = (panels: unknown): number =>
    Array.isArray(panels)
      ? panels.reduce<number>(
          (sum, panel) =>
            sum + (isObject(panel) && panel.type === "row" ? count(panel.panels) : isObject(panel) ? 1 : 0),
          0,
        )
      : 0;
  const legacyRows = Array.isArray(dashboard.rows) ? dashboard.rows.filter(isObject) : [];
  return count(dashboard.panels) + legacyRows.reduce((sum, row) => sum + count(row.panels), 0);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** `uid`, or `uid-2`, `uid-3` … when it is taken (Grafana's limit of 40 characters kept). */
export function freeDashboardUid(uid: string, taken: ReadonlySet<string>): string {
  if (!taken.has(uid)) return uid;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${uid.slice(0, 40 - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * Converts a Grafana dashboard export (bare or as the HTTP API returns it) into a dashboard of
 * `project`, with the report of what was converted and what is kept raw. It adds nothing: the
 * caller stores it (a section add on the server, the project file in the CLI), and the model
 * checks it there. Throws GrafanaImportError when `json` is not an importable Grafana dashboard
 * (issues with paths into `json`), DashboardUidTakenError when the project has its uid.
 */
export function importDashboard(
  json: unknown,
  project: Project,
  options: DashboardImportOptions = {},
): DashboardImport {
  const result = importGrafanaDashboard(json, project);
  const dashboard = options.uid === undefined ? result.dashboard : { ...result.dashboard, uid: options.uid };
  const taken = new Set(project.dashboards.map((existing) => existing.uid));
  if (taken.has(dashboard.uid) && options.replace !== true)
    throw new DashboardUidTakenError(dashboard.uid, freeDashboardUid(dashboard.uid, taken));
  const editable = dashboard.panels.filter((panel) => panel.type !== "row").length;
  const total = Math.max(panelsInFile(json), editable);
  const keptRaw = total - editable;
  return {
    dashboard,
    report: {
      title: dashboard.title,
      uid: dashboard.uid,
      panels: { total, editable, keptRaw },
      summary: `${plural(total, "panel")}: ${editable} editable, ${keptRaw} kept as raw JSON`,
      unmapped: result.unmapped,
      warnings: result.warnings,
    },
  };
}

/** The issues of a GrafanaImportError with their paths put under `prefix` (where the export sat in a request). */
export function issuesUnder(error: GrafanaImportError, prefix: string): ModelIssue[] {
  return error.issues.map((issue) => ({
    ...issue,
    path:
      issue.path === "(root)" || issue.path === ""
        ? prefix
        : issue.path.startsWith("[")
          ? `${prefix}${issue.path}`
          : `${prefix}.${issue.path}`,
  }));
}

export { GrafanaImportError };
