import { E2E_OWNER } from "./auth-state";
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./dashboard-fixtures";
import { DashboardPage } from "./pages/dashboard-page";
import { HistoryPage } from "./pages/history-page";

/**
 * One project, many editors: saves of different sections never meet; viewing never writes; the
 * view lives in the address; the history says what each (coalesced) revision changed.
 */

const OPERATIONS = "fraiseql-operations";
const PERFORMANCE = "fraiseql-performance";

async function storedDashboard(request: APIRequestContext, projectId: string, uid: string) {
  const response = await request.get(`/api/projects/${projectId}/dashboards/${uid}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as {
    version: number;
    content: { title: string; panels: { title: string; type: string }[] };
  };
}

async function revisionCount(request: APIRequestContext, projectId: string): Promise<number> {
  return ((await (await request.get(`/api/projects/${projectId}/revisions`)).json()) as unknown[]).length;
}

test("two people editing two dashboards of one project both save, with no conflict", async ({
  request,
  demoProject,
  dashboardPage,
  newUserContext,
}) => {
  const other = new DashboardPage(await (await newUserContext()).newPage());
  await dashboardPage.goto(demoProject.id, OPERATIONS);
  await other.goto(demoProject.id, PERFORMANCE);
  await dashboardPage.expectSaved();
  await other.expectSaved();

  // Both open a panel and rename it at the same time, from the same version.
  await dashboardPage.openEditor("Throughput");
  const otherFirst = (await storedDashboard(request, demoProject.id, PERFORMANCE)).content.panels.find(
    (panel) => panel.type !== "row" && panel.title !== "",
  );
  if (!otherFirst) throw new Error("the performance dashboard has no panel");
  await other.openEditor(otherFirst.title);
  await Promise.all([
    dashboardPage.page.getByTestId("panel-title").fill("Throughput (Ana)"),
    other.page.getByTestId("panel-title").fill(`${otherFirst.title} (Bo)`),
  ]);
  await dashboardPage.expectSaved();
  await other.expectSaved();
  await expect(dashboardPage.conflictBanner).toHaveCount(0);
  await expect(other.conflictBanner).toHaveCount(0);

  // Both edits survive a reload, on both pages and in the stored project.
  await dashboardPage.page.reload();
  await other.page.reload();
  await expect(dashboardPage.panel("Throughput (Ana)")).toBeVisible();
  await expect(other.panel(`${otherFirst.title} (Bo)`)).toBeVisible();
  const project = await (await request.get(`/api/projects/${demoProject.id}`)).json();
  const titles = project.project.dashboards.flatMap((d: { panels: { title: string }[] }) =>
    d.panels.map((p) => p.title),
  );
  expect(titles).toEqual(expect.arrayContaining(["Throughput (Ana)", `${otherFirst.title} (Bo)`]));
});

test("viewing never writes; the view is in the address and a copied link shows it", async ({
  page,
  request,
  demoProject,
  dashboardPage,
  newUserContext,
}) => {
  await dashboardPage.goto(demoProject.id, OPERATIONS);
  await dashboardPage.expectSaved();
  const revisions = await revisionCount(request, demoProject.id);
  const version = (await storedDashboard(request, demoProject.id, OPERATIONS)).version;

  // Expand and collapse every row, twice over; change the time range and the instance.
  const toggles = page.getByTestId("row-toggle");
  // count() does not wait: the grid may still be mounting its rows when the save badge shows.
  await expect(toggles.first()).toBeVisible();
  const rows = await toggles.count();
  expect(rows).toBeGreaterThan(0);
  for (let pass = 0; pass < 2; pass++) {
    for (let index = 0; index < rows; index++) await toggles.nth(index).click();
  }
  await toggles.first().click();
  await expect(page.getByTestId("dashboard-row").first()).toHaveAttribute("data-collapsed", "true");
  await page.getByTestId("time-range-button").click();
  await page.getByTestId("time-from").fill("now-3h");
  await page.getByTestId("time-to").fill("now");
  await page.getByTestId("time-apply").click();
  await page.getByTestId("variable-instance").click();
  const options = page.getByTestId("variable-instance-options").locator("label");
  await expect(options.nth(1)).toBeVisible();
  const instance = ((await options.nth(1).textContent()) ?? "").trim();
  await options.nth(1).locator("input").check();
  await expect(page).toHaveURL(/from=now-3h&to=now/);
  await expect(page).toHaveURL(new RegExp(`var-instance=${encodeURIComponent(instance)}`));

  // Longer than an autosave would wait: nothing was saved.
  await page.waitForTimeout(3000);
  await expect(dashboardPage.saveStatus).toHaveAttribute("data-state", "saved");
  expect(await revisionCount(request, demoProject.id)).toBe(revisions);
  expect((await storedDashboard(request, demoProject.id, OPERATIONS)).version).toBe(version);
  await expect(page.getByTestId("make-view-default")).toBeVisible();

  // A reload shows the same time range and instance.
  const url = page.url();
  await page.reload();
  await expect(dashboardPage.designer).toBeVisible();
  await expect(page.getByTestId("time-range-button")).toContainText("3 hours");
  await expect(page.getByTestId("variable-instance")).toContainText(instance);

  // So does the copied link, in a fresh browser.
  const fresh = new DashboardPage(await (await newUserContext()).newPage());
  await fresh.page.goto(url);
  await expect(fresh.designer).toBeVisible();
  await expect(fresh.page.getByTestId("time-range-button")).toContainText("3 hours");
  await expect(fresh.page.getByTestId("variable-instance")).toContainText(instance);
  expect(await revisionCount(request, demoProject.id)).toBe(revisions);

  // "Make default" is the one way the view is stored, and it says so.
  await page.getByTestId("make-view-default").click();
  await expect(page.getByTestId("view-default-notice")).toBeVisible();
  await dashboardPage.expectSaved();
  const saved = await (await request.get(`/api/projects/${demoProject.id}/dashboards/${OPERATIONS}`)).json();
  expect(saved.content.time).toEqual({ from: "now-3h", to: "now" });
  expect(saved.content.variables[0].current).toEqual([instance]);
});

test("autosaves of one dashboard coalesce into one revision that says what changed", async ({
  page,
  request,
  demoProject,
  dashboardPage,
}) => {
  await dashboardPage.goto(demoProject.id, OPERATIONS);
  await dashboardPage.expectSaved();
  const before = await revisionCount(request, demoProject.id);
  await dashboardPage.openEditor("Throughput");
  for (const title of ["Throughput 1", "Throughput 2", "Throughput 3"]) {
    await page.getByTestId("panel-title").fill(title);
    await dashboardPage.expectSaved();
  }
  expect(await revisionCount(request, demoProject.id)).toBe(before + 1);

  const history = new HistoryPage(page);
  await history.goto(demoProject.id);
  const newest = history.rows.first();
  await expect(newest).toContainText('panel "Throughput 3" changed');
  await expect(newest).toContainText(E2E_OWNER.name);
  const version = Number(await newest.getAttribute("data-version"));
  await history.compareWithPrevious(version);
  await expect(page.getByTestId("compare-summary")).toContainText('panel "Throughput 3" changed');
});
