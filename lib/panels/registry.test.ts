import { describe, expect, it } from "vitest";
import { importGrafanaDashboard } from "../dashboard/grafana-import";
import { toGrafanaDashboard } from "../generate/grafana";
import { smallProject } from "../generate/testdata/small-project";
import { type Dashboard, DashboardSchema, PANEL_TYPES, PanelSchema, type VisualPanel } from "../model";
import { LEGACY_PANELS, PANEL_TYPE_GRAFANA } from "./grafana-registry";
import { hasQueries, PANEL_TYPE_LABELS, PANEL_TYPE_REGISTRY, VISUAL_PANEL_TYPES } from "./registry";

/** A panel of `type` as the designer adds one: the schema's defaults, one PromQL query if it has any. */
function freshPanel(type: (typeof VISUAL_PANEL_TYPES)[number]): VisualPanel {
  const definition = PANEL_TYPE_REGISTRY[type];
  const target = { kind: "promql" as const, refId: "A", expr: "sum by (job) (up)", legendFormat: "{{job}}" };
  return PanelSchema.parse({
    id: 1,
    type,
    title: `A ${definition.label}`,
    gridPos: { x: 0, y: 0, ...definition.defaultSize },
    ...(hasQueries(type) ? { targets: [target] } : {}),
  }) as VisualPanel;
}

describe("panel type registry", () => {
  it("has one entry per visualization type of the model, in the model's order", () => {
    expect(VISUAL_PANEL_TYPES).toEqual(PANEL_TYPES.filter((type) => type !== "row"));
    expect(Object.keys(PANEL_TYPE_REGISTRY).sort()).toEqual([...VISUAL_PANEL_TYPES].sort());
    expect(Object.keys(PANEL_TYPE_GRAFANA).sort()).toEqual([...VISUAL_PANEL_TYPES].sort());
    for (const type of VISUAL_PANEL_TYPES) {
      const definition = PANEL_TYPE_REGISTRY[type];
      expect(definition.type).toBe(type);
      expect(PANEL_TYPE_GRAFANA[type].type).toBe(type);
      expect(PanelSchema.options).toContain(definition.schema);
      expect(PANEL_TYPE_LABELS[type]).toBe(definition.label);
    }
  });

  it("names every type after a distinct Grafana plugin", () => {
    const ids = VISUAL_PANEL_TYPES.map((type) => PANEL_TYPE_GRAFANA[type].export.pluginId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("gives every type a default size that fits the 24-column grid", () => {
    for (const type of VISUAL_PANEL_TYPES) {
      const { w, h } = PANEL_TYPE_REGISTRY[type].defaultSize;
      expect(w, type).toBeGreaterThanOrEqual(1);
      expect(w, type).toBeLessThanOrEqual(24);
      expect(h, type).toBeGreaterThanOrEqual(1);
    }
  });

  it.each([
    [{ type: "graph" }, "graph"],
    [{ type: "singlestat" }, "singlestat"],
    [{ type: "grafana-singlestat-panel" }, "grafana-singlestat-panel"],
    [{ type: "table-old" }, "table-old"],
    [{ type: "table", styles: [] }, "table-old"],
    [{ type: "alertlist", options: { stateFilter: ["alerting"] } }, "alertlist"],
    [{ type: "heatmap", dataFormat: "tsbuckets" }, "heatmap"],
  ])("has exactly one type take over the retired panel %j", (json, name) => {
    expect(LEGACY_PANELS.map((legacy) => legacy.detect(json)).filter(Boolean)).toEqual([name]);
  });

  it.each(VISUAL_PANEL_TYPES.map((type) => [type]))(
    "imports a new %s panel it exported as one that exports the same, nothing left unmapped",
    (type) => {
      const project = smallProject();
      const panel = freshPanel(type);
      const dashboard: Dashboard = DashboardSchema.parse({
        uid: "registry",
        title: "Registry",
        panels: [panel],
      });
      const exported = toGrafanaDashboard(project, dashboard);
      const imported = importGrafanaDashboard(JSON.parse(JSON.stringify(exported)), project);
      expect(imported.unmapped).toEqual([]);
      const [again] = imported.dashboard.panels;
      // Without thresholds a panel exports Grafana's green base step, which comes back as its own.
      const thresholds = again && "thresholds" in again ? again.thresholds : undefined;
      expect(again).toEqual({ ...panel, thresholds });
      expect(toGrafanaDashboard(project, imported.dashboard)).toEqual(exported);
    },
  );
});
