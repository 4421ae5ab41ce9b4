import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { equivalentGrafanaDashboards } from "./equivalent";

type Json = Record<string, any>;

function modern(): Json {
  const file = path.join(import.meta.dirname, "..", "testdata", "modern.grafana.json");
  return (JSON.parse(readFileSync(file, "utf8")) as { dashboard: Json }).dashboard;
}

/** Every object's keys in reverse order: the same JSON, written differently. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([key, item]) => [key, reversedKeys(item)]),
    );
  }
  return value;
}

describe("equivalentGrafanaDashboards", () => {
  it("finds nothing between a dashboard and itself, wrapped or bare, in any key order", () => {
    const dashboard = modern();
    expect(equivalentGrafanaDashboards(dashboard, dashboard)).toEqual([]);
    expect(equivalentGrafanaDashboards({ dashboard, meta: {} }, reversedKeys(dashboard))).toEqual([]);
  });

  it("ignores instance bookkeeping, spelled-out defaults and datasource uids", () => {
    const a = modern();
    const b = modern();
    Object.assign(b, { id: 99, version: 1, schemaVersion: 41, iteration: 5 });
    b.panels[1].pluginVersion = "12.0.0";
    delete b.panels[1].fieldConfig.defaults.custom.barWidthFactor;
    b.panels[1].options.tooltip.hideZeros = false;
    b.panels[1].links = [];
    b.panels[1].datasource = { type: "prometheus", uid: "${datasource}" };
    b.panels[2].targets[0].exemplar = true;
    b.templating.list[1].current = { text: "other", value: "other" };
    const table = b.panels[8].panels[1];
    table.datasource = { type: "grafana-postgresql-datasource", uid: "another-uid" };
    table.targets[0].datasource = { type: "postgres", uid: "another-uid" };
    expect(equivalentGrafanaDashboards(a, b)).toEqual([]);
    expect(equivalentGrafanaDashboards(a, b, { datasourceUids: true })).toEqual([
      'panels[10] (table "Recent audit events").targets[0].datasource: "postgres/ce1bd2a0-5b1e-4c33-a2e1-7f00a3f9b2d4" ≠ "postgres/another-uid"',
    ]);
  });

  it("reports what a user would see change, with the panel it is on", () => {
    const a = modern();
    const b = modern();
    b.panels[1].fieldConfig.defaults.unit = "ops";
    b.panels[2].targets[0].expr = "up";
    b.panels[3].gridPos.w = 4;
    b.templating.list[2].includeAll = false;
    b.time.from = "now-1h";
    b.refresh = "";
    expect(equivalentGrafanaDashboards(a, b)).toEqual([
      'refresh: "30s" ≠ ""',
      'time.from: "now-6h" ≠ "now-1h"',
      'panels[1] (timeseries "Requests per second").fieldConfig.defaults.unit: "reqps" ≠ "ops"',
      expect.stringMatching(/^panels\[2\] \(stat "Error ratio"\)\.targets\[0\]\.expr: "sum\(rate.* ≠ "up"$/),
      'panels[3] (gauge "DB pool in use").gridPos.w: 6 ≠ 4',
      "templating.instance.includeAll: true ≠ false",
    ]);
  });

  it("reads a key missing on one side as Grafana's default for it", () => {
    const a = modern();
    const b = modern();
    delete b.panels[1].fieldConfig.defaults.custom.lineWidth; // 2, not the default 1
    delete b.panels[1].fieldConfig.defaults.custom.gradientMode; // "none", the default
    expect(equivalentGrafanaDashboards(a, b)).toEqual([
      'panels[1] (timeseries "Requests per second").fieldConfig.defaults.custom.lineWidth: 2 ≠ 1',
    ]);
  });

  it("accepts consistently renumbered ids and rejects inconsistent ones", () => {
    const a = modern();
    const renumbered = modern();
    for (const panel of renumbered.panels) {
      panel.id += 100;
      for (const child of panel.panels ?? []) child.id += 100;
    }
    expect(equivalentGrafanaDashboards(a, renumbered)).toEqual([]);
    const clashing: Json = {
      title: "t",
      panels: [
        { id: 1, type: "text", title: "x", gridPos: { x: 0, y: 0, w: 12, h: 2 } },
        { id: 1, type: "text", title: "y", gridPos: { x: 12, y: 0, w: 12, h: 2 } },
      ],
    };
    const split: Json = structuredClone(clashing);
    split.panels[1].id = 2;
    expect(equivalentGrafanaDashboards(clashing, split)).toEqual([
      'panels[1] (text "y"): id 1 maps to both 1 and 2',
    ]);
  });

  it("sees a collapsed row's panels at their expanded places, and what a collapsed row hides", () => {
    const collapsed: Json = {
      title: "t",
      panels: [
        {
          id: 1,
          type: "row",
          title: "r",
          collapsed: true,
          gridPos: { x: 0, y: 0, w: 24, h: 1 },
          panels: [{ id: 2, type: "text", title: "a", gridPos: { x: 0, y: 40, w: 24, h: 4 } }],
        },
        {
          id: 3,
          type: "row",
          title: "s",
          collapsed: false,
          gridPos: { x: 0, y: 1, w: 24, h: 1 },
          panels: [],
        },
      ],
    };
    const stored: Json = structuredClone(collapsed);
    stored.panels[0].panels[0].gridPos.y = 1;
    stored.panels[1].gridPos.y = 5;
    expect(equivalentGrafanaDashboards(collapsed, stored)).toEqual([]);
    const expanded: Json = structuredClone(stored);
    expanded.panels[0].collapsed = false;
    expanded.panels.splice(1, 0, expanded.panels[0].panels.pop());
    expect(equivalentGrafanaDashboards(collapsed, expanded)).toEqual([
      'panels[0] (row "r").collapsed: true ≠ false',
      'panels[1] (text "a").hiddenInCollapsedRow: only in the first: true',
    ]);
  });

  it("reads a value Grafana reads alike as the same: a threshold base step with or without its value", () => {
    const a = modern();
    const b = modern();
    const steps = a.panels[2].fieldConfig.defaults.thresholds.steps;
    expect(steps[0]).toMatchObject({ value: null });
    delete b.panels[2].fieldConfig.defaults.thresholds.steps[0].value;
    expect(equivalentGrafanaDashboards(a, b)).toEqual([]);
    b.panels[2].fieldConfig.defaults.thresholds.steps[1].value = 0.02;
    expect(equivalentGrafanaDashboards(a, b)).toEqual([
      'panels[2] (stat "Error ratio").fieldConfig.defaults.thresholds.steps[1].value: 0.01 ≠ 0.02',
    ]);
  });

  it("catches a dropped query option that changes the data, such as intervalFactor", () => {
    const a = modern();
    const b = modern();
    a.panels[1].targets[0].intervalFactor = 2;
    expect(equivalentGrafanaDashboards(a, b)).toEqual([
      'panels[1] (timeseries "Requests per second").targets[0].intervalFactor: only in the first: 2',
    ]);
    // 1 is Grafana's default: spelling it out changes nothing.
    b.panels[1].targets[0].intervalFactor = 1;
    a.panels[1].targets[0].intervalFactor = 1;
    expect(equivalentGrafanaDashboards(a, b)).toEqual([]);
  });

  it("lists panels and variables present on one side only", () => {
    const a = modern();
    const b = modern();
    b.panels.splice(7, 1);
    b.templating.list = b.templating.list.filter((variable: Json) => variable.name !== "quantile");
    const differences = equivalentGrafanaDashboards(a, b);
    expect(differences).toContain("panels: 11 in the first, 10 in the second");
    expect(differences).toContain("templating.quantile: only in the first");
  });
});
