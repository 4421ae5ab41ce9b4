import type { APIRequestContext, Locator, TestInfo } from "@playwright/test";
import { type DemoProject, expect, test } from "./dashboard-fixtures";
import { DashboardSettingsDrawer } from "./pages/dashboard-settings-drawer";

const UID = "settings-e2e";

/** Adds a dashboard without variables to the project: one panel counting the targets that are up. */
async function addPlainDashboard(request: APIRequestContext, project: DemoProject): Promise<void> {
  const record = await (await request.get(`/api/projects/${project.id}`)).json();
  const dashboard = {
    uid: UID,
    title: "Settings e2e",
    panels: [
      {
        id: 1,
        type: "timeseries",
        title: "Targets up",
        gridPos: { x: 0, y: 0, w: 12, h: 8 },
        targets: [{ kind: "promql", refId: "A", expr: "sum by (job) (up)" }],
      },
    ],
  };
  const response = await request.put(`/api/projects/${project.id}`, {
    data: {
      version: record.version,
      project: { ...record.project, dashboards: [...record.project.dashboards, dashboard] },
    },
  });
  expect(response.status(), await response.text()).toBe(200);
}

/** Keeps a screenshot of the settings under test-results/ and attaches it to the report. */
async function keepScreenshot(testInfo: TestInfo, name: string, target: Locator): Promise<void> {
  const file = testInfo.outputPath(name);
  await target.screenshot({ path: file });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
}

async function storedDashboard(
  request: APIRequestContext,
  projectId: string,
  uid: string,
): Promise<{ title: string; variables: Record<string, unknown>[] }> {
  const record = await (await request.get(`/api/projects/${projectId}`)).json();
  return record.project.dashboards.find((entry: { uid: string }) => entry.uid === uid);
}

test("a query variable added in the settings previews its values, undoes, redoes and is saved", async ({
  page,
  request,
  demoProject,
  dashboardPage,
}, testInfo) => {
  await addPlainDashboard(request, demoProject);
  await dashboardPage.goto(demoProject.id, UID);
  await dashboardPage.expectSaved();
  const settings = new DashboardSettingsDrawer(page);
  await settings.open("variables");
  await expect(settings.drawer.getByTestId("variable-list-empty")).toBeVisible();
  const bar = page.getByTestId("variable-bar");
  await expect(bar).toHaveCount(0);

  // Add $instance = label_values(up, instance): the preview lists the demo's targets.
  await settings.addVariable("query", "instance");
  await settings.field("variable-query").fill("label_values(up, instance)");
  await expect(settings.preview).toHaveAttribute("data-state", "ready");
  const previewValues = settings.preview.getByTestId("variable-preview-value");
  await expect(previewValues.filter({ hasText: "app-1:8000" })).toHaveCount(1);
  await expect(previewValues.filter({ hasText: "node-exporter:9100" })).toHaveCount(1);

  // The variable bar shows its drop-down at once, filled with the same values.
  const dropDown = bar.getByTestId("variable-instance");
  await expect(dropDown).toBeVisible();
  await expect(dropDown.locator("option", { hasText: "app-2:8000" })).toHaveCount(1);
  await keepScreenshot(testInfo, "settings-query-variable.png", settings.drawer);
  // So does the dashboard JSON.
  await page.getByTestId("dashboard-json-toggle").click();
  await expect(page.getByTestId("dashboard-json-tab")).toHaveAttribute(
    "data-value",
    /"query": "label_values\(up, instance\)"/,
  );
  await page.getByTestId("dashboard-json-toggle").click();

  // Undo takes back the query, then the variable; redo brings both back.
  await page.getByTestId("undo").click();
  await expect(settings.field("variable-query")).toHaveValue("label_values(job)");
  await page.getByTestId("undo").click();
  await expect(bar.getByTestId("variable-instance")).toHaveCount(0);
  await expect(settings.drawer.getByTestId("variable-list-empty")).toBeVisible();
  await page.getByTestId("redo").click();
  await page.getByTestId("redo").click();
  await expect(settings.row("instance")).toBeVisible();
  await expect(settings.field("variable-query")).toHaveValue("label_values(up, instance)");
  await expect(dropDown.locator("option", { hasText: "app-1:8000" })).toHaveCount(1);

  // Saved, and there after a reload.
  await page.getByTestId("save-dashboard").click();
  await dashboardPage.expectSaved();
  expect((await storedDashboard(request, demoProject.id, UID)).variables).toEqual([
    expect.objectContaining({ type: "query", name: "instance", query: "label_values(up, instance)" }),
  ]);
  await page.reload();
  await expect(dashboardPage.designer).toBeVisible();
  await expect(page.getByTestId("variable-bar").getByTestId("variable-instance")).toBeVisible();
  await settings.open("variables");
  await expect(settings.row("instance")).toBeVisible();
  await expect(settings.field("variable-query")).toHaveValue("label_values(up, instance)");

  // The title typed in General is the page's header at once, and autosaved.
  await settings.open("general");
  await expect(settings.field("settings-uid")).toHaveValue(UID);
  await expect(settings.field("settings-uid")).toHaveAttribute("readonly", "");
  await settings.field("settings-title").fill("Targets and instances");
  await expect(page.getByTestId("dashboard-title")).toHaveText("Targets and instances");
  await keepScreenshot(testInfo, "settings-general.png", settings.drawer);
  await settings.field("settings-title").fill("");
  await expect(settings.field("settings-title-issues")).toContainText("Too small");
  await expect(dashboardPage.saveStatus).toContainText("fix 1 problem");
  await settings.field("settings-title").fill("Targets and instances");
  await dashboardPage.expectSaved();
  expect((await storedDashboard(request, demoProject.id, UID)).title).toBe("Targets and instances");
});

