/**
 * The dashboard designer in headless Chromium, against the production build:
 *   - drawing the time series chart with 100 series × 1,000 points (on /dev/timeseries-bench);
 *   - navigation until all 24 panels of a 24-panel dashboard show drawn data, previewing against
 *     a real Prometheus with 3 h of backfilled demo data;
 *   - the dashboard page's first JavaScript, and what the charts and Monaco add lazily.
 */
import { chromium } from "@playwright/test";
import { CHROMIUM_LAUNCH_OPTIONS } from "../../lib/testing/chromium";
import { makeTempDir } from "../../lib/tools/files";
import { startDemoPrometheus } from "../demo/prometheus";
import { BENCH_PANEL_COUNT } from "./bench-dashboard";
import { createBenchProject } from "./bench-project";
import { dashboardDrawTimes } from "./dashboard-draw";
import { dashboardJavaScript } from "./first-javascript";
import { ensureBuild, startApp } from "./server";
import { percentile, summary } from "./stats";
import { TIMESERIES_SHAPE, timeseriesDrawTimes } from "./timeseries-draw";

const DRAW_RUNS = Number(process.env.BENCH_DRAW_RUNS ?? 20);
const DASHBOARD_RUNS = Number(process.env.BENCH_DASHBOARD_RUNS ?? 8);

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
  const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
  try {
    const draws = await timeseriesDrawTimes(browser, app, { warmups: 3, runs: DRAW_RUNS });
    const { series, points, width, height } = TIMESERIES_SHAPE;
    console.log(
      `\nTime series panel: ${series} series × ${points.toLocaleString("en")} points, ${width}×${height} px, fresh mount, click to painted`,
    );
    console.table([{ runs: draws.length, ...summary(draws) }]);
    console.log(`median ${percentile(draws, 0.5).toFixed(1)} ms (aim ≤ 150 ms)`);

    const dashboardUrl = `${app}${await createBenchProject(app, prometheus.url)}`;
    const dashboard = await dashboardDrawTimes(browser, dashboardUrl, {
      panels: BENCH_PANEL_COUNT,
      runs: DASHBOARD_RUNS,
    });
    console.log(
      `\n${BENCH_PANEL_COUNT}-panel dashboard: navigation start until every panel shows drawn data`,
    );
    console.table([
      {
        page: "new browser context (nothing cached)",
        runs: dashboard.cold.length,
        ...summary(dashboard.cold),
      },
      { page: "new page (scripts cached)", runs: dashboard.warm.length, ...summary(dashboard.warm) },
    ]);
    console.log(`median ${(percentile(dashboard.cold, 0.5) / 1000).toFixed(2)} s cold (aim ≤ 1.5 s)`);

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
    await browser.close();
    await server.stop();
    await prometheus.stop();
  }
}
