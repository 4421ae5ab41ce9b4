import type { Panel as GrafanaPanel, RowPanel } from "@grafana/schema";
import { describe, expect, it } from "vitest";
import { type DashboardInput, type Project, parseProject } from "../../model";
import { toGrafanaDashboard } from "./dashboard";

const DATASOURCES = [
  { uid: "prom-a", name: "Prometheus A", type: "prometheus" },
  { uid: "prom-b", name: "Prometheus B", type: "prometheus", isDefault: true },
  { uid: "logs", name: "Loki", type: "loki" },
  {
    uid: "db",
    name: "DB",
    type: "postgres",
    database: "app",
    user: "reader",
    password: { secret: "DB_PASSWORD" },
  },
];

function projectWith(dashboard: Omit<DashboardInput, "uid" | "title">): Project {
  return parseProject({
    name: "Test",
    datasources: DATASOURCES,
    receivers: [{ name: "default" }],
    dashboards: [{ uid: "test", title: "Test", ...dashboard }],
  });
}

function convert(project: Project) {
  const [dashboard] = project.dashboards;
  if (!dashboard) throw new Error("no dashboard");
  return toGrafanaDashboard(project, dashboard);
}

function promPanel(id: number, y: number, x = 0, extra: Record<string, unknown> = {}) {
  return {
    id,
    type: "timeseries" as const,
    title: `Panel ${id}`,
    gridPos: { x, y, w: 12, h: 4 },
    targets: [{ kind: "promql" as const, refId: "A", expr: "up" }],
    ...extra,
  };
}

function panelById(panels: Array<GrafanaPanel | RowPanel> | undefined, id: number): GrafanaPanel {
  const found = (panels ?? []).find((panel) => panel.id === id);
  if (!found || found.type === "row") throw new Error(`no panel ${id}`);
  return found as GrafanaPanel;
}

describe("panel datasources", () => {
  it("uses the project's default datasource of the query's kind when none is named", () => {
    const json = convert(
      projectWith({
        panels: [
          promPanel(1, 0),
          {
            id: 2,
            type: "table",
            title: "Rows",
            gridPos: { x: 12, y: 0, w: 12, h: 4 },
            targets: [{ kind: "sql", refId: "A", rawSql: "SELECT 1" }],
          },
        ],
      }),
    );
    expect(panelById(json.panels, 1).datasource).toEqual({ type: "prometheus", uid: "prom-b" });
    expect(panelById(json.panels, 2).targets?.[0]?.datasource).toEqual({
      type: "grafana-postgresql-datasource",
      uid: "db",
    });
  });

  it("marks a panel whose queries use different datasources as mixed", () => {
    const json = convert(
      projectWith({
        panels: [
          promPanel(1, 0, 0, {
            targets: [
              { kind: "promql", refId: "A", expr: "up", datasource: "prom-a" },
              { kind: "logql", refId: "B", expr: 'sum(count_over_time({app="x"}[5m]))' },
            ],
          }),
        ],
      }),
    );
    const panel = panelById(json.panels, 1);
    expect(panel.datasource).toEqual({ type: "datasource", uid: "-- Mixed --" });
    expect(panel.targets?.map((target) => target.datasource)).toEqual([
      { type: "prometheus", uid: "prom-a" },
      { type: "loki", uid: "logs" },
    ]);
  });

  it("writes a datasource variable reference in braces, with the variable's plugin type", () => {
    const json = convert(
      projectWith({
        variables: [{ type: "datasource", name: "ds", datasourceType: "prometheus" }],
        panels: [promPanel(1, 0, 0, { datasource: "$ds" })],
      }),
    );
    expect(panelById(json.panels, 1).datasource).toEqual({ type: "prometheus", uid: `\${ds}` });
    expect(json.templating?.list?.[0]).toMatchObject({
      type: "datasource",
      query: "prometheus",
      current: { text: "Prometheus B", value: "prom-b" },
    });
  });
});

describe("panel layout", () => {
  it("sorts the top level by y then x and keeps panels after an expanded row at the top level", () => {
    const json = convert(
      projectWith({
        panels: [
          promPanel(4, 5, 12),
          { id: 3, type: "row", title: "Open", gridPos: { x: 0, y: 4, w: 24, h: 1 } },
          promPanel(2, 0, 12),
          promPanel(1, 0, 0),
          promPanel(5, 5, 0),
          { id: 6, type: "row", title: "Closed", collapsed: true, gridPos: { x: 0, y: 9, w: 24, h: 1 } },
          promPanel(8, 10, 12),
          promPanel(7, 10, 0),
        ],
      }),
    );
    expect(json.panels?.map((panel) => panel.id)).toEqual([1, 2, 3, 5, 4, 6]);
    const closed = json.panels?.find((panel) => panel.id === 6) as RowPanel;
    expect(closed.panels.map((panel) => panel.id)).toEqual([7, 8]);
  });
});

describe("panel extra", () => {
  it("is merged last and deeply, so unmodelled Grafana options survive without erasing generated ones", () => {
    const json = convert(
      projectWith({
        panels: [
          promPanel(1, 0, 0, {
            extra: {
              options: { tooltip: { sort: "none" } },
              transformations: [{ id: "reduce", options: {} }],
            },
          }),
        ],
      }),
    );
    const panel = panelById(json.panels, 1);
    expect(panel.options).toMatchObject({
      legend: { showLegend: true },
      tooltip: { mode: "multi", sort: "none" },
    });
    expect(panel.transformations).toEqual([{ id: "reduce", options: {} }]);
  });
});

describe("variables", () => {
  it("maps every variable type to Grafana's fields", () => {
    const json = convert(
      projectWith({
        variables: [
          { type: "custom", name: "env", values: ["prod", "staging,eu"], includeAll: true },
          { type: "constant", name: "cluster", value: "main" },
          { type: "interval", name: "step", values: ["1m", "5m"] },
          { type: "query", name: "job", datasource: "prom-a", query: "up", refresh: "timeRange", hide: true },
        ],
      }),
    );
    expect(json.templating?.list).toEqual([
      expect.objectContaining({
        type: "custom",
        query: "prod,staging\\,eu",
        current: { text: "All", value: "$__all" },
        options: [
          { selected: true, text: "All", value: "$__all" },
          { selected: false, text: "prod", value: "prod" },
          { selected: false, text: "staging,eu", value: "staging,eu" },
        ],
      }),
      expect.objectContaining({ type: "constant", hide: 2, query: "main" }),
      expect.objectContaining({ type: "interval", query: "1m,5m", current: { text: "1m", value: "1m" } }),
      expect.objectContaining({
        type: "query",
        datasource: { type: "prometheus", uid: "prom-a" },
        query: { qryType: 5, query: "up", refId: "PrometheusVariableQueryEditor-VariableQuery" },
        definition: "up",
        refresh: 2,
        hide: 2,
      }),
    ]);
  });
});

describe("alert list", () => {
  it("maps the model's state filter onto Grafana's, inactive being normal", () => {
    const json = convert(
      projectWith({
        panels: [
          {
            id: 1,
            type: "alertlist",
            title: "Alerts",
            gridPos: { x: 0, y: 0, w: 12, h: 6 },
            stateFilter: ["firing", "inactive"],
            labelFilter: 'team="api"',
          },
        ],
      }),
    );
    expect(panelById(json.panels, 1).options).toMatchObject({
      alertInstanceLabelFilter: 'team="api"',
      stateFilter: { firing: true, pending: false, normal: true, noData: false, error: false },
      viewMode: "list",
    });
  });
});
