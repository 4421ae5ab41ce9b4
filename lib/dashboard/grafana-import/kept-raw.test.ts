import { describe, expect, it } from "vitest";
import { toGrafanaDashboard } from "../../generate/grafana";
import { type Dashboard, type Panel, type Project, parseProject, type Variable } from "../../model";
import { equivalentGrafanaDashboards } from "./equivalent";
import { importGrafanaDashboard } from "./import-dashboard";

/**
 * The model is the source of truth: what an import keeps raw goes back out verbatim, but never over
 * a field the model holds, so an edit made in the designer is always in the export.
 */

type Json = Record<string, any>;

function project(): Project {
  return parseProject({
    name: "Kept raw",
    datasources: [{ uid: "prometheus", name: "Prometheus", type: "prometheus", isDefault: true }],
    receivers: [{ name: "default" }],
  });
}

function board(panels: Json[], more: Json = {}): Json {
  return { title: "Imported", uid: "imported", schemaVersion: 39, panels, ...more };
}

const DATASOURCE = { type: "prometheus", uid: "prometheus" };

function stat(more: Json): Json {
  return {
    id: 1,
    type: "stat",
    title: "Disk used",
    gridPos: { x: 0, y: 0, w: 6, h: 4 },
    datasource: DATASOURCE,
    targets: [{ refId: "A", expr: "disk_used_ratio * 100", datasource: DATASOURCE }],
    ...more,
  };
}

function exported(dashboard: Dashboard): Json {
  return JSON.parse(JSON.stringify(toGrafanaDashboard(project(), dashboard))) as Json;
}

function editPanel(dashboard: Dashboard, edit: (panel: Panel) => Panel): Dashboard {
  return { ...dashboard, panels: dashboard.panels.map(edit) };
}

function editVariable(dashboard: Dashboard, edit: (variable: Variable) => Variable): Dashboard {
  return { ...dashboard, variables: dashboard.variables.map(edit) };
}

describe("an edit of a modelled field reaches the export", () => {
  it("a threshold moved from 85 to 50 on a panel whose base step has no value (the issue's case)", () => {
    const thresholds = { mode: "absolute", steps: [{ color: "green" }, { color: "red", value: 85 }] };
    const { dashboard, unmapped, warnings } = importGrafanaDashboard(
      board([stat({ fieldConfig: { defaults: { unit: "percent", thresholds }, overrides: [] } })]),
      project(),
    );
    const [panel] = dashboard.panels;
    // Read as Grafana reads it; no raw copy kept, one line in the report, nothing "not mapped".
    expect(panel).toMatchObject({
      thresholds: {
        steps: [
          { value: null, color: "green" },
          { value: 85, color: "red" },
        ],
      },
    });
    expect(panel?.extra).toBeUndefined();
    expect(unmapped).toEqual([]);
    expect(warnings).toContainEqual(
      expect.stringMatching(
        /^thresholds read as Grafana reads them .*: 1 panel: panels\[0\]; nothing kept raw$/,
      ),
    );

    const edited = editPanel(dashboard, (p) =>
      p.type === "stat"
        ? {
            ...p,
            thresholds: {
              mode: "absolute",
              steps: [
                { value: null, color: "green" },
                { value: 50, color: "red" },
              ],
            },
          }
        : p,
    );
    expect(exported(edited).panels[0].fieldConfig.defaults.thresholds).toEqual({
      mode: "absolute",
      steps: [
        { color: "green", value: null },
        { color: "red", value: 50 },
      ],
    });
  });

  it("also from a project saved before this fix, whose panel still carries a raw copy of its thresholds", () => {
    const { dashboard } = importGrafanaDashboard(board([stat({})]), project());
    const stale = editPanel(dashboard, (p) =>
      p.type === "stat"
        ? {
            ...p,
            thresholds: {
              mode: "absolute",
              steps: [
                { value: null, color: "green" },
                { value: 50, color: "red" },
              ],
            },
            extra: {
              fieldConfig: {
                defaults: { thresholds: { steps: [{ color: "green" }, { color: "red", value: 85 }] } },
              },
            },
          }
        : p,
    );
    expect(exported(stale).panels[0].fieldConfig.defaults.thresholds.steps[1]).toEqual({
      color: "red",
      value: 50,
    });
  });

  it("values the model cannot hold go out verbatim until their field is edited, then the edit does", () => {
    const { dashboard, unmapped } = importGrafanaDashboard(
      board([
        stat({
          fieldConfig: { defaults: { unit: "bytes", decimals: 12 }, overrides: [] },
          options: {
            colorMode: "background_solid",
            graphMode: "none",
            reduceOptions: { calcs: ["range"], fields: "", values: false },
          },
        }),
      ]),
      project(),
    );
    expect(unmapped.map((entry) => entry.path).sort()).toEqual([
      "panels[0].fieldConfig.defaults.decimals",
      "panels[0].options.colorMode",
      "panels[0].options.reduceOptions.calcs",
    ]);
    const unedited = exported(dashboard).panels[0];
    expect(unedited.fieldConfig.defaults.decimals).toBe(12);
    expect(unedited.options).toMatchObject({
      colorMode: "background_solid",
      reduceOptions: { calcs: ["range"] },
    });

    const edited = exported(
      editPanel(dashboard, (p) =>
        p.type === "stat" ? { ...p, decimals: 2, colorMode: "none", reduce: "max" } : p,
      ),
    ).panels[0];
    expect(edited.fieldConfig.defaults.decimals).toBe(2);
    expect(edited.options).toMatchObject({ colorMode: "none", reduceOptions: { calcs: ["max"] } });
  });

  it("a legend hidden by Grafana 8's displayMode is read as hidden, and showing it again shows it", () => {
    const panel = {
      id: 1,
      type: "timeseries",
      title: "Requests",
      gridPos: { x: 0, y: 0, w: 12, h: 8 },
      datasource: DATASOURCE,
      targets: [{ refId: "A", expr: "rate(http_requests_total[5m])", datasource: DATASOURCE }],
      options: { legend: { displayMode: "hidden", placement: "bottom", calcs: [] } },
    };
    const { dashboard, unmapped } = importGrafanaDashboard(board([panel]), project());
    expect(dashboard.panels[0]).toMatchObject({ legend: { show: false, displayMode: "list" } });
    expect((dashboard.panels[0]?.extra?.options as Json | undefined)?.legend).toBeUndefined();
    expect(unmapped).toEqual([]);
    const shown = editPanel(dashboard, (p) =>
      p.type === "timeseries" ? { ...p, legend: { ...p.legend, show: true } } : p,
    );
    expect(exported(shown).panels[0].options.legend).toMatchObject({ displayMode: "list", showLegend: true });
  });
});

