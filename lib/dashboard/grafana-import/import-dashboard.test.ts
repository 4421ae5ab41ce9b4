import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { expectGolden } from "../../generate/golden";
import { toGrafanaDashboard } from "../../generate/grafana";
import { smallProject } from "../../generate/testdata/small-project";
import { toJson } from "../../generate/yaml";
import { type Dashboard, IssueCollector, validateProject } from "../../model";
import { checkDashboard } from "../../model/checks/dashboards";
import { equivalentGrafanaDashboards } from "./equivalent";
import { importGrafanaDashboard } from "./import-dashboard";
import { GrafanaImportError } from "./input-schema";
import { getPath } from "./json";

const TESTDATA = path.join(import.meta.dirname, "..", "testdata");

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(path.join(TESTDATA, `${name}.grafana.json`), "utf8"));
}

const FIXTURES = [
  { name: "modern", modern: true },
  { name: "legacy-v18", modern: false },
  { name: "node-exporter-full", modern: true },
  { name: "loki-postgres", modern: true },
] as const;

describe.each(FIXTURES)("importing $name", ({ name }) => {
  const project = smallProject();
  const json = fixture(name);
  const result = importGrafanaDashboard(json, project);
  const exported = toGrafanaDashboard(project, result.dashboard);

  it("matches the golden model, report and re-export", () => {
    expectGolden(TESTDATA, name, [
      { path: "dashboard.model.json", content: toJson(result.dashboard) },
      {
        path: "import-report.json",
        content: toJson({ unmapped: result.unmapped, warnings: result.warnings }),
      },
      { path: "exported.grafana.json", content: toJson(exported) },
    ]);
  });

  it("gives a dashboard the project validates without errors", () => {
    const checks = new IssueCollector();
    checkDashboard(result.dashboard, project.datasources, [], checks);
    expect(checks.issues.filter((issue) => issue.severity === "error")).toEqual([]);
    const validated = validateProject({ ...project, dashboards: [...project.dashboards, result.dashboard] });
    expect(validated.issues.filter((issue) => issue.severity === "error")).toEqual([]);
    expect(validated.ok).toBe(true);
  });

  it("is stable: importing its own export gives the same model", () => {
    const again = importGrafanaDashboard(JSON.parse(JSON.stringify(exported)), project);
    expect(again.dashboard).toEqual(result.dashboard);
  });
});

describe.each(FIXTURES.filter((entry) => entry.modern))("round trip of $name", ({ name }) => {
  it("exports back to a Grafana dashboard equivalent to the one imported", () => {
    const project = smallProject();
    const json = fixture(name);
    const exported = toGrafanaDashboard(project, importGrafanaDashboard(json, project).dashboard);
    expect(equivalentGrafanaDashboards(json, exported)).toEqual([]);
  });
});

