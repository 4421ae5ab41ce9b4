import { readFileSync } from "node:fs";
import path from "node:path";
import { importGrafanaDashboard } from "../../lib/dashboard/grafana-import";
import type { Dashboard } from "../../lib/model/dashboard";
import { type Panel, panelTargets } from "../../lib/model/panel";
import type { Project } from "../../lib/model/project";
import { collectErrors, throwOnErrors } from "./browser-errors";
import { type BenchBrowser, gotoSignedIn } from "./bench-session";
import { firstScreenDrawnAt, watchPanelsDrawn } from "./panels-drawn";

/**
 * The largest real dashboard there is to open: node-exporter-full (125 panels in 16 rows), as
 * Grafana exports it, imported with lib/dashboard/grafana-import and every row expanded, so all 125
 * panels are on the grid at once, as in the reload that sent 270 preview requests.
 */

export const LARGE_DASHBOARD_UID = "bench-node-exporter-full";

export const LARGE_DASHBOARD_FILE = path.resolve(
  import.meta.dirname,
  "../../lib/dashboard/testdata/large/node-exporter-full.grafana.json",
);

/** node-exporter-full imported for `project`; every row expanded unless `expandRows` is false. */
export function largeBenchDashboard(project: Project, { expandRows = true } = {}): Dashboard {
  const json: unknown = JSON.parse(readFileSync(LARGE_DASHBOARD_FILE, "utf8"));
  const { dashboard } = importGrafanaDashboard(json, project);
  return {
    ...dashboard,
    uid: LARGE_DASHBOARD_UID,
    panels: expandRows
      ? dashboard.panels.map((panel) => (panel.type === "row" ? { ...panel, collapsed: false } : panel))
      : dashboard.panels,
  };
}

/** Preview requests a panel sends: one per Prometheus query, one for an alert list. */
export function previewCalls(panel: Panel): number {
  if (panel.type === "row") return 0;
  if (panel.type === "alertlist") return 1;
  return panelTargets(panel).filter((target) => target.kind === "promql").length;
}

export interface RequestCount {
  /** Requests to …/preview/ in the first `seconds`, by endpoint. */
  byEndpoint: Record<string, number>;
  /** All of them. */
  sent: number;
  /** Of them, panel queries (query, query_range). */
  panelQueries: number;
  /** Panels that intersect the viewport, and the preview calls they need. */
  visiblePanels: number;
  visibleCalls: number;
  /** Panels within a screen of the viewport (those that query), and the calls they need. */
  nearPanels: number;
  nearCalls: number;
  /** Panels drawn by then (data, no data or an error). */
  settledPanels: number;
}

/**
 * Opens the dashboard in a fresh context and counts the preview requests the page sends in its
 * first `seconds` without scrolling, beside the calls the panels in view need.
 */
export async function requestsWithoutScrolling(
  browser: BenchBrowser,
  url: string,
  dashboard: Dashboard,
  seconds = 5,
): Promise<RequestCount> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors = collectErrors(page);
    const byEndpoint: Record<string, number> = {};
    let counting = true;
    page.on("request", (request) => {
      const match = /\/preview\/([^?]+)/.exec(request.url());
      if (!counting || !match?.[1]) return;
      const endpoint = match[1].startsWith("label/") ? "label/…/values" : match[1];
      byEndpoint[endpoint] = (byEndpoint[endpoint] ?? 0) + 1;
    });
    await watchPanelsDrawn(page, Number.MAX_SAFE_INTEGER, { scroll: false, settled: true });
    await gotoSignedIn(page, url);
    const started = Date.now();
    await firstScreenDrawnAt(page);
    await page.waitForTimeout(Math.max(0, seconds * 1000 - (Date.now() - started)));
    counting = false;
    const seen = await page.$$eval('[data-testid="dashboard-panel"]', (panels) =>
      panels.map((panel) => {
        const box = panel.getBoundingClientRect();
        const height = window.innerHeight;
        const state = (panel.querySelector('[data-testid="panel-content"]') as HTMLElement | null)?.dataset
          .state;
        return {
          id: Number((panel as HTMLElement).dataset.panelId),
          visible: box.bottom > 0 && box.top < height,
          near: box.bottom > -height && box.top < 2 * height,
          settled: state === "data" || state === "no-data" || state === "error",
        };
      }),
    );
    throwOnErrors(errors, `${url} reported errors`);
    const byId = new Map(dashboard.panels.map((panel) => [panel.id, panel]));
    const calls = (ids: readonly number[]): number =>
      ids.reduce((sum, id) => sum + (byId.get(id) ? previewCalls(byId.get(id) as Panel) : 0), 0);
    const visible = seen.filter((panel) => panel.visible).map((panel) => panel.id);
    const near = seen.filter((panel) => panel.near).map((panel) => panel.id);
    return {
      byEndpoint,
      sent: Object.values(byEndpoint).reduce((sum, count) => sum + count, 0),
      panelQueries: (byEndpoint.query ?? 0) + (byEndpoint.query_range ?? 0),
      visiblePanels: visible.length,
      visibleCalls: calls(visible),
      nearPanels: near.length,
      nearCalls: calls(near),
      settledPanels: seen.filter((panel) => panel.settled).length,
    };
  } finally {
    await context.close();
  }
}

/**
 * The view a shared link opens (`?from=…&var-…`, Grafana's own parameters): the demo's three hours
 * and its node, read from the demo Prometheus. With the variables' values in the address, the
 * panels need not wait for the variables' options.
 */
export async function largeDashboardView(prometheusUrl: string): Promise<string> {
  const query = encodeURIComponent("last_over_time(node_uname_info[3h])");
  const response = await fetch(`${prometheusUrl}/api/v1/query?query=${query}`);
  const body = (await response.json()) as { data?: { result?: { metric: Record<string, string> }[] } };
  const metric = body.data?.result?.[0]?.metric;
  if (!metric?.job || !metric.nodename || !metric.instance)
    throw new Error(`the demo Prometheus has no node_uname_info: ${JSON.stringify(body).slice(0, 300)}`);
  const view = new URLSearchParams({
    from: "now-3h",
    to: "now",
    "var-job": metric.job,
    "var-nodename": metric.nodename,
    "var-node": metric.instance,
  });
  return `?${view}`;
}
