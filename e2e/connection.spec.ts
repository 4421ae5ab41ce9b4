import type { APIRequestContext, Locator, Page, TestInfo } from "@playwright/test";
import { freePort } from "../lib/testing/processes";
import { createPreviewProject, expect, test } from "./dashboard-fixtures";

/**
 * From a Prometheus that cannot be reached to live data without guessing: the designer says so
 * once, above the panels, with what it tried and a link to the preview URL field; the panels say
 * "No connection"; Settings' Test connection checks a URL as typed, before it is saved.
 */

/** A loopback port nothing listens on: connecting to it is refused at once. */
async function closedPortUrl(): Promise<string> {
  return `http://127.0.0.1:${await freePort()}`;
}

/** Keeps a screenshot under test-results/ and attaches it to the report. */
async function keepScreenshot(testInfo: TestInfo, name: string, target: Locator): Promise<void> {
  const file = testInfo.outputPath(name);
  await target.screenshot({ path: file });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
}

async function storedVersion(request: APIRequestContext, id: string): Promise<number> {
  return (await (await request.get(`/api/projects/${id}`)).json()).version;
}

async function openOperations(page: Page, id: string): Promise<void> {
  await page.goto(`/projects/${id}`);
  await page.getByTestId("dashboards-section").getByRole("link", { name: "Operations Overview" }).click();
  await expect(page.getByTestId("dashboard-title")).toHaveText("Operations Overview");
}

test("a project whose Prometheus is unreachable says so once, above panels that say no connection, and links to its preview URL", async ({
  page,
  request,
  dashboardPage,
  demoPrometheus,
  consoleGuard,
}, testInfo) => {
  // Every preview call of this project fails with 502, which the browser logs.
  consoleGuard.allow(/status of 502/);
  const dead = await closedPortUrl();
  const project = await createPreviewProject(request, dead);
  await openOperations(page, project.id);

  const banner = page.getByTestId("connection-banner");
  await expect(banner).toBeVisible();
  // Once: one banner, one Prometheus named, with what was tried and what went wrong.
  await expect(banner).toHaveCount(1);
  await expect(banner.getByTestId("connection-problem")).toHaveCount(1);
  await expect(banner).toContainText("Prometheus cannot be reached");
  await expect(banner.getByTestId("connection-url")).toHaveText(dead);
  await expect(banner).toContainText("the preview URL of datasource “prometheus”");
  await expect(banner.getByTestId("connection-error")).toHaveText("connection refused (ECONNREFUSED)");
  const link = banner.getByTestId("connection-settings-link");
  await expect(link).toHaveAttribute(
    "href",
    `/projects/${project.id}/settings#datasource-prometheus-preview-url`,
  );
  // The metric lint would repeat the network error: the banner says it instead.
  await expect(page.getByTestId("lint-unavailable")).toHaveCount(0);

  // Every panel that queries Prometheus says "No connection", none repeats the network error.
  const states = await dashboardPage.settledStates();
  const failing = [...states].filter(([, panel]) => panel.state === "error").map(([title]) => title);
  expect(failing.length).toBeGreaterThanOrEqual(10);
  for (const title of failing) {
    await expect(dashboardPage.panel(title).getByTestId("panel-error"), title).toHaveText("No connection");
  }
  expect([...states].filter(([, panel]) => panel.state === "data")).toEqual([]);
  await expect(dashboardPage.panels.filter({ hasText: "ECONNREFUSED" })).toHaveCount(0);
  await keepScreenshot(testInfo, "no-connection.png", page.getByTestId("dashboard-designer"));

  // The link opens Settings with the preview URL field in focus.
  await link.click();
  const previewUrl = page.getByTestId("settings-datasource-prometheus-preview-url");
  await expect(previewUrl).toBeFocused();
  await expect(previewUrl).toHaveValue(dead);

  // The right URL, tested before saving, then saved: the designer draws from it, no banner.
  await previewUrl.fill(demoPrometheus.url);
  await page.getByTestId("settings-datasource-prometheus-test-connection").click();
  await expect(page.getByTestId("connection-result")).toHaveAttribute("data-ok", "true");
  await page.getByTestId("save-settings").click();
  await expect(page.getByTestId("settings-notice")).toHaveText(`Saved as version ${project.version + 1}.`);
  await openOperations(page, project.id);
  await expect(dashboardPage.panel("Request rate").getByTestId("stat-value")).toHaveText(/req\/s$/);
  await expect(page.getByTestId("connection-banner")).toHaveCount(0);
});

test("Test connection checks a Prometheus URL as typed: the demo Prometheus's version and series count, a dead URL's error", async ({
  page,
  request,
  settings,
  demoPrometheus,
}, testInfo) => {
  const project = await createPreviewProject(request, await closedPortUrl());
  await settings.goto(project.id);
  const datasource = page.getByTestId("settings-datasource-prometheus");
  const previewUrl = page.getByTestId("settings-datasource-prometheus-preview-url");
  const testButton = page.getByTestId("settings-datasource-prometheus-test-connection");
  const result = datasource.getByTestId("connection-result");
  // Loki and PostgreSQL have no such button.
  await expect(page.getByTestId("settings-datasource-loki-test-connection")).toHaveCount(0);

  // The demo Prometheus, typed but not saved: its version as its buildinfo says, and its series.
  const buildinfo = await (await request.get(`${demoPrometheus.url}/api/v1/status/buildinfo`)).json();
  await previewUrl.fill(demoPrometheus.url);
  await testButton.click();
  await expect(result).toHaveAttribute("data-ok", "true");
  await expect(result.getByTestId("connection-version")).toHaveText(buildinfo.data.version);
  await expect(result.getByTestId("connection-series")).toHaveText(/^[1-9][\d,]* series in memory$/);
  await expect(result).toContainText(demoPrometheus.url);
  await keepScreenshot(testInfo, "test-connection-ok.png", datasource);

  // Edited, the old result goes away; a dead URL says why, in words.
  const dead = await closedPortUrl();
  await previewUrl.fill(dead);
  await expect(result).toHaveCount(0);
  await testButton.click();
  await expect(result).toHaveAttribute("data-ok", "false");
  await expect(result).toContainText(`Cannot use ${dead}`);
  await expect(result.getByTestId("connection-error")).toHaveText("connection refused (ECONNREFUSED)");
  await keepScreenshot(testInfo, "test-connection-refused.png", datasource);

  // Something that is not a URL is refused in the page, as the server would refuse it.
  await previewUrl.fill("prometheus:9090");
  await testButton.click();
  await expect(result).toHaveText("Preview URL: must be an http:// or https:// URL");

  // Testing saves nothing.
  expect(await storedVersion(request, project.id)).toBe(project.version);
});