describe("importGrafanaDashboard details", () => {
  const project = smallProject();

  it("reads the API's {dashboard, meta} wrapper and the bare model alike", () => {
    const wrapped = fixture("modern") as { dashboard: unknown };
    expect(importGrafanaDashboard(wrapped.dashboard, project)).toEqual(
      importGrafanaDashboard(wrapped, project),
    );
  });

  it("maps the modern fixture's panels and variables to the model", () => {
    const { dashboard, unmapped } = importGrafanaDashboard(fixture("modern"), project);
    expect(dashboard.panels.map((panel) => panel.type)).toEqual([
      "row",
      "timeseries",
      "stat",
      "gauge",
      "heatmap",
      "row",
      "alertlist",
      "row",
      "bargauge",
      "table",
    ]);
    const timeseries = dashboard.panels.find((panel) => panel.type === "timeseries");
    expect(timeseries).toMatchObject({
      unit: "reqps",
      fillOpacity: 15,
      stacking: "normal",
      datasource: "${datasource}",
      legend: { displayMode: "table", placement: "right", calcs: ["mean", "max", "lastNotNull"] },
    });
    const heatmap = dashboard.panels.find((panel) => panel.type === "heatmap");
    expect(heatmap).toMatchObject({ unit: "s", decimals: 1, colorScheme: "Spectral", calculate: false });
    const table = dashboard.panels.find((panel) => panel.type === "table");
    expect(table).toMatchObject({
      sortBy: [{ displayName: "timestamp", desc: true }],
      targets: [{ kind: "sql", format: "table" }],
    });
    expect(dashboard.variables.map((variable) => `${variable.type}:${variable.name}`)).toEqual([
      "datasource:datasource",
      "query:job",
      "query:instance",
      "custom:quantile",
      "constant:service",
      "interval:window",
    ]);
    // The text panel and the textbox variable stay as Grafana JSON, listed with their paths.
    expect(unmapped).toContainEqual({
      path: "panels[7]",
      what: 'panel type "text" has no model equivalent; kept as raw JSON in the dashboard\'s extra',
    });
    expect(unmapped.map((entry) => entry.path)).toContain("templating.list[6]");
    expect(dashboard.extra?.panels).toHaveLength(1);
    expect(dashboard.extra?.graphTooltip).toBeUndefined();
  });

  it("converts legacy graph panels to timeseries", () => {
    const { dashboard, unmapped } = importGrafanaDashboard(fixture("legacy-v18"), project);
    const byTitle = (title: string) => dashboard.panels.find((panel) => panel.title === title);
    expect(byTitle("Requests by operation")).toMatchObject({
      type: "timeseries",
      unit: "reqps",
      fillOpacity: 30,
      stacking: "normal",
      legend: { displayMode: "table", calcs: ["max", "mean", "lastNotNull"] },
      extra: { fieldConfig: { defaults: { custom: { lineWidth: 2 } } } },
    });
    const errors = byTitle("Errors");
    expect(errors).toMatchObject({ type: "timeseries", drawStyle: "bars", fillOpacity: 80, min: 0 });
    // Its series override, converted as Grafana's graph migration converts it (series-overrides.test.ts).
    expect(errors?.extra?.seriesOverrides).toBeUndefined();
    expect(getPath(errors?.extra ?? {}, "fieldConfig.overrides")).toBeUndefined();
    // The model's field overrides: the preview applies them, the panel form edits them.
    expect(errors).toMatchObject({
      overrides: [
        {
          matcher: { id: "byName", options: "total" },
          properties: [
            { id: "unit", value: "reqps" },
            { id: "custom.axisPlacement", value: "right" },
            { id: "custom.drawStyle", value: "line" },
            { id: "custom.lineWidth", value: 1 },
          ],
        },
      ],
    });
    expect(byTitle("p95 latency")).toMatchObject({
      type: "timeseries",
      unit: "s",
      max: 10,
      legend: { show: false },
      extra: {
        fieldConfig: {
          defaults: {
            custom: { lineInterpolation: "stepAfter", scaleDistribution: { log: 2, type: "log" } },
          },
        },
        // Sorting descending is what the exporter writes anyway; only the mode differs.
        options: { tooltip: { mode: "single" } },
      },
    });
    expect(byTitle("Slow queries")).toMatchObject({ stacking: "percent" });
    expect(unmapped.map((entry) => entry.path)).toEqual(
      expect.arrayContaining(["panels[7].seriesOverrides", "panels[7].alert"]),
    );
  });

  it("converts singlestat to stat or gauge and table-old to table", () => {
    const { dashboard } = importGrafanaDashboard(fixture("legacy-v18"), project);
    const byTitle = (title: string) => dashboard.panels.find((panel) => panel.title === title);
    expect(byTitle("Up")).toMatchObject({
      type: "stat",
      reduce: "lastNotNull",
      colorMode: "background",
      graphMode: "none",
      thresholds: {
        steps: [
          { value: null, color: "#d44a3a" },
          { value: 0.5, color: "rgba(237, 129, 40, 0.89)" },
          { value: 1, color: "#299c46" },
        ],
      },
      targets: [{ instant: true }],
    });
    expect(byTitle("Request rate")).toMatchObject({
      type: "stat",
      unit: "reqps",
      decimals: 1,
      reduce: "mean",
      graphMode: "area",
    });
    expect(byTitle("Memory used")).toMatchObject({ type: "gauge", unit: "percent", min: 0, max: 100 });
    const table = byTitle("Operations");
    expect(table).toMatchObject({ type: "table", unit: "short", decimals: 2 });
    expect(getPath(table?.extra ?? {}, "fieldConfig.overrides")).toBeUndefined();
    expect(table).toMatchObject({
      overrides: [
        {
          matcher: { id: "byName", options: "Time" },
          properties: [
            { id: "displayName", value: "Time" },
            { id: "custom.hidden", value: true },
          ],
        },
        { matcher: { id: "byName", options: "Value" } },
      ],
    });
  });

  it("expands collapsed rows into the flat model and keeps them collapsed", () => {
    const { dashboard } = importGrafanaDashboard(fixture("node-exporter-full"), project);
    const rows = dashboard.panels.filter((panel) => panel.type === "row");
    expect(rows.map((row) => [row.title, row.collapsed, row.gridPos.y])).toEqual([
      ["Quick CPU / Mem / Disk", false, 0],
      ["Basic CPU / Mem / Net / Disk", false, 5],
      ["CPU / Memory / Net / Disk", true, 20],
      ["Memory Meminfo", true, 57],
    ]);
    const memoryRow = rows[3];
    const below = dashboard.panels.filter(
      (panel) => panel.type !== "row" && panel.gridPos.y > (memoryRow?.gridPos.y ?? 0),
    );
    expect(below.map((panel) => panel.title)).toEqual(["Memory Active / Inactive", "Memory Committed"]);
    // The constant input was substituted as Grafana's import does.
    expect(dashboard.variables.find((variable) => variable.name === "diskdevices")).toMatchObject({
      type: "constant",
      value: "[a-z]+|nvme[0-9]+n[0-9]+|mmcblk[0-9]+",
    });
  });

  it("resolves Loki, Postgres and mixed datasources by type", () => {
    const { dashboard, unmapped } = importGrafanaDashboard(fixture("loki-postgres"), project);
    expect(dashboard.uid).toBe("shop-api-logs-audit");
    const mixed = dashboard.panels.find((panel) => panel.title === "Requests vs. error logs");
    expect(mixed).toMatchObject({
      targets: [
        { kind: "promql", refId: "A" },
        { kind: "logql", refId: "B", datasource: "${loki}", legendFormat: "error logs/s" },
      ],
    });
    expect(dashboard.panels.find((panel) => panel.title === "Errors (last hour)")).toMatchObject({
      targets: [{ kind: "logql", instant: true }],
    });
    expect(dashboard.variables.find((variable) => variable.name === "operation")).toMatchObject({
      type: "query",
      datasource: "app-postgres",
      refresh: "timeRange",
    });
    expect(dashboard.variables.find((variable) => variable.name === "env")).toMatchObject({
      query: "label_values(env)",
    });
    expect(unmapped.map((entry) => entry.path)).toEqual(
      expect.arrayContaining(["panels[3]", "templating.list[4]", "templating.list[5]"]),
    );
  });
});

