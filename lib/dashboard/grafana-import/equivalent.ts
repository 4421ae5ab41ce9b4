import { datasourceTypeOfPlugin } from "./datasources";
import { BUILT_IN_ANNOTATION, DASHBOARD_DEFAULTS, panelDefaults, variableDefaults } from "./grafana-defaults";
import {
  asArray,
  asObject,
  asString,
  deepEqual,
  isPlainObject,
  type JsonObject,
  substituteConstantInputs,
  withDefaults,
} from "./json";
import { compact, expandRows, type FlatPanel } from "./layout";
import { normalizeGrafanaPanel } from "./normalize";
import { customValues, queryText } from "./variables";

export interface EquivalenceOptions {
  /**
   * Compare datasource uids too. Off by default: an import points queries at the project's
   * datasources, so only their types (and `$variable` references) have to agree.
   */
  datasourceUids?: boolean;
}

/** Keys that are bookkeeping of one Grafana instance or one export, never content. */
const DASHBOARD_IGNORED = new Set([
  "id",
  "version",
  "schemaVersion",
  "iteration",
  "__inputs",
  "__requires",
  "__elements",
  "panels",
  "templating",
]);
const PANEL_IGNORED = new Set(["id", "pluginVersion", "panels", "datasource", "targets", "gridPos"]);
const VARIABLE_IGNORED = new Set([
  "current",
  "options",
  "definition",
  "datasource",
  "query",
  "id",
  "index",
  "global",
  "error",
  "state",
  "rootStateKey",
]);

function unwrap(json: unknown): JsonObject {
  const object = asObject(json);
  return isPlainObject(object.dashboard) && !("panels" in object) && !("title" in object)
    ? object.dashboard
    : object;
}

function datasourceKey(ref: unknown, options: EquivalenceOptions): string {
  if (ref === undefined || ref === null || ref === "") return "default";
  const uid = typeof ref === "string" ? ref : asString(asObject(ref).uid);
  const plugin = typeof ref === "string" ? undefined : asString(asObject(ref).type);
  if (uid === "-- Mixed --") return "mixed";
  const variable = uid ? /^\$\{?(\w+)\}?$/.exec(uid)?.[1] : undefined;
  if (variable && !variable.startsWith("DS_")) return `$${variable}`;
  const type = plugin ? (datasourceTypeOfPlugin(plugin) ?? plugin) : `name:${uid}`;
  return options.datasourceUids && uid ? `${type}/${uid}` : type;
}

function normalizeTarget(target: JsonObject, panelRef: unknown, options: EquivalenceOptions): JsonObject {
  const datasource = datasourceKey(target.datasource ?? panelRef, options);
  const out: JsonObject = { refId: target.refId, datasource };
  if (typeof target.rawSql === "string") {
    out.rawSql = target.rawSql;
    out.format = target.format ?? "time_series";
  }
  if (typeof target.expr === "string") {
    out.expr = target.expr;
    out.legendFormat = asString(target.legendFormat) ?? "";
    if (datasource === "loki") {
      out.instant =
        target.queryType === "instant" || (target.queryType === undefined && target.instant === true);
    } else {
      out.instant = target.instant === true && target.range !== true;
      out.format = target.format ?? "time_series";
      if (asString(target.interval)) out.interval = target.interval;
      // The resolution (1/1, 1/2 …): Grafana multiplies the step by it, so dropping it changes the data.
      if (target.intervalFactor !== undefined && target.intervalFactor !== 1) {
        out.intervalFactor = target.intervalFactor;
      }
    }
  }
  if (target.hide === true) out.hide = true;
  return out;
}

function normalizePanel(panel: FlatPanel, options: EquivalenceOptions): JsonObject {
  const json = panel.json;
  const type = asString(json.type) ?? "";
  const rest: JsonObject = {};
  for (const [key, value] of Object.entries(json)) if (!PANEL_IGNORED.has(key)) rest[key] = value;
  const out: JsonObject = {
    ...normalizeGrafanaPanel(withDefaults(rest, panelDefaults(type))),
    type,
    gridPos: panel.gridPos,
  };
  if (type === "row") return { ...out, collapsed: json.collapsed === true };
  if (panel.hidden) out.hiddenInCollapsedRow = true;
  // The panel's datasource is compared through its queries: each runs on its own datasource or,
  // without one, on the panel's. Without queries (alert lists, text) it means nothing.
  const targets = asArray(json.targets).filter(isPlainObject);
  if (targets.length > 0)
    out.targets = targets.map((target) => normalizeTarget(target, json.datasource, options));
  return out;
}

function normalizeVariable(variable: JsonObject, options: EquivalenceOptions): JsonObject {
  const type = asString(variable.type) ?? "";
  const rest: JsonObject = {};
  for (const [key, value] of Object.entries(variable)) if (!VARIABLE_IGNORED.has(key)) rest[key] = value;
  const out = withDefaults(rest, variableDefaults(type));
  switch (type) {
    case "query":
      return { ...out, query: queryText(variable), datasource: datasourceKey(variable.datasource, options) };
    case "custom":
    case "interval":
      return { ...out, values: customValues(asString(variable.query) ?? "") };
    case "datasource": {
      const plugin = asString(variable.query) ?? "";
      return { ...out, query: datasourceTypeOfPlugin(plugin) ?? plugin };
    }
    default:
      return { ...out, query: variable.query };
  }
}

