import type { AnnotationQuery, Dashboard as GrafanaDashboard } from "@grafana/schema";
import type { Dashboard, Project } from "../../model";
import { deepMerge } from "./deep-merge";
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

function buildGrafanaDashboard(project: Project, dashboard: Dashboard): GrafanaDashboard {
  const base = generatedDashboard(project, dashboard);
  // `extra` holds Grafana keys the designer does not model, kept from an imported dashboard; its
  // `panels` and `templating` are placed among the generated ones by toGrafanaPanels/toTemplating.
  const { panels: _panels, templating: _templating, ...extra } = dashboard.extra ?? {};
  return Object.keys(extra).length > 0 ? deepMerge(base, extra) : base;
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
