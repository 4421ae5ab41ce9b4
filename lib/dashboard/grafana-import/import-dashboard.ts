import { toGrafanaDashboard } from "../../generate/grafana/dashboard";
import {
  type Dashboard,
  DashboardSchema,
  DashboardUidSchema,
  type DatasourceType,
  formatIssue,
  IssueCollector,
  type Panel,
  type Project,
  type RowPanel,
  slugify,
  type Variable,
} from "../../model";
import { checkDashboard } from "../../model/checks/dashboards";
import { DatasourceResolver, datasourceTypeOfPlugin, rewriteDatasourceRefs } from "./datasources";
import { extraDiff } from "./extra-diff";
import { BUILT_IN_ANNOTATION, DASHBOARD_DEFAULTS } from "./grafana-defaults";
import { parseGrafanaInput } from "./input-schema";
import {
  asArray,
  asNumber,
  asObject,
  asString,
  deepEqual,
  isPlainObject,
  type JsonObject,
  substituteConstantInputs,
  withDefaults,
} from "./json";
import { type Box, type FlatPanel, layOut } from "./layout";
import { upgradeToGridLayout } from "./legacy-rows";
import { mapPanel, type PanelContext } from "./panels";
import { ImportReporter } from "./report";
import { mapVariable } from "./variables";

export interface GrafanaImportResult {
  dashboard: Dashboard;
  /** What the model could not hold: kept as raw JSON in `extra`, or dropped where it says so. */
  unmapped: { path: string; what: string }[];
  /** What the import changed on the way: conversions, moved panels, renumbered ids, resolved datasources. */
  warnings: string[];
}

/** Dashboard keys the importer maps itself, or export metadata Grafana rewrites on every export. */
const DASHBOARD_MAPPED_KEYS = new Set([
  "id",
  "uid",
  "title",
  "description",
  "tags",
  "refresh",
  "time",
  "timezone",
  "panels",
  "rows",
  "templating",
  "schemaVersion",
  "version",
  "iteration",
  "__inputs",
  "__requires",
]);

const ROW_MAPPED_KEYS = new Set([
  "id",
  "gridPos",
  "type",
  "title",
  "panels",
  "collapsed",
  "datasource",
  "targets",
]);

function dashboardUid(input: JsonObject, title: string, report: ImportReporter): string {
  const uid = asString(input.uid);
  if (uid && DashboardUidSchema.safeParse(uid).success) return uid;
  const slug = slugify(title);
  if (uid) report.warn(`uid "${uid}" is not 1-40 letters, digits, - or _: using "${slug}"`);
  return slug;
}

/** Panel ids: the first use of a valid id keeps it, the rest get fresh ones after the largest. */
function assignIds(placed: readonly FlatPanel[], report: ImportReporter): number[] {
  const seen = new Map<number, string>();
  const wanted = placed.map((panel) => asNumber(panel.json.id));
  const keeps = wanted.map((id, index) => {
    if (id === undefined || !Number.isInteger(id) || id < 1 || seen.has(id)) return false;
    seen.set(id, placed[index]?.path ?? "");
    return true;
  });
  let next = Math.max(0, ...seen.keys()) + 1;
  return placed.map((panel, index) => {
    const id = wanted[index];
    if (keeps[index] && id !== undefined) return id;
    const fresh = next++;
    const why =
      id === undefined
        ? "had no id"
        : seen.has(id)
          ? `id ${id} duplicated ${seen.get(id)}`
          : `id ${id} is not a positive integer`;
    report.warn(`${panel.path}: ${why}; now ${fresh}`);
    return fresh;
  });
}

function rowTitle(json: JsonObject, path: string, report: ImportReporter): string {
  const text = (asString(json.title) ?? "").trim();
  if (text !== "") return text.slice(0, 200);
  report.warn(`${path}: untitled row titled "Untitled row" (the model needs a title)`);
  return "Untitled row";
}

function mapRow(panel: FlatPanel, id: number, report: ImportReporter): RowPanel {
  const row: RowPanel = {
    id,
    type: "row",
    title: rowTitle(panel.json, panel.path, report),
    collapsed: panel.json.collapsed === true,
    gridPos: panel.gridPos,
  };
  const generated = {
    collapsed: row.collapsed,
    gridPos: row.gridPos,
    id,
    panels: [],
    title: row.title,
    type: "row",
  };
  const { extra } = extraDiff(panel.json, generated, {}, ROW_MAPPED_KEYS);
  if (extra?.repeat !== undefined)
    report.keep(`${panel.path}.repeat`, "row repeat kept as raw JSON in extra");
  return extra ? { ...row, extra } : row;
}

