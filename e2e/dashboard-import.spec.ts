import path from "node:path";
import { expect, test } from "./dashboard-fixtures";

const TESTDATA = path.join(import.meta.dirname, "..", "lib", "dashboard", "testdata");

test("a Grafana export is previewed, added as a new version, and opens with its panels", async ({
  page,
  request,
  demoProject,
  dashboardPage,
}, testInfo) => {
  await page.goto(`/projects/${demoProject.id}`);
  await page.getByTestId("import-grafana").click();
  const dialog = page.getByTestId("import-dialog");
  await expect(dialog).toBeVisible();

  await dialog.getByTestId("import-file").setInputFiles(path.join(TESTDATA, "modern.grafana.json"));
  const preview = dialog.getByTestId("import-preview");
  await expect(preview.getByTestId("import-title")).toHaveText("Shop API overview");
  // The text panel has no model counterpart: it is listed, kept as raw JSON.
  await expect(dialog.getByTestId("import-unmapped")).toContainText("text");
  const panelCount = Number(await preview.getByTestId("import-panel-count").textContent());
  expect(panelCount).toBeGreaterThan(3);
  const shot = testInfo.outputPath("import-preview.png");
  await dialog.screenshot({ path: shot });
  await testInfo.attach("import-preview.png", { path: shot, contentType: "image/png" });

  await dialog.getByTestId("import-confirm").click();
  await page.waitForURL(/\/dashboards\/shop-api-overview$/);
  await expect(page.getByTestId("dashboard-title")).toHaveText("Shop API overview");
  const record = await (await request.get(`/api/projects/${demoProject.id}`)).json();
  expect(record.version).toBe(demoProject.version + 1);
  expect(record.project.dashboards.map((dashboard: { uid: string }) => dashboard.uid)).toContain(
    "shop-api-overview",
  );
  // Panels of collapsed rows show once their row is expanded.
  const collapsed = page.locator('[data-testid="dashboard-row"][data-collapsed="true"]');
  while ((await collapsed.count()) > 0) await collapsed.first().getByTestId("row-toggle").click();
  await expect(dashboardPage.panels).toHaveCount(panelCount);
  const states = await dashboardPage.settledStates();
  expect(states.size).toBe(panelCount);
  for (const title of ["Requests per second", "Error ratio", "DB pool in use", "Latency distribution"]) {
    expect(states.get(title)?.state, title).toBe("data");
  }

  // Pasting something that is not a dashboard explains why.
  await page.goto(`/projects/${demoProject.id}`);
  await page.getByTestId("import-grafana").click();
  await dialog.getByTestId("import-json").fill('{"dashboard": 3}');
  await dialog.getByTestId("import-preview-button").click();
  await expect(dialog.getByTestId("import-error")).toContainText("not");
  await expect(dialog.getByTestId("import-confirm")).toBeDisabled();
});