test("deleting a variable panels use asks first, and what is used but not defined is reported", async ({
  page,
  demoProject,
  dashboardPage,
}, testInfo) => {
  await dashboardPage.goto(demoProject.id, "fraiseql-operations");
  const settings = new DashboardSettingsDrawer(page);
  await settings.open("variables");
  await expect(settings.row("instance")).toBeVisible();
  await expect(settings.undefinedVariables).toHaveCount(0);

  // The confirmation names the panels whose queries use $instance; cancel keeps it.
  await settings.row("instance").getByTestId("variable-delete").click();
  await expect(settings.deleteDialog).toBeVisible();
  await expect(settings.deleteDialog.getByTestId("delete-variable-users")).toContainText("“Request rate”");
  await keepScreenshot(testInfo, "settings-delete-dialog.png", settings.deleteDialog);
  await settings.deleteDialog.getByRole("button", { name: "Cancel" }).click();
  await expect(settings.deleteDialog).toBeHidden();
  await expect(settings.row("instance")).toBeVisible();

  await settings.row("instance").getByTestId("variable-delete").click();
  await settings.deleteDialog.getByTestId("delete-variable-dialog-confirm").click();
  await expect(settings.row("instance")).toHaveCount(0);
  await expect(page.getByTestId("variable-bar")).toHaveCount(0);
  // Now $instance is used but not defined: reported here, and the save waits for a fix.
  const missing = settings.undefinedVariables.locator('[data-variable-name="instance"]');
  await expect(missing).toContainText("“Request rate”");
  await expect(dashboardPage.saveStatus).toContainText(/fix \d+ problems/);
  await keepScreenshot(testInfo, "settings-undefined-variable.png", settings.drawer);

  // One click defines it again (as label_values(instance)); the report goes and the save can go on.
  await settings.drawer.getByTestId("define-variable-instance").click();
  await expect(settings.undefinedVariables).toHaveCount(0);
  await expect(settings.editor).toHaveAttribute("data-variable-name", "instance");
  await expect(settings.field("variable-query")).toHaveValue("label_values(instance)");
  await expect(settings.preview.getByTestId("variable-preview-value").first()).toBeVisible();
  await expect(dashboardPage.saveStatus).not.toContainText("fix");

  // A second variable may not take a name in use: the add form says so, and so does a rename.
  await settings.drawer.getByTestId("new-variable-type").selectOption("custom");
  await settings.drawer.getByTestId("new-variable-name").fill("instance");
  await expect(settings.drawer.getByTestId("new-variable-problem")).toHaveText(
    'there is already a variable "instance"',
  );
  await expect(settings.drawer.getByTestId("add-variable")).toBeDisabled();
  await settings.addVariable("custom", "env");
  await settings.field("variable-values").fill("prod, staging");
  await expect(page.getByTestId("variable-bar").getByTestId("variable-env").locator("option")).toHaveText([
    "prod",
    "staging",
  ]);
  await settings.field("variable-name").fill("instance");
  await expect(settings.field("variable-name-issues")).toHaveText('duplicate variable "instance"');

  // Order: move the custom variable up; a variable nothing uses is deleted without asking.
  await settings.row("instance").nth(1).getByTestId("variable-move-up").click();
  await expect(settings.drawer.getByTestId("variable-row")).toHaveCount(2);
  await expect(settings.drawer.getByTestId("variable-row").first()).toHaveAttribute(
    "data-variable-name",
    "instance",
  );
  await expect(settings.editor.getByTestId("variable-type")).toHaveValue("custom");
  await settings.field("variable-name").fill("env");
  await settings.row("env").getByTestId("variable-delete").click();
  await expect(settings.deleteDialog).toBeHidden();
  await expect(settings.row("env")).toHaveCount(0);
  await expect(settings.row("instance")).toBeVisible();
});