function minimal(panels: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { title: "Test board", uid: "test", schemaVersion: 39, panels, ...extra };
}

function promPanel(
  id: unknown,
  gridPos: unknown,
  more: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id,
    type: "timeseries",
    title: `Panel ${String(id)}`,
    gridPos,
    datasource: { type: "prometheus", uid: "prometheus" },
    targets: [{ refId: "A", expr: "up", datasource: { type: "prometheus", uid: "prometheus" } }],
    ...more,
  };
}

describe("layout and ids", () => {
  const project = smallProject();

  it("de-duplicates ids and reports it", () => {
    const { dashboard, warnings } = importGrafanaDashboard(
      minimal([
        promPanel(3, { x: 0, y: 0, w: 12, h: 8 }),
        promPanel(3, { x: 12, y: 0, w: 12, h: 8 }),
        promPanel(undefined, { x: 0, y: 8, w: 12, h: 8 }),
      ]),
      project,
    );
    expect(dashboard.panels.map((panel) => panel.id)).toEqual([3, 4, 5]);
    expect(warnings).toContain("panels[1]: id 3 duplicated panels[0]; now 4");
    expect(warnings).toContain("panels[2]: had no id; now 5");
  });

  it("places panels without gridPos as Grafana does: 6 by 3 at the top left, compacted in order", () => {
    const { dashboard, warnings } = importGrafanaDashboard(
      minimal([
        promPanel(1, undefined),
        promPanel(2, { x: 6, y: 0, w: 18, h: 8 }),
        promPanel(3, undefined),
        promPanel(4, undefined),
        promPanel(5, { x: 0, y: 20, w: 24, h: 4 }),
      ]),
      project,
    );
    // PanelModel's default gridPos {x 0, y 0, w 6, h 3}; react-grid-layout stacks those that tie
    // on the left, in their order, and closes the gap above panel 5.
    expect(dashboard.panels.map((panel) => [panel.id, panel.gridPos])).toEqual([
      [1, { x: 0, y: 0, w: 6, h: 3 }],
      [2, { x: 6, y: 0, w: 18, h: 8 }],
      [3, { x: 0, y: 3, w: 6, h: 3 }],
      [4, { x: 0, y: 6, w: 6, h: 3 }],
      [5, { x: 0, y: 9, w: 24, h: 4 }],
    ]);
    expect(warnings).toContain(
      "panels[0]: moved from x0 y0 w6 h3 to x0 y0 w6 h3: had no gridPos; placed as Grafana places it (6 wide, 3 high, at the top left)",
    );
    expect(warnings).toContain(
      "panels[3]: moved from x0 y0 w6 h3 to x0 y6 w6 h3: had no gridPos; placed as Grafana places it (6 wide, 3 high, at the top left; it overlapped panels[0] there and moved down)",
    );
  });

  it("fits panels into 24 columns and pushes overlapping ones down", () => {
    const { dashboard, warnings } = importGrafanaDashboard(
      minimal([
        promPanel(1, { x: 0, y: 0, w: 12, h: 8 }),
        promPanel(2, { x: 20, y: 0, w: 8, h: 8 }),
        promPanel(3, { x: 6, y: 2, w: 12, h: 4 }),
        promPanel(4, { x: 0, y: 30, w: 30, h: 4 }),
      ]),
      project,
    );
    expect(dashboard.panels.map((panel) => [panel.id, panel.gridPos])).toEqual([
      [1, { x: 0, y: 0, w: 12, h: 8 }],
      [2, { x: 16, y: 0, w: 8, h: 8 }],
      [3, { x: 6, y: 8, w: 12, h: 4 }],
      [4, { x: 0, y: 12, w: 24, h: 4 }],
    ]);
    expect(warnings).toContain(
      "panels[1]: moved from x20 y0 w8 h8 to x16 y0 w8 h8: x + w exceeded the 24-column grid",
    );
    expect(warnings).toContain(
      "panels[2]: moved from x6 y2 w12 h4 to x6 y8 w12 h4: overlapped panels[0]; moved down",
    );
    expect(
      warnings.some(
        (warning) => warning.startsWith("panels[3]: moved") && warning.includes("width outside 1-24"),
      ),
    ).toBe(true);
    const checks = new IssueCollector();
    checkDashboard(dashboard, project.datasources, [], checks);
    expect(checks.issues).toEqual([]);
  });

  it("places collapsed rows' panels below the row and pushes later rows down, as Grafana's expand does", () => {
    const { dashboard } = importGrafanaDashboard(
      minimal([
        {
          id: 1,
          type: "row",
          title: "A",
          collapsed: true,
          gridPos: { x: 0, y: 0, w: 24, h: 1 },
          panels: [promPanel(2, { x: 0, y: 7, w: 24, h: 6 })],
        },
        {
          id: 3,
          type: "row",
          title: "B",
          collapsed: false,
          gridPos: { x: 0, y: 1, w: 24, h: 1 },
          panels: [],
        },
        promPanel(4, { x: 0, y: 2, w: 24, h: 5 }),
      ]),
      project,
    );
    expect(dashboard.panels.map((panel) => [panel.id, panel.gridPos.y])).toEqual([
      [1, 0],
      [2, 1],
      [3, 7],
      [4, 8],
    ]);
    const exported = toGrafanaDashboard(project, dashboard);
    const [rowA] = exported.panels ?? [];
    expect(rowA).toMatchObject({ type: "row", collapsed: true, panels: [{ id: 2, gridPos: { y: 1 } }] });
  });
});

