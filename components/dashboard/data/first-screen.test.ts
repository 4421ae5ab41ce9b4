import { describe, expect, it } from "vitest";
import { DashboardSchema } from "@/lib/model/dashboard";
import { firstScreenCalls, serverCanDrawView } from "./first-screen";
import { planQuery, runTargets } from "./query-params";

const NOW = Date.UTC(2026, 0, 5, 12, 0, 0);

const dashboard = DashboardSchema.parse({
  uid: "first",
  title: "First screen",
  time: { from: "now-1h", to: "now" },
  variables: [
    { type: "custom", name: "env", values: ["prod", "staging"] },
    { type: "query", name: "instance", query: "label_values(up, instance)" },
    { type: "query", name: "job", query: "label_values(up, job)", includeAll: true },
  ],
  panels: [
    {
      id: 1,
      type: "timeseries",
      title: "Top left",
      gridPos: { x: 0, y: 0, w: 12, h: 8 },
      targets: [
        { kind: "promql", refId: "A", expr: 'rate(x{env="$env"}[5m])' },
        { kind: "promql", refId: "B", expr: "up", hide: true },
      ],
    },
    {
      id: 2,
      type: "stat",
      title: "Waits for its variable's options",
      gridPos: { x: 12, y: 0, w: 6, h: 8 },
      targets: [{ kind: "promql", refId: "A", expr: 'up{instance="$instance"}', instant: true }],
    },
    {
      id: 3,
      type: "stat",
      title: "All is known at once",
      gridPos: { x: 18, y: 0, w: 6, h: 8 },
      targets: [{ kind: "promql", refId: "A", expr: 'up{job=~"$job"}', instant: true }],
    },
    {
      id: 4,
      type: "timeseries",
      title: "Below the fold",
      gridPos: { x: 0, y: 30, w: 24, h: 8 },
      targets: [{ kind: "promql", refId: "A", expr: "rate(y[5m])" }],
    },
    { id: 5, type: "row", title: "Closed", collapsed: true, gridPos: { x: 0, y: 8, w: 24, h: 1 } },
    {
      id: 6,
      type: "timeseries",
      title: "In the closed row",
      gridPos: { x: 0, y: 9, w: 24, h: 8 },
      targets: [{ kind: "promql", refId: "A", expr: "rate(z[5m])" }],
    },
    {
      id: 7,
      type: "timeseries",
      title: "Same query as the first",
      gridPos: { x: 0, y: 0, w: 12, h: 8 },
      targets: [{ kind: "promql", refId: "Q", expr: 'rate(x{env="$env"}[5m])' }],
    },
  ],
});

const project = { datasources: [], scrapeInterval: "15s" };
const grid = { width: 1385, fold: 640 };

describe("firstScreenCalls", () => {
  it("plans the queries of the panels above the fold whose variables are known, as the panels would", () => {
    const calls = firstScreenCalls({ project, dashboard, view: undefined, now: NOW, grid });
    const first = dashboard.panels[0];
    if (!first || first.type === "row") throw new Error("no first panel");
    const cell = (1385 - 23 * 8) / 24;
    const expected = runTargets(first).map((target) =>
      planQuery(first, target, {
        from: NOW - 3_600_000,
        to: NOW,
        widthPx: Math.round(12 * cell + 11 * 8),
        variables: dashboard.variables,
        selections: { env: ["prod"], instance: [], job: ["$__all"] },
        datasources: [],
        scrapeInterval: "15s",
        unknownVariables: ["instance"],
      }),
    );
    expect(calls.map(({ endpoint, params }) => ({ endpoint, params }))).toEqual([
      ...expected.map((plan) =>
        plan.kind === "preview" ? { endpoint: plan.endpoint, params: plan.params } : {},
      ),
      {
        endpoint: "query",
        params: {
          query: 'up{job=~"$job"}',
          width: expect.any(String),
          "var-job": ["$__all"],
          time: String(NOW / 1000),
          range: "3600s",
        },
      },
    ]);
  });

  it("follows the address's view: its range and its variables' values", () => {
    const calls = firstScreenCalls({
      project,
      dashboard,
      view: {
        timeRange: { from: "now-6h", to: "now" },
        variableSelections: { env: ["staging"], instance: ["a:9100"] },
      },
      now: NOW,
      grid,
    });
    expect(calls.map((call) => call.params["var-env"] ?? call.params["var-instance"])).toEqual([
      ["staging"],
      ["a:9100"],
      undefined,
    ]);
    expect(calls[0]?.params.start).toBe(String((NOW - 6 * 3_600_000) / 1000));
  });

  it("plans nothing for a range that does not resolve, or below a fold at the top", () => {
    const broken = { ...dashboard, time: { from: "yesterday-ish", to: "now" } };
    expect(firstScreenCalls({ project, dashboard: broken, view: undefined, now: NOW, grid })).toEqual([]);
    expect(
      firstScreenCalls({ project, dashboard, view: undefined, now: NOW, grid: { width: 1385, fold: 0 } }),
    ).toEqual([]);
  });

  it("sees a panel where the grid draws it: moved up into a gap above it", () => {
    const gap = DashboardSchema.parse({
      uid: "gap",
      title: "A gap",
      time: { from: "now-1h", to: "now" },
      panels: [
        {
          id: 1,
          type: "timeseries",
          title: "Stored far down, drawn at the top",
          gridPos: { x: 0, y: 40, w: 12, h: 8 },
          targets: [{ kind: "promql", refId: "A", expr: "rate(far[5m])" }],
        },
      ],
    });
    const calls = firstScreenCalls({ project, dashboard: gap, view: undefined, now: NOW, grid });
    expect(calls.map((call) => call.params.query)).toEqual(["rate(far[5m])"]);
  });
});

describe("serverCanDrawView", () => {
  const range = (from: string, to: string) => ({
    timeRange: { from, to },
    refresh: undefined,
    variableSelections: {},
  });

  it("lets the server draw a range it resolves as the browser does", () => {
    expect(serverCanDrawView(dashboard, range("now-6h", "now"), "UTC", "Asia/Kolkata")).toBe(true);
    expect(serverCanDrawView(dashboard, range("now/d", "now/d"), "Asia/Kolkata", "Asia/Kolkata")).toBe(true);
  });

  it("leaves to the browser a range on the viewer's calendar, from a server in another zone", () => {
    expect(serverCanDrawView(dashboard, range("now/d", "now/d"), "UTC", "Asia/Kolkata")).toBe(false);
    expect(
      serverCanDrawView(
        { ...dashboard, time: { from: "now-7d", to: "now" } },
        undefined,
        "UTC",
        "Europe/Paris",
      ),
    ).toBe(false);
    expect(
      serverCanDrawView({ ...dashboard, timezone: "utc" }, range("now/d", "now/d"), "UTC", "Europe/Paris"),
    ).toBe(true);
  });
});
