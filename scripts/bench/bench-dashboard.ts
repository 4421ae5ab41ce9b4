import type { Dashboard, DashboardInput } from "../../lib/model/dashboard";
import type { Panel } from "../../lib/model/panel";
import type { Variable } from "../../lib/model/variable";

/**
 * The 24-panel dashboard the designer bench opens: query panels of the enterprise catalog that the
 * demo Prometheus feeds, taken in turn from four dashboards and at least one of every type (stat,
 * gauge, bar gauge, time series, heatmap, table), laid out anew left to right.
 */

export const BENCH_DASHBOARD_UID = "bench-24-panels";
export const BENCH_PANEL_COUNT = 24;

const SOURCES = ["fraiseql-operations", "fraiseql-database", "fraiseql-postgres", "fraiseql-infrastructure"];

/** The catalog says in a panel's description when FraiseQL does not feed it (see e2e/dashboard-panels). */
function expectsData(description = ""): boolean {
  if (/shows no data/.test(description)) return false;
  return (
    !/Requires the application to expose/.test(description) || /shows one unlabelled series/.test(description)
  );
}

function previewable(panel: Panel): boolean {
  return (
    panel.type !== "row" &&
    panel.type !== "alertlist" &&
    panel.targets.every((target) => target.kind === "promql") &&
    expectsData(panel.description)
  );
}

/** Left to right, a new line when the next panel does not fit in the 24 columns. */
function flowLayout(panels: readonly Panel[]): Panel[] {
  let x = 0;
  let y = 0;
  let lineHeight = 0;
  return panels.map((panel, index) => {
    const { w, h } = panel.gridPos;
    if (x + w > 24) {
      x = 0;
      y += lineHeight;
      lineHeight = 0;
    }
    const placed = { ...panel, id: index + 1, gridPos: { x, y, w, h } };
    x += w;
    lineHeight = Math.max(lineHeight, h);
    return placed;
  });
}

/** The candidates taken in turn from each source dashboard, in their catalog order. */
function roundRobin(queues: readonly Panel[][]): Panel[] {
  const out: Panel[] = [];
  const longest = Math.max(0, ...queues.map((queue) => queue.length));
  for (let round = 0; round < longest; round++)
    for (const queue of queues) {
      const panel = queue[round];
      if (panel) out.push(panel);
    }
  return out;
}

/** One panel of every type first, then the others in turn: kept in round-robin order. */
function pick(candidates: readonly Panel[], count: number): Panel[] {
  const chosen = new Set<Panel>();
  const types = new Set<string>();
  for (const panel of candidates)
    if (!types.has(panel.type)) {
      types.add(panel.type);
      chosen.add(panel);
    }
  for (const panel of candidates) if (chosen.size < count) chosen.add(panel);
  if (chosen.size < count) throw new Error(`only ${chosen.size} catalog panels to pick from`);
  return candidates.filter((panel) => chosen.has(panel)).slice(0, count);
}

export function benchDashboard(dashboards: readonly Dashboard[]): DashboardInput {
  const queues = SOURCES.map((uid) => {
    const source = dashboards.find((dashboard) => dashboard.uid === uid);
    if (!source) throw new Error(`the enterprise template has no dashboard ${uid}`);
    return source.panels.filter(previewable);
  });
  const picked = pick(roundRobin(queues), BENCH_PANEL_COUNT);
  // Same-named variables (`instance`) mean the same thing with "All" selected: keep the first.
  const variables = new Map<string, Variable>();
  for (const uid of SOURCES)
    for (const variable of dashboards.find((dashboard) => dashboard.uid === uid)?.variables ?? [])
      if (!variables.has(variable.name)) variables.set(variable.name, variable);
  return {
    uid: BENCH_DASHBOARD_UID,
    title: "Bench: 24 panels",
    refresh: "",
    time: { from: "now-3h", to: "now" },
    variables: [...variables.values()],
    panels: flowLayout(picked),
  };
}
