import type { AnnotationQuery, Dashboard as GrafanaDashboard } from "@grafana/schema";
import type { Dashboard, Project } from "../../model";
import { mergeKept } from "./deep-merge";
import { omitUndefined } from "./omit-undefined";
import { toGrafanaPanels } from "./panels";
import { toTemplating } from "./variables";

/** The dashboard JSON model version of current Grafana; older files get migrated on load. */
export const GRAFANA_SCHEMA_VERSION = 42;

/** Every Grafana dashboard carries this entry: annotations and alert state changes on the graphs. */
const BUILT_IN_ANNOTATIONS: AnnotationQuery = {
  builtIn: 1,
  datasource: { type: "grafana", uid: "-- Grafana --" },
  enable: true,
  hide: true,
  iconColor: "rgba(0, 211, 255, 1)",
  name: "Annotations & Alerts",
  type: "dashboard",
};

/**
 * The dashboard in Grafana's JSON model, keys sorted as Grafana's own export writes them, so a
 * generated file diffs cleanly against one exported from the UI.
 */
export function toGrafanaDashboard(project: Project, dashboard: Dashboard): GrafanaDashboard {
  // The bundle serializes each dashboard twice (grafana/ and the Kubernetes ConfigMap); a validated
  // project is immutable, so the model is built once per (project, dashboard). Treat it as read-only.
  let perProject = builtDashboards.get(project);
  if (!perProject) {
    perProject = new WeakMap();
    builtDashboards.set(project, perProject);
  }
  let built = perProject.get(dashboard);
  if (!built) {
    built = buildGrafanaDashboard(project, dashboard);
    perProject.set(dashboard, built);
  }
  return built;
}

const builtDashboards = new WeakMap<Project, WeakMap<Dashboard, GrafanaDashboard>>();

/** What the dashboard's model writes; a value an import kept raw there is never used. */
const DASHBOARD_KEYS_OWNED = [
  "description",
  "panels",
  "refresh",
  "schemaVersion",
  "tags",
  "templating",
  "time",
  "timezone",
  "title",
  "uid",
  "version",
];

/** Grafana's time zone as the model reads it: a named zone (kept raw by an import) reads as browser. */
function modelTimezone(value: unknown): Dashboard["timezone"] {
  return value === "utc" ? "utc" : "browser";
}

function buildGrafanaDashboard(project: Project, dashboard: Dashboard): GrafanaDashboard {
  const base = generatedDashboard(project, dashboard);
  // `extra` holds Grafana keys the designer does not model, kept from an imported dashboard; its
  // `panels` and `templating` are placed among the generated ones by toGrafanaPanels/toTemplating.
  const { panels: _panels, templating: _templating, ...extra } = dashboard.extra ?? {};
  return mergeKept(base, extra, {
    owned: DASHBOARD_KEYS_OWNED,
    // A named time zone the model cannot hold goes out as kept until the time zone is edited.
    stillCurrent: (path, kept) => path === "timezone" && modelTimezone(kept) === dashboard.timezone,
  });
}

function generatedDashboard(project: Project, dashboard: Dashboard): GrafanaDashboard {
  return omitUndefined<GrafanaDashboard>({
    annotations: { list: [BUILT_IN_ANNOTATIONS] },
    description: dashboard.description,
    editable: true,
    fiscalYearStartMonth: 0,
    // Shared crosshair: hovering one graph marks the same instant on all of them.
    graphTooltip: 1,
    links: [],
    liveNow: false,
    panels: toGrafanaPanels(project, dashboard),
    refresh: dashboard.refresh,
    schemaVersion: GRAFANA_SCHEMA_VERSION,
    tags: dashboard.tags,
    templating: { list: toTemplating(project, dashboard) },
    time: { from: dashboard.time.from, to: dashboard.time.to },
    timepicker: {},
    timezone: dashboard.timezone,
    title: dashboard.title,
    uid: dashboard.uid,
    version: 1,
    weekStart: "",
  });
}