describe("legacy layouts and panels", () => {
  const project = smallProject();

  it("warns when a visible panel below a collapsed row joins the row, and the equivalence sees it hidden", () => {
    const input = minimal([
      {
        id: 1,
        type: "row",
        title: "Folded",
        collapsed: true,
        gridPos: { x: 0, y: 0, w: 24, h: 1 },
        panels: [],
      },
      promPanel(2, { x: 0, y: 1, w: 24, h: 6 }),
    ]);
    const { dashboard, warnings } = importGrafanaDashboard(input, project);
    expect(warnings).toContain(
      "panels[1]: sat below collapsed row panels[0] outside it; the model's row owns it, so it is now hidden with the row",
    );
    const exported = toGrafanaDashboard(project, dashboard);
    expect(equivalentGrafanaDashboards(input, exported)).toEqual([
      'panels[1] (timeseries "Panel 2").hiddenInCollapsedRow: only in the second: true',
    ]);
  });

  it("migrates the Grafana 8 heatmap", () => {
    const old = {
      id: 1,
      type: "heatmap",
      title: "Latency",
      gridPos: { x: 0, y: 0, w: 12, h: 8 },
      datasource: "Prometheus",
      dataFormat: "tsbuckets",
      color: {
        cardColor: "#b4ff00",
        colorScale: "sqrt",
        colorScheme: "interpolateSpectral",
        exponent: 0.5,
        mode: "spectrum",
      },
      yAxis: { decimals: 2, format: "s", logBase: 1, show: true },
      reverseYBuckets: false,
      legend: { show: false },
      targets: [
        {
          refId: "A",
          expr: "sum by (le) (rate(http_request_duration_seconds_bucket[5m]))",
          format: "heatmap",
          legendFormat: "{{le}}",
        },
      ],
    };
    const { dashboard, warnings } = importGrafanaDashboard(minimal([old]), project);
    expect(dashboard.panels[0]).toMatchObject({
      type: "heatmap",
      unit: "s",
      decimals: 2,
      calculate: false,
      colorScheme: "Spectral",
      targets: [{ format: "heatmap", legendFormat: "{{le}}" }],
    });
    expect(warnings).toContain("panels[0]: legacy heatmap panel converted to heatmap");
  });
});