describe("a current heatmap that still carries legacy heatmap keys", () => {
  // As the ingress-nginx dashboard has it: Grafana 10 options, and the Grafana 7 keys left over.
  const heatmap = {
    id: 89,
    type: "heatmap",
    title: "Request latency",
    gridPos: { x: 0, y: 0, w: 12, h: 7 },
    datasource: DATASOURCE,
    pluginVersion: "10.4.3",
    cards: {},
    color: { cardColor: "#b4ff00", colorScale: "sqrt", colorScheme: "interpolateWarm", mode: "spectrum" },
    dataFormat: "tsbuckets",
    legend: { show: true },
    reverseYBuckets: false,
    tooltip: { show: true, showHistogram: true },
    yAxis: { format: "ms", logBase: 1, show: true },
    yBucketBound: "auto",
    options: {
      calculate: false,
      cellGap: 2,
      color: {
        exponent: 0.5,
        fill: "#b4ff00",
        mode: "scheme",
        reverse: false,
        scale: "exponential",
        scheme: "Warm",
        steps: 128,
      },
      yAxis: { axisPlacement: "left", reverse: false, unit: "s" },
    },
    targets: [
      {
        refId: "A",
        expr: "sum(increase(request_duration_seconds_bucket[2m])) by (le)",
        format: "heatmap",
        legendFormat: "{{le}}",
        datasource: DATASOURCE,
      },
    ],
  };

  it("is read from its options, as Grafana reads it; the legacy keys are kept verbatim and reported", () => {
    const { dashboard, warnings } = importGrafanaDashboard(board([heatmap]), project());
    const [panel] = dashboard.panels;
    expect(panel).toMatchObject({ type: "heatmap", unit: "s", colorScheme: "Warm", calculate: false });
    expect(panel?.extra).toMatchObject({
      dataFormat: "tsbuckets",
      yAxis: { format: "ms" },
      options: { cellGap: 2 },
    });
    expect(warnings).toContain(
      "panels[0]: a current heatmap panel that still carries legacy keys (cards, color, dataFormat, legend, reverseYBuckets, tooltip, yAxis, yBucketBound): read from its options, as Grafana does; the legacy keys are kept as raw JSON, not converted",
    );
    expect(warnings.some((warning) => warning.includes("converted to heatmap"))).toBe(false);
    const out = exported(dashboard).panels[0];
    expect(out).toMatchObject({
      dataFormat: "tsbuckets",
      options: { color: { scheme: "Warm", steps: 128 } },
    });
  });

  it("takes edits of its scheme and unit", () => {
    const { dashboard } = importGrafanaDashboard(board([heatmap]), project());
    const edited = editPanel(dashboard, (p) =>
      p.type === "heatmap" ? { ...p, colorScheme: "Viridis", unit: "ms" } : p,
    );
    expect(exported(edited).panels[0].options).toMatchObject({
      color: { scheme: "Viridis" },
      yAxis: { unit: "ms" },
    });
  });

  it("while one with empty options is the Grafana 8 heatmap, converted as before", () => {
    const { options: _options, ...old } = heatmap;
    const { dashboard, warnings } = importGrafanaDashboard(board([old]), project());
    expect(dashboard.panels[0]).toMatchObject({ type: "heatmap", unit: "ms", colorScheme: "Warm" });
    expect(warnings).toContain("panels[0]: legacy heatmap panel converted to heatmap");
  });
});

