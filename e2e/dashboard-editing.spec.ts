import { expect, test } from "./dashboard-fixtures";

const UID = "fraiseql-operations";

async function storedPanel(
  request: import("@playwright/test").APIRequestContext,
  projectId: string,
  title: string,
): Promise<{
  version: number;
  panel: { targets: { expr: string }[]; gridPos: { x: number; y: number; w: number; h: number } };
}> {
  const record = await (await request.get(`/api/projects/${projectId}`)).json();
  const dashboard = record.project.dashboards.find((entry: { uid: string }) => entry.uid === UID);
  return {
    version: record.version,
    panel: dashboard.panels.find((panel: { title: string }) => panel.title === title),
  };
}

test("a query edited as JSON redraws the chart, and the form and JSON show each other's edits", async ({
  page,
  demoProject,
  dashboardPage,
}) => {
  await dashboardPage.goto(demoProject.id, UID);
  await dashboardPage.openEditor("Throughput");
  const preview = page.getByTestId("editor-preview");
  const mean = preview.locator("tbody tr").first().locator('td[data-calc="mean"]');
  await expect(mean).toHaveText(/req\/s/);
  const before = await mean.textContent();

  // JSON → chart: multiply query A by 1000 in the panel's JSON.
  await dashboardPage.tab("panel-json");
  const json = JSON.parse(await dashboardPage.panelJson());
  const original: string = json.targets[0].expr;
  json.targets[0].expr = `${original} * 1000`;
  await dashboardPage.replaceEditorText("panel-json-editor", JSON.stringify(json, null, 2));
  await expect(dashboardPage.previewResolvedQuery("A")).toContainText("* 1000");
  await expect(mean).not.toHaveText(before ?? "");
  await expect(mean).toHaveText(/K req\/s/);

  // Form → JSON: query B typed into the form appears in the JSON.
  await dashboardPage.tab("form");
  // Long queries wrap in the editor: compare without white space.
  const squeeze = (text: string): string => text.replace(/\s+/g, "");
  await expect
    .poll(async () => squeeze(await dashboardPage.editorText("query-expr-A")))
    .toBe(squeeze(`${original} * 1000`));
  await dashboardPage.replaceEditorText(
    "query-expr-B",
    "sum(rate(fraiseql_http_requests_total[$__rate_interval])) by (instance)",
  );
  await dashboardPage.tab("panel-json");
  await expect
    .poll(() => dashboardPage.panelJson())
    .toContain("fraiseql_http_requests_total[$__rate_interval])) by (instance)");

  // A model error shows as a marker in the JSON and as a message on the form field.
  const broken = JSON.parse(await dashboardPage.panelJson());
  broken.targets[1].expr = 'sum(rate(fraiseql_http_requests_total{instance=~"$nope"}[5m]))';
  await dashboardPage.replaceEditorText("panel-json-editor", JSON.stringify(broken, null, 2));
  await expect(page.getByTestId("panel-json-tab")).toContainText("unknown template variable $nope");
  await dashboardPage.tab("form");
  await expect(page.getByTestId("query-issues-B")).toHaveText("unknown template variable $nope");
  await expect(dashboardPage.saveStatus).toContainText("fix 1 problem");
});