/** The built-in annotation in whichever form the exporting Grafana wrote it, as the exporter writes it. */
function normalizeAnnotations(annotations: unknown, resolver: DatasourceResolver): unknown {
  if (!isPlainObject(annotations)) return annotations;
  const list = asArray(annotations.list).map((entry) => {
    if (!isPlainObject(entry)) return entry;
    if (entry.builtIn === 1) {
      const { target: _target, datasource: _datasource, ...rest } = entry;
      const normalized = { ...rest, datasource: BUILT_IN_ANNOTATION.datasource };
      return deepEqual(normalized, BUILT_IN_ANNOTATION)
        ? BUILT_IN_ANNOTATION
        : { ...normalized, ...(_target ? { target: _target } : {}) };
    }
    return "datasource" in entry ? { ...entry, datasource: resolver.projectRef(entry.datasource) } : entry;
  });
  return { ...annotations, list };
}

function timezoneOf(value: unknown, report: ImportReporter): { timezone: "browser" | "utc"; extra?: string } {
  if (value === "utc") return { timezone: "utc" };
  if (value === undefined || value === null || value === "" || value === "browser")
    return { timezone: "browser" };
  report.keep("timezone", `time zone "${String(value)}" is not browser or utc; kept as raw JSON in extra`);
  return { timezone: "browser", extra: String(value) };
}

function variableTypes(list: readonly JsonObject[]): Map<string, DatasourceType | undefined> {
  const types = new Map<string, DatasourceType | undefined>();
  for (const variable of list) {
    const name = asString(variable.name);
    if (!name) continue;
    types.set(
      name,
      variable.type === "datasource" ? datasourceTypeOfPlugin(asString(variable.query)) : undefined,
    );
  }
  return types;
}

function moveMessage(path: string, from: Box, to: Box, reason: string): string {
  const text = (box: Box): string => `x${box.x} y${box.y} w${box.w} h${box.h}`;
  return `${path}: moved from ${text(from)} to ${text(to)}: ${reason}`;
}

/**
 * A dashboard of schemaVersion < 16 as Grafana's DashboardMigrator upgrades it when it loads it:
 * `sharedCrosshair` becomes `graphTooltip` (schemaVersion 14) and the `rows[]` layout becomes panels
 * on the grid (16, see legacy-rows.ts). Grafana 5+ reads `rows` of a newer dashboard not at all.
 */
function upgradeLegacyLayout(
  dashboard: JsonObject,
  report: ImportReporter,
): { input: JsonObject; paths?: string[] } {
  const rows = asArray(dashboard.rows);
  const version = asNumber(dashboard.schemaVersion) ?? 0;
  if (rows.length === 0) return { input: dashboard };
  if (version >= 16) {
    report.warn(`rows: ignored, as Grafana ignores rows[] in a schemaVersion ${version} dashboard`);
    return { input: dashboard };
  }
  const { rows: _rows, sharedCrosshair, ...rest } = dashboard;
  const upgraded = upgradeToGridLayout(rows);
  for (const note of upgraded.notes) report.warn(note);
  const existing = asArray(rest.panels);
  return {
    input: {
      ...rest,
      ...(version < 14 && rest.graphTooltip === undefined
        ? { graphTooltip: sharedCrosshair === true ? 1 : 0 }
        : sharedCrosshair === undefined
          ? {}
          : { sharedCrosshair }),
      panels: [...existing, ...upgraded.panels],
    },
    paths: [...existing.map((_, index) => `panels[${index}]`), ...upgraded.paths],
  };
}

/**
 * A dashboard exported from Grafana (bare JSON model or the API's `{dashboard, meta}`, schemaVersion
 * 12+; the `rows[]` layout before 16 is converted as Grafana converts it) as a model dashboard for `project`. Datasources resolve to the project's by uid, name or
 * type. Nothing is dropped silently: what the model cannot hold is kept as raw Grafana JSON in the
 * nearest `extra` and listed in `unmapped`. Throws GrafanaImportError for input that is not a dashboard.
 */
