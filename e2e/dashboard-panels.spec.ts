import type { Locator, Page, TestInfo } from "@playwright/test";
import { expect, test } from "./dashboard-fixtures";

/** Keeps a screenshot under test-results/ and attaches it to the report. */
async function keepScreenshot(testInfo: TestInfo, name: string, target: Locator | Page): Promise<void> {
  const file = testInfo.outputPath(name);
  // Centred, so the sticky toolbar does not cover the top of the panel.
  if (!("goto" in target)) await target.evaluate((element) => element.scrollIntoView({ block: "center" }));
  await target.screenshot({ path: file, ...("goto" in target ? { fullPage: true } : {}) });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
}

/**
 * A panel whose description says FraiseQL does not feed it must show "No data" (never an error):
 * the catalog documents these as metrics the application does not expose, or exposes but never
 * increments. "Requires …" panels that still get an unlabelled series say so and must draw it.
 */
function expectsNoData(description: string): boolean {
  if (/shows no data/.test(description)) return true;
  return (
    /Requires the application to expose/.test(description) && !/shows one unlabelled series/.test(description)
  );
}

test("the Operations dashboard draws every panel from the demo Prometheus", async ({
  page,
  demoProject,
  dashboardPage,
}, testInfo) => {
  await page.goto(`/projects/${demoProject.id}`);
  await page.getByTestId("dashboards-section").getByRole("link", { name: "Operations Overview" }).click();
  await expect(dashboardPage.designer).toBeVisible();
  await expect(page.getByTestId("dashboard-title")).toHaveText("Operations Overview");

  const states = await dashboardPage.settledStates();
  expect(states.size).toBeGreaterThanOrEqual(10);
  const errors = [...states].filter(([, panel]) => panel.state === "error").map(([title]) => title);
  expect(errors, "panels showing an error").toEqual([]);

  const noData = [...states].filter(([, panel]) => panel.state === "no-data").map(([title]) => title);
  const expected = [...states]
    .filter(([, panel]) => expectsNoData(panel.description))
    .map(([title]) => title);
  expect(expected.length).toBeGreaterThan(0);
  expect(noData.sort()).toEqual(expected.sort());
  for (const title of noData)
    await expect(dashboardPage.panel(title).getByTestId("panel-no-data")).toHaveText("No data");

  // Every other panel drew something: a chart path or a stat's value.
  for (const [title, panel] of states) {
    if (panel.state !== "data") continue;
    const drawn = dashboardPage
      .panel(title)
      .locator(".dash-chart-marks path, .dash-chart-marks rect, [data-testid=stat-value]");
    await expect(drawn.first(), title).toBeVisible();
  }
  await expect(dashboardPage.panel("Request rate").getByTestId("stat-value")).toHaveText(/req\/s$/);
  // The missing metric is flagged with the nearest names FraiseQL does expose.
  await expect(dashboardPage.panel("Execution mode breakdown").getByTestId("panel-lint")).toContainText(
    "fraiseql_execution_mode_total",
  );
  // The query inspector shows what the preview API asked Prometheus, the resolved query, the raw answer.
  await dashboardPage.panel("Request rate").hover();
  await dashboardPage.panel("Request rate").getByTestId("panel-inspect").click();
  const inspector = page.getByTestId("inspector-drawer");
  await expect(inspector.getByTestId("inspector-request")).toContainText("/api/v1/query_range");
  await expect(inspector.getByTestId("inspector-resolved-query")).toContainText('instance=~".*"');
  await expect(inspector.getByTestId("inspector-resolved-query")).not.toContainText("$__rate_interval");
  await inspector.getByTestId("inspector-response-toggle").click();
  await expect(inspector.getByTestId("inspector-response")).toContainText('"resultType": "matrix"');
  await inspector.getByTestId("inspector-close").click();
  await expect(inspector).toBeHidden();

  // Collapsing a row hides its panels; expanding brings them back.
  await dashboardPage.row("Latency").getByTestId("row-toggle").click();
  await expect(dashboardPage.panel("Request latency distribution")).toHaveCount(0);
  await dashboardPage.row("Latency").getByTestId("row-toggle").click();
  await expect(dashboardPage.panel("Request latency distribution")).toBeVisible();

  const shots = new Map<string, string>();
  for (const [title, panel] of states)
    if (panel.state === "data" && !shots.has(panel.type)) shots.set(panel.type, title);
  for (const [type, title] of shots)
    await keepScreenshot(testInfo, `panel-${type}.png`, dashboardPage.panel(title));
  await keepScreenshot(testInfo, "operations-dashboard.png", page);
});

test("new gauge, table and alert list panels query the preview API too", async ({
  page,
  demoProject,
  dashboardPage,
}, testInfo) => {
  await dashboardPage.goto(demoProject.id, "fraiseql-operations");
  const added: [string, string][] = [
    ["gauge", "Gauge of requests"],
    ["table", "Table of requests"],
    ["alertlist", "Alerts"],
  ];
  for (const [type, title] of added) {
    await page.getByTestId("add-panel").click();
    await page.getByTestId(`add-panel-${type}`).click();
    await expect(dashboardPage.editor).toBeVisible();
    const titleField = dashboardPage.editor.getByTestId("panel-title");
    await titleField.fill(title);
    await dashboardPage.closeEditor();
  }
  const states = await dashboardPage.settledStates();
  for (const [, title] of added) expect(states.get(title)?.state, title).toBe("data");
  await expect(dashboardPage.panel("Gauge of requests").getByTestId("stat-value").first()).toHaveText(/\d/);
  const table = dashboardPage.panel("Table of requests").getByTestId("panel-table");
  await expect(table.locator("tbody tr").first()).toBeVisible();
  // Sorting by the value column puts the rows in order.
  await table.getByTestId("table-sort").filter({ hasText: "Value" }).click();
  await expect(table.locator("th[aria-sort=ascending]")).toHaveText(/Value/);
  await expect(
    dashboardPage.panel("Alerts").locator('[data-testid="panel-alerts"], [data-testid="panel-no-alerts"]'),
  ).toBeVisible();
  for (const [type, title] of added)
    await keepScreenshot(testInfo, `panel-${type}.png`, dashboardPage.panel(title));
  // The panels were added to the draft and autosaved.
  await dashboardPage.expectSaved();
});