test("undo, redo, Ctrl+S and autosave", async ({ page, request, demoProject, dashboardPage }) => {
  await dashboardPage.goto(demoProject.id, UID);
  await dashboardPage.expectSaved(demoProject.version);

  // Delete a panel, undo it with Ctrl+Z, redo with Ctrl+Shift+Z, undo again with the button.
  await dashboardPage.panel("Top operations").hover();
  await dashboardPage.panel("Top operations").getByTestId("panel-delete").click();
  await expect(dashboardPage.panel("Top operations")).toHaveCount(0);
  await expect(dashboardPage.saveStatus).toHaveAttribute("data-state", /unsaved|saving|saved/);
  await dashboardPage.shortcut("ControlOrMeta+z");
  await expect(dashboardPage.panel("Top operations")).toBeVisible();
  await dashboardPage.shortcut("ControlOrMeta+Shift+z");
  await expect(dashboardPage.panel("Top operations")).toHaveCount(0);
  await page.getByTestId("undo").click();
  await expect(dashboardPage.panel("Top operations")).toBeVisible();

  // Ctrl+S saves at once.
  await dashboardPage.openEditor("Throughput");
  await page.getByTestId("panel-title").fill("Throughput (saved with Ctrl+S)");
  await expect(dashboardPage.saveStatus).toHaveAttribute("data-state", "unsaved");
  await page.keyboard.press("ControlOrMeta+s");
  await dashboardPage.expectSaved();
  const saved = await storedPanel(request, demoProject.id, "Throughput (saved with Ctrl+S)");
  expect(saved.panel).toBeTruthy();
  expect(saved.version).toBeGreaterThan(demoProject.version);

  // Autosave: an edit is saved after a quiet moment without asking.
  await page.getByTestId("panel-title").fill("Throughput (autosaved)");
  await expect(dashboardPage.saveStatus).toHaveAttribute("data-state", "unsaved");
  await dashboardPage.expectSaved();
  expect((await storedPanel(request, demoProject.id, "Throughput (autosaved)")).panel).toBeTruthy();
  await dashboardPage.closeEditor();

  // Resizing on the grid changes the stored gridPos.
  const stat = dashboardPage.panel("Request rate");
  const handle = stat.locator("xpath=..").locator(".react-resizable-handle");
  const box = await handle.boundingBox();
  if (!box) throw new Error("no resize handle");
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 120, box.y + 80, { steps: 8 });
  await page.mouse.up();
  await dashboardPage.expectSaved();
  const resized = await storedPanel(request, demoProject.id, "Request rate");
  expect(resized.panel.gridPos.w).toBeGreaterThan(6);
  expect(resized.panel.gridPos.h).toBeGreaterThan(4);
});

test("a save that meets a newer version keeps the draft and re-applies it on top", async ({
  page,
  request,
  demoProject,
  dashboardPage,
  consoleGuard,
}) => {
  consoleGuard.allow(/status of 409/);
  await dashboardPage.goto(demoProject.id, UID);
  await dashboardPage.expectSaved();

  // Someone else renames another panel meanwhile.
  const record = await (await request.get(`/api/projects/${demoProject.id}`)).json();
  const dashboards = record.project.dashboards.map(
    (dashboard: { uid: string; panels: { title: string }[] }) =>
      dashboard.uid === UID
        ? {
            ...dashboard,
            panels: dashboard.panels.map((panel) =>
              panel.title === "Error rate" ? { ...panel, title: "Error ratio" } : panel,
            ),
          }
        : dashboard,
  );
  const theirs = await request.put(`/api/projects/${demoProject.id}`, {
    data: { version: record.version, project: { ...record.project, dashboards } },
  });
  expect(theirs.status()).toBe(200);

  await dashboardPage.openEditor("Throughput");
  await page.getByTestId("panel-title").fill("Throughput (mine)");
  await expect(dashboardPage.conflictBanner).toBeVisible({ timeout: 20_000 });
  await expect(dashboardPage.saveStatus).toHaveAttribute("data-state", "conflict");
  await expect(page.getByTestId("panel-title")).toHaveValue("Throughput (mine)");

  await page.getByTestId("review-latest").click();
  await expect(page.getByTestId("review-panel")).toContainText('changed panel "Error ratio"');
  await page.getByTestId("reapply-changes").click();
  await dashboardPage.expectSaved();
  expect((await storedPanel(request, demoProject.id, "Throughput (mine)")).panel).toBeTruthy();
  expect((await storedPanel(request, demoProject.id, "Error ratio")).panel).toBeTruthy();
});

test("an unknown metric is flagged with the nearest names, and one click fixes it", async ({
  page,
  demoProject,
  dashboardPage,
}) => {
  await dashboardPage.goto(demoProject.id, UID);
  await dashboardPage.openEditor("Request rate");
  await dashboardPage.replaceEditorText(
    "query-expr-A",
    "sum(rate(fraiseql_http_request_totl[$__rate_interval]))",
  );
  const lint = page.getByTestId("query-lint");
  await expect(lint).toContainText("fraiseql_http_request_totl");
  await lint.getByTestId("lint-replace").filter({ hasText: "fraiseql_http_requests_total" }).click();
  await expect
    .poll(() => dashboardPage.editorText("query-expr-A"))
    .toBe("sum(rate(fraiseql_http_requests_total[$__rate_interval]))");
  await expect(lint).toHaveCount(0);
  await expect(page.getByTestId("editor-preview").getByTestId("stat-value")).toHaveText(/req\/s/);
});