describe("variables and the dashboard", () => {
  const variables = {
    list: [
      {
        type: "query",
        name: "instance",
        datasource: DATASOURCE,
        query: { query: "label_values(up, instance)", refId: "A" },
        definition: "label_values(up, instance)",
        hide: 1,
        refresh: 0,
      },
    ],
  };

  it("keep a variable's label-only hiding and its refresh never until those fields are edited", () => {
    const { dashboard } = importGrafanaDashboard(board([], { templating: variables }), project());
    expect(exported(dashboard).templating.list[0]).toMatchObject({ hide: 1, refresh: 0 });
    const edited = editVariable(dashboard, (v) =>
      v.type === "query" ? { ...v, hide: true, refresh: "timeRange" } : v,
    );
    expect(exported(edited).templating.list[0]).toMatchObject({ hide: 2, refresh: 2 });
  });

  it("keep a named time zone until the time zone is edited", () => {
    const { dashboard } = importGrafanaDashboard(board([], { timezone: "Europe/Paris" }), project());
    expect(exported(dashboard).timezone).toBe("Europe/Paris");
    expect(exported({ ...dashboard, timezone: "utc" }).timezone).toBe("utc");
  });
});

describe("what the model drops", () => {
  it("is in the report, and the equivalence check sees it: a query's intervalFactor that is no factor", () => {
    const input = board([
      stat({
        targets: [{ refId: "A", expr: "disk_used_ratio * 100", intervalFactor: 1.5, datasource: DATASOURCE }],
      }),
    ]);
    const { dashboard, unmapped } = importGrafanaDashboard(input, project());
    expect(unmapped).toEqual([
      {
        path: "panels[0].targets[0]",
        what: "query option intervalFactor=1.5 has no place in the model; dropped",
      },
    ]);
    expect(equivalentGrafanaDashboards(input, exported(dashboard))).toEqual([
      'panels[0] (stat "Disk used").targets[0].intervalFactor: only in the first: 1.5',
    ]);
  });
});

describe("query options the model holds", () => {
  it("keeps intervalFactor and hide on the target, exports them, and the equivalence check agrees", () => {
    const input = board([
      stat({
        targets: [
          { refId: "A", expr: "disk_used_ratio * 100", intervalFactor: 2, datasource: DATASOURCE },
          { refId: "B", expr: "disk_used_ratio", hide: true, datasource: DATASOURCE },
        ],
      }),
    ]);
    const { dashboard, unmapped } = importGrafanaDashboard(input, project());
    expect(unmapped).toEqual([]);
    const panel = dashboard.panels[0];
    expect(panel && "targets" in panel ? panel.targets : []).toMatchObject([
      { refId: "A", intervalFactor: 2 },
      { refId: "B", hide: true },
    ]);
    expect(exported(dashboard).panels[0]?.targets).toMatchObject([
      { refId: "A", intervalFactor: 2 },
      { refId: "B", hide: true },
    ]);
    expect(equivalentGrafanaDashboards(input, exported(dashboard))).toEqual([]);
  });
});
