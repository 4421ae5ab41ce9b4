import { COMMON_PANEL_DEFAULTS } from "../../panels/common/grafana-import";
import { PANEL_TYPE_GRAFANA } from "../../panels/grafana-registry";
import { VISUAL_PANEL_TYPES } from "../../panels/registry";
import type { JsonObject } from "./json";

/**
 * What Grafana (10–12) assumes for a key a dashboard leaves out. The importer fills them in before
 * mapping (a missing `fillOpacity` is Grafana's 0, not the designer's 10), and the equivalence check
 * drops them, so an export that spells a default out equals one that omits it. Each panel type's own
 * defaults are in its Grafana entry (`lib/panels/<type>/import.ts`).
 */

/** Each panel type's defaults (from its Grafana entry), and a row's. */
const PANEL_DEFAULTS: ReadonlyMap<string, JsonObject> = new Map([
  ...VISUAL_PANEL_TYPES.map((type): [string, JsonObject] => {
    const grafana = PANEL_TYPE_GRAFANA[type];
    return [grafana.export.pluginId, grafana.import.grafanaDefaults];
  }),
  ["row", { collapsed: false, panels: [] }],
]);

/** What Grafana assumes for a panel of this plugin id; for one the model lacks, the keys all share. */
export function panelDefaults(type: string): JsonObject {
  return PANEL_DEFAULTS.get(type) ?? COMMON_PANEL_DEFAULTS;
}

const VARIABLE_COMMON: JsonObject = { description: "", hide: 0, label: "", skipUrlSync: false };

export const VARIABLE_DEFAULTS: Record<string, JsonObject> = {
  query: {
    ...VARIABLE_COMMON,
    allValue: "",
    includeAll: false,
    multi: false,
    refresh: 1,
    regex: "",
    sort: 0,
    tagValuesQuery: "",
    tags: [],
    tagsQuery: "",
    useTags: false,
  },
  custom: { ...VARIABLE_COMMON, allValue: "", includeAll: false, multi: false, queryValue: "" },
  constant: { ...VARIABLE_COMMON, hide: 2, skipUrlSync: true },
  interval: { ...VARIABLE_COMMON, auto: false, auto_count: 30, auto_min: "10s", refresh: 2 },
  datasource: { ...VARIABLE_COMMON, includeAll: false, multi: false, queryValue: "", refresh: 1, regex: "" },
};

export function variableDefaults(type: string): JsonObject {
  return VARIABLE_DEFAULTS[type] ?? VARIABLE_COMMON;
}

export const BUILT_IN_ANNOTATION: JsonObject = {
  builtIn: 1,
  datasource: { type: "grafana", uid: "-- Grafana --" },
  enable: true,
  hide: true,
  iconColor: "rgba(0, 211, 255, 1)",
  name: "Annotations & Alerts",
  type: "dashboard",
};

export const DASHBOARD_DEFAULTS: JsonObject = {
  annotations: { list: [BUILT_IN_ANNOTATION] },
  description: "",
  editable: true,
  fiscalYearStartMonth: 0,
  gnetId: null,
  graphTooltip: 0,
  links: [],
  liveNow: false,
  refresh: "",
  style: "dark",
  tags: [],
  time: { from: "now-6h", to: "now" },
  timepicker: {},
  timezone: "",
  weekStart: "",
};