describe("what cannot be mapped", () => {
  const project = smallProject();

  it("keeps unknown panels as raw JSON at their place and exports them back", () => {
    const piechart = {
      id: 2,
      type: "piechart",
      title: "Share",
      gridPos: { x: 12, y: 0, w: 12, h: 8 },
      datasource: { type: "prometheus", uid: "${DS_PROM}" },
      options: { pieType: "donut" },
      targets: [
        { refId: "A", expr: "sum by (job) (up)", datasource: { type: "prometheus", uid: "${DS_PROM}" } },
      ],
    };
    const input = minimal([promPanel(1, { x: 0, y: 0, w: 12, h: 8 }), piechart], {
      __inputs: [{ name: "DS_PROM", type: "datasource", pluginId: "prometheus" }],
    });
    const { dashboard, unmapped } = importGrafanaDashboard(input, project);
    expect(unmapped).toEqual([
      {
        path: "panels[1]",
        what: 'panel type "piechart" has no model equivalent; kept as raw JSON in the dashboard\'s extra',
      },
    ]);
    // The raw panel's datasources now point at the project's.
    expect(dashboard.extra?.panels).toEqual([
      {
        ...piechart,
        datasource: { type: "prometheus", uid: "prometheus" },
        targets: [{ ...piechart.targets[0], datasource: { type: "prometheus", uid: "prometheus" } }],
      },
    ]);
    const exported = toGrafanaDashboard(project, dashboard);
    expect(exported.panels?.map((panel) => panel.type)).toEqual(["timeseries", "piechart"]);
    expect(equivalentGrafanaDashboards(input, exported)).toEqual([]);
  });

  it("keeps a panel whose queries the model cannot hold (expressions, other datasources) whole", () => {
    // A hidden query alone is a model field now (kept-raw.test.ts); the expression beside it is not.
    const hidden = promPanel(
      1,
      { x: 0, y: 0, w: 12, h: 8 },
      {
        targets: [
          { refId: "A", expr: "up", hide: true },
          {
            refId: "B",
            datasource: { type: "__expr__", uid: "__expr__" },
            expression: "$A * 2",
            type: "math",
          },
        ],
      },
    );
    const mysql = promPanel(
      2,
      { x: 12, y: 0, w: 12, h: 8 },
      {
        datasource: { type: "mysql", uid: "abc" },
        targets: [{ refId: "A", rawSql: "SELECT 1", datasource: { type: "mysql", uid: "abc" } }],
      },
    );
    const { dashboard, unmapped } = importGrafanaDashboard(minimal([hidden, mysql]), project);
    expect(dashboard.panels).toEqual([]);
    expect(unmapped).toEqual([
      {
        path: "panels[0]",
        what: "targets[1] is a query of a __expr__ datasource; kept as raw JSON in the dashboard's extra",
      },
      {
        path: "panels[1]",
        what: "targets[0] is a query of a mysql datasource; kept as raw JSON in the dashboard's extra",
      },
    ]);
    expect(dashboard.extra?.panels).toHaveLength(2);
  });

  it("lists values the model's fields cannot hold and keeps them in extra", () => {
    const panel = {
      id: 1,
      type: "stat",
      title: "Odd stat",
      gridPos: { x: 0, y: 0, w: 6, h: 4 },
      datasource: { type: "prometheus", uid: "prometheus" },
      fieldConfig: { defaults: { unit: "bytes", decimals: 12 }, overrides: [] },
      options: {
        colorMode: "background_solid",
        reduceOptions: { calcs: ["range"], fields: "", values: false },
      },
      transformations: [{ id: "organize", options: {} }],
      targets: [
        { refId: "q1", expr: "up", exemplar: true, datasource: { type: "prometheus", uid: "prometheus" } },
      ],
    };
    const { dashboard, unmapped, warnings } = importGrafanaDashboard(minimal([panel]), project);
    expect(unmapped.map((entry) => entry.path).sort()).toEqual([
      "panels[0].fieldConfig.defaults.decimals",
      "panels[0].options.colorMode",
      "panels[0].options.reduceOptions.calcs",
      "panels[0].targets[0]",
      "panels[0].transformations",
    ]);
    expect(unmapped.find((entry) => entry.path === "panels[0].targets[0]")?.what).toBe(
      "query option exemplar=true has no place in the model; dropped",
    );
    expect(warnings).toContain('panels[0]: refIds renamed to upper-case letters: "q1" → A');
    expect(dashboard.panels[0]?.extra).toEqual({
      fieldConfig: { defaults: { decimals: 12 } },
      options: { colorMode: "background_solid", reduceOptions: { calcs: ["range"] } },
      transformations: [{ id: "organize", options: {} }],
    });
  });

  it("resolves legacy datasource names, unknown uids and missing datasources by type", () => {
    const withThanos = {
      ...project,
      datasources: [
        ...project.datasources,
        { ...project.datasources[0], uid: "thanos", name: "Thanos", isDefault: false },
      ],
    } as typeof project;
    const panels = [
      promPanel(
        1,
        { x: 0, y: 0, w: 6, h: 4 },
        { datasource: "Prometheus", targets: [{ refId: "A", expr: "up" }] },
      ),
      promPanel(
        2,
        { x: 6, y: 0, w: 6, h: 4 },
        { datasource: "Thanos", targets: [{ refId: "A", expr: "up" }] },
      ),
      promPanel(
        3,
        { x: 12, y: 0, w: 6, h: 4 },
        { datasource: null, targets: [{ refId: "A", expr: '{app="x"} |= "error"' }] },
      ),
      promPanel(
        4,
        { x: 18, y: 0, w: 6, h: 4 },
        {
          datasource: { type: "loki", uid: "P8E80F9AEF21F6940" },
          targets: [
            {
              refId: "A",
              expr: 'sum(rate({app="x"}[5m]))',
              datasource: { type: "loki", uid: "P8E80F9AEF21F6940" },
            },
          ],
        },
      ),
    ];
    const { dashboard, warnings } = importGrafanaDashboard(minimal(panels), withThanos);
    expect(
      dashboard.panels.map((panel) =>
        "targets" in panel ? panel.targets.map((t) => [t.kind, t.datasource]) : [],
      ),
    ).toEqual([
      [["promql", undefined]],
      [["promql", undefined]],
      [["logql", undefined]],
      [["logql", undefined]],
    ]);
    // The project's default of a type is left implicit; another datasource is named.
    expect(dashboard.panels.map((panel) => ("datasource" in panel ? panel.datasource : undefined))).toEqual([
      undefined,
      "thanos",
      undefined,
      undefined,
    ]);
    expect(warnings).toContain(
      'datasource "P8E80F9AEF21F6940" (loki) is not in the project: using its loki datasource',
    );
  });

  it("generates a stable uid from the title when there is none", () => {
    const first = importGrafanaDashboard({ title: "API — Latency & Errors!", panels: [] }, project);
    const second = importGrafanaDashboard(
      { title: "API — Latency & Errors!", panels: [], uid: null },
      project,
    );
    expect(first.dashboard.uid).toBe("api-latency-errors");
    expect(second.dashboard.uid).toBe("api-latency-errors");
    expect(first.dashboard.refresh).toBe("");
  });
});

