/**
 * The dashboard designer in headless Chromium, against the production build:
 *   - drawing the time series chart with 100 series × 1,000 points (on /dev/timeseries-bench);
 *   - navigation until the first screen and then all 24 panels of a 24-panel dashboard show drawn
 *     data (scrolling a screen down whenever the panels in view are drawn), previewing against a
 *     real Prometheus with 3 h of backfilled demo data;
 *   - the same for node-exporter-full (125 panels, imported from Grafana's JSON, every row
 *     expanded), and the preview requests it sends in its first 5 s without scrolling;
 *   - for both, the CPU the browser, the app and Prometheus used during a cold load, and so the
 *     shortest time this machine's cores could do that work in (process-cpu.ts);
 *   - the dashboard page's first JavaScript, and what the charts and Monaco add lazily.
 */
import { availableParallelism } from "node:os";
import { chromium } from "@playwright/test";
import { CHROMIUM_LAUNCH_OPTIONS } from "../../lib/testing/chromium";
import { makeTempDir } from "../../lib/tools/files";
import { startDemoPrometheus } from "../demo/prometheus";
import { BENCH_PANEL_COUNT } from "./bench-dashboard";
import { createBenchProject } from "./bench-project";
import { signedInBrowser } from "./bench-session";
import { type DrawTimes, dashboardDrawTimes } from "./dashboard-draw";
import { dashboardJavaScript } from "./first-javascript";
import { largeDashboardView, previewCalls, requestsWithoutScrolling } from "./large-dashboard";
import { CPU_GROUPS } from "./process-cpu";
import { ensureBuild, startApp } from "./server";
import { percentile, summary } from "./stats";
import { TIMESERIES_SHAPE, timeseriesDrawTimes } from "./timeseries-draw";

const DRAW_RUNS = Number(process.env.BENCH_DRAW_RUNS ?? 20);
const DASHBOARD_RUNS = Number(process.env.BENCH_DASHBOARD_RUNS ?? 8);
const LARGE_RUNS = Number(process.env.BENCH_LARGE_RUNS ?? 5);
const REQUEST_WINDOW_SECONDS = 5;

/** The median in seconds. */
const seconds = (values: readonly number[]): string => (percentile(values, 0.5) / 1000).toFixed(2);

export function drawRows(label: string, times: DrawTimes): Record<string, string | number>[] {
  return [
    {
      page: label,
      until: "first screen painted drawn",
      runs: times.firstPainted.length,
      ...summary(times.firstPainted),
    },
    {
      page: label,
      until: "first screen drawn, HTML parsed",
      runs: times.firstScreen.length,
      ...summary(times.firstScreen),
    },
    { page: label, until: "all panels drawn (scrolling)", runs: times.all.length, ...summary(times.all) },
  ];
}

/**
 * The CPU the cold loads used until every panel was drawn (medians by group, and of the total),
 * beside the shortest time this machine's cores could do that work in.
 */
function printCpu(label: string, times: DrawTimes): void {
  const cores = availableParallelism();
  const totals = times.cpu.map((use) => CPU_GROUPS.reduce((sum, group) => sum + use[group], 0));
  console.log(`\n${label}: CPU used from navigation until all panels were drawn, cold`);
  console.table([
    ...CPU_GROUPS.map((group) => ({ used: group, ...summary(times.cpu.map((use) => use[group])) })),
    { used: "total", ...summary(totals) },
  ]);
  const total = percentile(totals, 0.5);
  console.log(
    `median ${seconds(totals)} s of CPU for a load whose panels were all drawn at ${seconds(times.all)} s: on ${cores} cores no less than ${(total / cores / 1000).toFixed(2)} s, whatever the order of the work`,
  );
}

/** Kilobytes of 1,000 bytes, as browsers and Next.js report sizes. */
const kb = (bytes: number): string => (bytes / 1000).toFixed(1);