function normalizeAnnotations(value: unknown): unknown {
  if (!isPlainObject(value)) return value;
  const list = asArray(value.list).map((entry) => {
    if (!isPlainObject(entry) || entry.builtIn !== 1) return entry;
    const { target: _target, datasource: _datasource, ...rest } = entry;
    return { ...rest, datasource: BUILT_IN_ANNOTATION.datasource };
  });
  return { ...value, list };
}

function normalizeDashboard(
  json: unknown,
  options: EquivalenceOptions,
): { top: JsonObject; panels: JsonObject[]; ids: unknown[]; variables: JsonObject[] } {
  const dashboard = substituteConstantInputs(unwrap(json));
  const rest: JsonObject = {};
  for (const [key, value] of Object.entries(dashboard)) if (!DASHBOARD_IGNORED.has(key)) rest[key] = value;
  // An export without a uid gets one on import; Grafana does the same.
  if (rest.uid === "" || rest.uid === null) delete rest.uid;
  if (rest.refresh === false) rest.refresh = "";
  if (rest.timezone === "browser") rest.timezone = "";
  if (Array.isArray(rest.tags)) rest.tags = [...rest.tags].sort();
  rest.annotations = normalizeAnnotations(rest.annotations);
  const top = withDefaults(rest, DASHBOARD_DEFAULTS);
  const { flat } = expandRows(asArray(dashboard.panels));
  const laidOut = compact(flat).sort((a, b) => a.gridPos.y - b.gridPos.y || a.gridPos.x - b.gridPos.x);
  return {
    top,
    panels: laidOut.map((panel) => normalizePanel(panel, options)),
    ids: laidOut.map((panel) => panel.json.id),
    variables: asArray(asObject(dashboard.templating).list)
      .filter(isPlainObject)
      .map((variable) => normalizeVariable(variable, options)),
  };
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? "undefined" : text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

function diff(a: unknown, b: unknown, path: string, out: string[]): void {
  if (deepEqual(a, b)) return;
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const key of keys) {
      const next = path === "" ? key : `${path}.${key}`;
      if (a[key] === undefined) out.push(`${next}: only in the second: ${show(b[key])}`);
      else if (b[key] === undefined) out.push(`${next}: only in the first: ${show(a[key])}`);
      else diff(a[key], b[key], next, out);
    }
    return;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    a.forEach((item, index) => {
      diff(item, b[index], `${path}[${index}]`, out);
    });
    return;
  }
  out.push(`${path}: ${show(a)} ≠ ${show(b)}`);
}

function label(panel: JsonObject | undefined): string {
  return panel ? ` (${String(panel.type)} "${String(panel.title ?? "")}")` : "";
}

/**
 * The differences between two Grafana dashboards that change what a user sees, one line each;
 * empty when they are equivalent. Ignored: key order, instance bookkeeping (id, version,
 * schemaVersion, pluginVersion, `__inputs`), values equal to the defaults Grafana fills in, one
 * value spelled two ways Grafana reads alike (a threshold base step with or without `value`, see
 * normalizeGrafanaPanel), how collapsed rows store their panels and vertical gaps Grafana closes,
 * variables' current selection, datasource uids (see options), and panel ids as long as they are
 * renumbered consistently (panels are matched in reading order). Of a query, what changes its data
 * is compared: expression or SQL, datasource, legend, instant, format, interval, intervalFactor.
 */
export function equivalentGrafanaDashboards(
  a: unknown,
  b: unknown,
  options: EquivalenceOptions = {},
): string[] {
  const first = normalizeDashboard(a, options);
  const second = normalizeDashboard(b, options);
  const out: string[] = [];
  if (first.top.uid === undefined || second.top.uid === undefined) {
    delete first.top.uid;
    delete second.top.uid;
  }
  diff(first.top, second.top, "", out);

  if (first.panels.length !== second.panels.length) {
    out.push(`panels: ${first.panels.length} in the first, ${second.panels.length} in the second`);
  }
  const idMap = new Map<unknown, unknown>();
  const count = Math.max(first.panels.length, second.panels.length);
  for (let index = 0; index < count; index++) {
    const p = first.panels[index];
    const q = second.panels[index];
    const path = `panels[${index}]${label(p ?? q)}`;
    if (!p || !q) {
      out.push(`${path}: only in the ${p ? "first" : "second"}`);
      continue;
    }
    const fromId = first.ids[index];
    const toId = second.ids[index];
    if (idMap.has(fromId) && idMap.get(fromId) !== toId) {
      out.push(`${path}: id ${show(fromId)} maps to both ${show(idMap.get(fromId))} and ${show(toId)}`);
    }
    idMap.set(fromId, toId);
    diff(p, q, path, out);
  }

  const firstByName = new Map(first.variables.map((variable) => [variable.name, variable]));
  const secondByName = new Map(second.variables.map((variable) => [variable.name, variable]));
  for (const [name, variable] of firstByName) {
    const other = secondByName.get(name);
    if (!other) out.push(`templating.${String(name)}: only in the first`);
    else diff(variable, other, `templating.${String(name)}`, out);
  }
  for (const name of secondByName.keys()) {
    if (!firstByName.has(name)) out.push(`templating.${String(name)}: only in the second`);
  }
  const order = (list: JsonObject[]): unknown[] =>
    list.map((variable) => variable.name).filter((name) => secondByName.has(name) && firstByName.has(name));
  if (!deepEqual(order(first.variables), order(second.variables))) {
    out.push(`templating: variable order ${show(order(first.variables))} ≠ ${show(order(second.variables))}`);
  }
  return out;
}
