import { addDashboardToProject, expect, test } from "./dashboard-fixtures";

/**
 * A dashboard opened again in the same browser arrives drawn: the server, which knows the grid's
 * size and the viewer's clock from the cookies the page set on the first visit, lays the grid out
 * and draws the first screen's charts into the page's HTML as their data streams in; hydration
 * keeps that drawing. The viewer's zone and locale are not the server's, so a time the server
 * wrote in its own would differ from the browser's (and hydration would fail: the console guard).
 */

test.use({ timezoneId: "Asia/Kolkata", locale: "de-DE" });

const DASHBOARD = {
  uid: "server-drawn",
  title: "Drawn by the server",
  time: { from: "now-1h", to: "now" },
  panels: [
    {
      id: 1,
      type: "timeseries",
      title: "Targets up",
      gridPos: { x: 0, y: 0, w: 12, h: 8 },
      targets: [{ kind: "promql", refId: "A", expr: "up" }],
    },
    {
      id: 2,
      type: "stat",
      title: "Targets",
      gridPos: { x: 12, y: 0, w: 12, h: 8 },
      targets: [{ kind: "promql", refId: "A", expr: "count(up)" }],
    },
  ],
};

/**
 * From the page's first script on: the charts taken out of the page (replaced; a chart the server
 * streamed arrives in a hidden element and is moved into place from it: not counted), and, once
 * the HTML is parsed, the charts and axis labels it holds (the server's, wherever they are).
 */
const WATCH_CHARTS = `
  window.__removedCharts = 0;
  new MutationObserver((records) => {
    for (const record of records)
      if (!(record.target instanceof Element && record.target.hasAttribute("hidden")))
      for (const node of record.removedNodes)
        if (node instanceof Element && (node.matches(".dash-chart-surface") || node.querySelector(".dash-chart-surface")))
          window.__removedCharts++;
  }).observe(document, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", () => {
    window.__parsed = {
      charts: document.querySelectorAll(".dash-chart-marks path[d]").length,
      ticks: [...document.querySelectorAll(".dash-axis-tick")].map((tick) => tick.textContent),
    };
  });
`;

test("a dashboard opened again arrives drawn, with times on the viewer's clock, and hydration keeps the drawing", async ({
  page,
  request,
  demoProject,
}) => {
  await addDashboardToProject(request, demoProject.id, DASHBOARD, "a dashboard for the server to draw");
  const url = `/projects/${demoProject.id}/dashboards/${DASHBOARD.uid}`;
  // Attached, not "visible": a series of one point (a target scraped only since the test began) is
  // a path of no width.
  const chart = page.locator('[data-panel-id="1"] .dash-chart-marks path[d]').first();

  // The first visit: the page tells the server the grid's size and the viewer's clock.
  await page.goto(url);
  await expect(chart).toBeAttached({ timeout: 30_000 });
  // The cookies are written once the page is idle.
  const cookie = async (name: string): Promise<string | undefined> =>
    (await page.context().cookies()).find((entry) => entry.name === name)?.value;
  // Chromium calls the zone by its older name.
  await expect.poll(() => cookie("obsforge_clock")).toMatch(/^de-DE~Asia\/(Kolkata|Calcutta)$/);
  await expect.poll(() => cookie("obsforge_grid")).toMatch(/^\d+x\d+$/);

  // The server's HTML for the next visit holds the charts, their times on the viewer's clock.
  const html = await (await page.context().request.get(url)).text();
  expect(html).toContain('data-testid="dashboard-panel"');
  expect(html).toMatch(/class="dash-chart-marks[^>]*>(<g[^>]*>)?<path[^>]* d="M/);
  expect(html).toContain('data-testid="stat-value"');

  // The next visit: drawn as the server drew it, with no request for the panels' data, and the
  // browser's own render (same ticks) replaces nothing.
  await page.addInitScript({ content: WATCH_CHARTS });
  const panelQueries: string[] = [];
  page.on("request", (sent) => {
    if (/\/preview\/query(_range)?$/.test(new URL(sent.url()).pathname)) panelQueries.push(sent.url());
  });
  await page.reload();
  await expect(chart).toBeAttached({ timeout: 30_000 });
  await expect(page.locator('[data-panel-id="2"] [data-testid="stat-value"]')).toBeVisible();
  await page.waitForLoadState("networkidle");
  const parsed = await page.evaluate(
    () => (window as unknown as { __parsed: { charts: number; ticks: string[] } }).__parsed,
  );
  // In the HTML as the server sent it: the time series' paths and the stat's sparkline.
  expect(parsed.charts).toBeGreaterThan(1);
  const serverTicks = parsed.ticks.filter((tick) => /^\d\d:\d\d$/.test(tick));
  expect(serverTicks.length).toBeGreaterThan(1);
  // On the viewer's clock: hours of the last hour in Kolkata, 5:30 ahead of the server's UTC (the
  // app's server runs with the machine's zone; CI's is UTC).
  const kolkata = new Intl.DateTimeFormat("de-DE", {
    timeZone: "Asia/Kolkata",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  });
  const now = Date.now();
  const hours = new Set(
    [now - 3_700_000, now - 1_800_000, now + 60_000].map((ms) => kolkata.format(ms).slice(0, 2)),
  );
  for (const tick of serverTicks) expect(hours).toContain(tick.slice(0, 2));
  const browserTicks = await page
    .locator('[data-panel-id="1"] .dash-axis-tick')
    .evaluateAll((ticks) => ticks.map((tick) => tick.textContent ?? ""));
  expect(browserTicks.filter((tick) => /^\d\d:\d\d$/.test(tick))).toEqual(serverTicks);
  expect(await page.evaluate(() => (window as unknown as { __removedCharts: number }).__removedCharts)).toBe(
    0,
  );
  expect(panelQueries).toEqual([]);
});