export async function benchDesigner(): Promise<void> {
  ensureBuild();
  const prometheus = await startDemoPrometheus({
    hours: 3,
    dir: makeTempDir("obsforge-bench-prom"),
    live: false,
  });
  const { url: app, server } = await startApp({ OBSFORGE_DATA_DIR: makeTempDir("obsforge-bench-designer") });
  const chromiumBrowser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
  try {
    const browser = await signedInBrowser(chromiumBrowser, app);
    const draws = await timeseriesDrawTimes(browser, app, { warmups: 3, runs: DRAW_RUNS });
    const { series, points, width, height } = TIMESERIES_SHAPE;
    console.log(
      `\nTime series panel: ${series} series × ${points.toLocaleString("en")} points, ${width}×${height} px, fresh mount, click to painted`,
    );
    console.table([{ runs: draws.length, ...summary(draws) }]);
    console.log(`median ${percentile(draws, 0.5).toFixed(1)} ms (aim ≤ 150 ms)`);

    const bench = await createBenchProject(app, prometheus.url);
    const dashboardUrl = `${app}${bench.dashboard24}`;
    const dashboard = await dashboardDrawTimes(browser, dashboardUrl, {
      panels: BENCH_PANEL_COUNT,
      runs: DASHBOARD_RUNS,
    });
    console.log(
      `\n${BENCH_PANEL_COUNT}-panel dashboard: navigation start until the panels show drawn data (a screen down whenever those in view are)`,
    );
    console.table([
      ...drawRows("new browser context (nothing cached)", dashboard.cold),
      ...drawRows("new page (scripts cached)", dashboard.warm),
    ]);
    console.log(
      `median ${seconds(dashboard.cold.all)} s cold until all ${BENCH_PANEL_COUNT} are drawn (aim ≤ 1.0 s); first screen ${seconds(dashboard.cold.firstScreen)} s (painted drawn at ${seconds(dashboard.cold.firstPainted)} s)`,
    );
    printCpu(`${BENCH_PANEL_COUNT}-panel dashboard`, dashboard.cold);

    const largeUrl = `${app}${bench.large}${await largeDashboardView(prometheus.url)}`;
    const largeCount = bench.largeDashboard.panels.filter((panel) => panel.type !== "row").length;
    const requests = await requestsWithoutScrolling(
      browser,
      largeUrl,
      bench.largeDashboard,
      REQUEST_WINDOW_SECONDS,
    );
    const large = await dashboardDrawTimes(browser, largeUrl, {
      panels: largeCount,
      runs: LARGE_RUNS,
      settled: true,
    });
    console.log(
      `\nnode-exporter-full, ${largeCount} panels, every row expanded, the variables' values in the address: navigation start until the panels are drawn or say "No data"`,
    );
    console.table([
      ...drawRows("new browser context (nothing cached)", large.cold),
      ...drawRows("new page (scripts cached)", large.warm),
    ]);
    console.log(
      `first screen: median ${seconds(large.cold.firstScreen)} s cold (aim ≤ 1.5 s); painted drawn at ${seconds(large.cold.firstPainted)} s`,
    );
    console.log(
      `preview requests in the first ${REQUEST_WINDOW_SECONDS} s without scrolling: ${requests.sent} (${requests.panelQueries} panel queries; ${Object.entries(
        requests.byEndpoint,
      )
        .map(([endpoint, count]) => `${endpoint} ${count}`)
        .join(
          ", ",
        )}); aim: no more than the visible panels' queries, ${requests.visibleCalls} for the ${requests.visiblePanels} panels in view (${requests.nearCalls} for the ${requests.nearPanels} within a screen of it, which query ahead); before: every panel's, ${bench.largeDashboard.panels.reduce((sum, panel) => sum + previewCalls(panel), 0)}`,
    );
    console.log(
      `all ${largeCount} panels drawn while scrolling to the end: median ${seconds(large.cold.all)} s cold, ${seconds(large.warm.all)} s warm`,
    );
    printCpu("node-exporter-full", large.cold);

    const groups = await dashboardJavaScript(browser, dashboardUrl, BENCH_PANEL_COUNT);
    console.log("\nJavaScript of the dashboard page (gzip level 6, as next start serves it)");
    console.table(
      groups.map((entry) => ({
        scripts: entry.group,
        files: entry.files,
        KB: kb(entry.bytes),
        "KB gzip": kb(entry.gzipBytes),
        "largest KB gzip": kb(entry.largestGzipBytes),
      })),
    );
    const [first] = groups;
    if (first) console.log(`first JavaScript: ${kb(first.gzipBytes)} KB gzip`);
  } finally {
    await chromiumBrowser.close();
    await server.stop();
    await prometheus.stop();
  }
}