describe("garbage in", () => {
  const project = smallProject();

  function issuesOf(json: unknown): string[] {
    try {
      importGrafanaDashboard(json, project);
    } catch (error) {
      expect(error).toBeInstanceOf(GrafanaImportError);
      return (error as GrafanaImportError).issues.map((issue) => `${issue.path}: ${issue.message}`);
    }
    throw new Error("expected a GrafanaImportError");
  }

  it("rejects what is not a dashboard, saying where", () => {
    expect(issuesOf(42)).toEqual(["(root): expected a Grafana dashboard JSON object, got a number"]);
    expect(issuesOf([1, 2])).toEqual(["(root): expected a Grafana dashboard JSON object, got an array"]);
    expect(issuesOf({ hello: "world" })).toEqual([
      "(root): not a Grafana dashboard: it has none of title, panels or rows",
    ]);
    expect(issuesOf({ title: "x", panels: "nope" })[0]).toMatch(/^panels: /);
    expect(
      issuesOf({ title: "x", panels: [{ type: "stat", gridPos: { x: "left", y: 0, w: 4, h: 4 } }] })[0],
    ).toMatch(/^panels\[0\]\.gridPos\.x: /);
    expect(issuesOf({ dashboard: { title: "x", templating: { list: [{ type: "query" }] } } })[0]).toMatch(
      /^dashboard\.templating\.list\[0\]\.name: /,
    );
    // The legacy rows[] layout is converted (legacy-rows.test.ts); rows that are not rows are refused.
    expect(issuesOf({ title: "old", rows: [{ panels: "nope" }], schemaVersion: 14 })[0]).toMatch(
      /^rows\[0\]\.panels: /,
    );
  });
});

describe("the imported model is a plain Dashboard", () => {
  it("has no undefined values that would vanish in JSON", () => {
    const { dashboard } = importGrafanaDashboard(fixture("modern"), smallProject());
    const roundTripped = JSON.parse(JSON.stringify(dashboard)) as Dashboard;
    expect(roundTripped).toEqual(dashboard);
  });
});