export function importGrafanaDashboard(json: unknown, project: Project): GrafanaImportResult {
  const parsed = parseGrafanaInput(json);
  const report = new ImportReporter();
  const inputs = asArray(parsed.__inputs).filter(isPlainObject);
  const { input, paths } = upgradeLegacyLayout(substituteConstantInputs(parsed), report);
  const rawVariables = asArray(asObject(input.templating).list).filter(isPlainObject);
  const resolver = new DatasourceResolver(project, inputs, variableTypes(rawVariables));

  const title = (asString(input.title) ?? "").trim().slice(0, 200) || "Imported dashboard";
  if (title === "Imported dashboard" && !asString(input.title))
    report.warn('the dashboard had no title: titled "Imported dashboard"');
  const zone = timezoneOf(input.timezone, report);
  const time = asObject(input.time);
  const description = asString(input.description);
  const base: Dashboard = DashboardSchema.parse({
    uid: dashboardUid(input, title, report),
    title,
    ...(description ? { description } : {}),
    tags: asArray(input.tags).filter((tag): tag is string => typeof tag === "string"),
    refresh: typeof input.refresh === "string" ? input.refresh : "",
    time: { from: asString(time.from) || "now-6h", to: asString(time.to) || "now" },
    timezone: zone.timezone,
  });

  const variables: Variable[] = [];
  const rawVariableList: JsonObject[] = [];
  rawVariables.forEach((variable, index) => {
    const path = `templating.list[${index}]`;
    // Earlier variables are in place, so a `${ds}` datasource variable already tells its type.
    const result = mapVariable(variable, path, project, { ...base, variables }, resolver, report);
    if (result.ok) {
      variables.push(result.variable);
    } else {
      report.keep(path, `${result.reason}; kept as raw JSON in the dashboard's extra`);
      rawVariableList.push(
        "datasource" in variable
          ? { ...variable, datasource: resolver.projectRef(variable.datasource) }
          : variable,
      );
    }
  });
  const draft: Dashboard = { ...base, variables };

  const { placed, moves, absorbed } = layOut(asArray(input.panels), paths);
  for (const move of moves) report.warn(moveMessage(move.path, move.from, move.to, move.reason));
  for (const { panel, row } of absorbed) {
    report.warn(
      `${panel}: sat below collapsed row ${row} outside it; the model's row owns it, so it is now hidden with the row`,
    );
  }
  const ids = assignIds(placed, report);
  const ctx: PanelContext = { project, resolver, draft, report };
  const panels: Panel[] = [];
  const rawPanels: JsonObject[] = [];
  placed.forEach((panel, index) => {
    const id = ids[index] ?? index + 1;
    if (panel.isRow) {
      panels.push(mapRow(panel, id, report));
      return;
    }
    const result = mapPanel(panel.json, id, panel.gridPos, panel.path, ctx);
    if (result.ok) {
      panels.push(result.panel);
    } else {
      report.keep(panel.path, `${result.reason}; kept as raw JSON in the dashboard's extra`);
      rawPanels.push({ ...rewriteDatasourceRefs(panel.json, resolver), gridPos: panel.gridPos, id });
    }
  });

  const withoutExtra: Dashboard = { ...draft, panels };
  const original = withDefaults(
    { ...input, annotations: normalizeAnnotations(input.annotations, resolver) },
    DASHBOARD_DEFAULTS,
  );
  const generated = toGrafanaDashboard(project, withoutExtra) as unknown as JsonObject;
  const diff = extraDiff(original, generated, DASHBOARD_DEFAULTS, DASHBOARD_MAPPED_KEYS);
  const extra: JsonObject = { ...diff.extra };
  if (zone.extra) extra.timezone = zone.extra;
  const customAnnotations = asArray(asObject(extra.annotations).list).filter(
    (entry) => asObject(entry).builtIn !== 1,
  );
  if (customAnnotations.length > 0)
    report.keep(
      "annotations.list",
      `${customAnnotations.length} annotation queries kept as raw JSON in extra`,
    );
  if (asArray(extra.links).length > 0)
    report.keep("links", `${asArray(extra.links).length} dashboard links kept as raw JSON in extra`);
  if (rawPanels.length > 0) extra.panels = rawPanels;
  if (rawVariableList.length > 0) extra.templating = { list: rawVariableList };

  const dashboard = DashboardSchema.parse({
    ...withoutExtra,
    ...(Object.keys(extra).length > 0 ? { extra } : {}),
  });
  report.summarize();
  for (const note of resolver.notes) report.warn(note);
  const checks = new IssueCollector();
  checkDashboard(dashboard, project.datasources, [], checks);
  for (const issue of checks.issues) report.warn(`model check: ${formatIssue(issue)}`);
  return { dashboard, unmapped: report.unmapped, warnings: report.warnings };
}
