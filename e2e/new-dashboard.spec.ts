import type { APIRequestContext } from "@playwright/test";
import { expect, test, uniqueName } from "./fixtures";
import { DashboardPage } from "./pages/dashboard-page";
import { DashboardsSection } from "./pages/dashboards-section";

interface StoredDashboard {
  uid: string;
  title: string;
  catalogId?: string;
  panels: unknown[];
}

/** POST /api/projects with `{empty: true}`: no dashboards, no datasources. */
async function createEmptyProject(request: APIRequestContext): Promise<{ id: string; name: string }> {
  const name = uniqueName("New dashboards");
  const created = await request.post("/api/projects", { data: { empty: true, name } });
  expect(created.status(), await created.text()).toBe(201);
  return { id: (await created.json()).id, name };
}

interface CatalogEntry {
  kind: string;
  name: string;
  title: string;
  description: string;
  level: string;
}

/** The catalog's dashboards as GET /api/templates lists them. */
async function catalogDashboards(request: APIRequestContext): Promise<CatalogEntry[]> {
  const response = await request.get("/api/templates");
  expect(response.status()).toBe(200);
  const entries = ((await response.json()) as CatalogEntry[]).filter((entry) => entry.kind === "dashboard");
  expect(entries.map((entry) => entry.name)).toContain("operations");
  return entries;
}

async function storedDashboards(request: APIRequestContext, id: string): Promise<StoredDashboard[]> {
  const response = await request.get(`/api/projects/${id}`);
  expect(response.status()).toBe(200);
  return (await response.json()).project.dashboards;
}

test("a blank dashboard and a catalog one are added from the overview, and the blank one deleted", async ({
  page,
  request,
  overview,
  consoleGuard,
}) => {
  // The catalog dashboard previews against the in-stack http://prometheus:9090, which this run
  // does not have: its panels' preview calls answer 502 (or 504) while the designer is open.
  consoleGuard.allow(/status of 50[24]/);
  const { id, name } = await createEmptyProject(request);
  const dashboards = new DashboardsSection(page);
  const designer = new DashboardPage(page);

  await overview.goto(id);
  await overview.expectLoaded(name);
  await expect(dashboards.section).toContainText("No dashboards.");

  // Blank: a title is all it takes, and the designer opens on an empty grid.
  const blankUid = await dashboards.createBlank("Checkout latency");
  expect(blankUid).toBe("checkout-latency");
  await expect(designer.designer).toBeVisible();
  await expect(page.getByTestId("dashboard-title")).toHaveText("Checkout latency");
  await expect(page.getByTestId("dashboard-empty")).toBeVisible();
  await expect(designer.panels).toHaveCount(0);

  await page.goBack();
  await overview.expectLoaded(name);
  await expect(dashboards.rows).toHaveCount(1);
  await expect(dashboards.row(blankUid)).toContainText("Checkout latency");

  // From the catalog: every catalog dashboard with its title, description and level; none added yet.
  const catalog = await catalogDashboards(request);
  const choices = await dashboards.openCatalog();
  await expect(choices).toHaveCount(catalog.length);
  await expect(dashboards.newDialog.locator("[data-added]")).toHaveCount(0);
  for (const entry of catalog) {
    const choice = dashboards.catalogChoice(entry.name);
    await expect(choice.locator(".choice-title")).toHaveText(`${entry.title}${entry.level}`);
    await expect(choice).toContainText(entry.description);
  }
  const operationsUid = await dashboards.addFromCatalog("operations");
  expect(operationsUid).toBe("fraiseql-operations");
  await expect(designer.designer).toBeVisible();
  await expect(page.getByTestId("dashboard-title")).toHaveText("Operations Overview");

  await page.goBack();
  await overview.expectLoaded(name);
  await expect(dashboards.rows).toHaveCount(2);
  expect(await dashboards.titles()).toEqual(["Checkout latency", "Operations Overview"]);

  // An added catalog dashboard is shown as such, and cannot be picked again.
  await dashboards.openCatalog();
  await expect(dashboards.catalogChoice("operations")).toHaveAttribute("data-added", "true");
  await expect(dashboards.catalogChoice("operations")).toContainText("in the project");
  await expect(dashboards.catalogChoice("operations").getByRole("radio")).toBeDisabled();
  await expect(dashboards.newDialog.locator("[data-added]")).toHaveCount(1);
  await dashboards.newDialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dashboards.newDialog).toBeHidden();

  // Delete asks first, naming the dashboard; cancelling keeps it.
  await dashboards.askDelete(blankUid);
  await expect(dashboards.deleteDialog.getByRole("heading")).toHaveText(
    "Delete the dashboard “Checkout latency”?",
  );
  await dashboards.deleteDialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dashboards.deleteDialog).toBeHidden();
  await expect(dashboards.rows).toHaveCount(2);

  await dashboards.askDelete(blankUid);
  await dashboards.confirmDelete();
  await expect(dashboards.deleteDialog).toBeHidden();
  await expect(dashboards.rows).toHaveCount(1);

  await page.reload();
  await overview.expectLoaded(name);
  expect(await dashboards.titles()).toEqual(["Operations Overview"]);

  const stored = await storedDashboards(request, id);
  expect(stored.map((dashboard) => dashboard.uid)).toEqual(["fraiseql-operations"]);
  expect(stored[0]?.catalogId).toBe("operations");
  expect(stored[0]?.panels.length).toBeGreaterThan(0);
  // The catalog dashboard came with the datasource it needs.
  const project = (await (await request.get(`/api/projects/${id}`)).json()).project;
  expect(project.datasources.map((datasource: { type: string }) => datasource.type)).toContain("prometheus");
});

test("deleting a dashboard a rule links to says which rule, and keeps the dashboard", async ({
  page,
  request,
  overview,
  consoleGuard,
}) => {
  // The server refuses the deletion on purpose: the browser logs the 422.
  consoleGuard.allow(/status of 422/);
  const { id, name } = await createEmptyProject(request);
  const added = await request.post(`/api/projects/${id}/dashboards`, { data: { title: "API" } });
  expect(added.status(), await added.text()).toBe(201);
  const group = await request.post(`/api/projects/${id}/rule-groups`, {
    data: {
      group: {
        name: "availability",
        rules: [
          {
            kind: "alert",
            alert: "ApiDown",
            expr: 'up{job="api"} == 0',
            for: "1m",
            labels: { severity: "critical" },
            annotations: { summary: "API down", description: "The API is down." },
            panel: { dashboardUid: "api", panelId: 1 },
          },
        ],
      },
    },
  });
  expect(group.status(), await group.text()).toBe(201);

  const dashboards = new DashboardsSection(page);
  await overview.goto(id);
  await overview.expectLoaded(name);
  await dashboards.askDelete("api");
  await dashboards.confirmDelete();
  const linked = dashboards.deleteDialog.getByTestId("delete-dashboard-linked");
  await expect(linked).toContainText("A rule links to this dashboard");
  await expect(linked).toContainText("ApiDown in group availability");
  await expect(linked).toContainText('no dashboard with uid "api" in the project');
  await dashboards.deleteDialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dashboards.deleteDialog).toBeHidden();

  await page.reload();
  await overview.expectLoaded(name);
  await expect(dashboards.row("api")).toHaveCount(1);
  expect((await storedDashboards(request, id)).map((dashboard) => dashboard.uid)).toEqual(["api"]);
});

test("deleting a dashboard someone changed since the overview loaded asks again, then deletes it", async ({
  page,
  request,
  overview,
  consoleGuard,
}) => {
  // The first confirmation meets a newer version of the dashboard on purpose: the browser logs the 409.
  consoleGuard.allow(/status of 409/);
  const { id, name } = await createEmptyProject(request);
  const added = await request.post(`/api/projects/${id}/dashboards`, { data: { title: "API" } });
  expect(added.status(), await added.text()).toBe(201);

  const dashboards = new DashboardsSection(page);
  await overview.goto(id);
  await overview.expectLoaded(name);
  await expect(dashboards.row("api")).toContainText("API");

  // Someone else renames it after this page loaded.
  const section = await (await request.get(`/api/projects/${id}/dashboards/api`)).json();
  const saved = await request.put(`/api/projects/${id}/dashboards/api`, {
    data: { version: section.version, content: { ...section.content, title: "API (renamed)" } },
  });
  expect(saved.status(), await saved.text()).toBe(200);

  await dashboards.askDelete("api");
  await dashboards.confirmDelete();
  await expect(dashboards.deleteDialog.getByTestId("delete-dashboard-conflict")).toContainText(
    "was changed since this page loaded",
  );
  // The overview now shows the latest version behind the dialog; confirming again decides on it.
  await expect(dashboards.row("api")).toContainText("API (renamed)");
  await dashboards.confirmDelete();
  await expect(dashboards.deleteDialog).toBeHidden();
  await expect(dashboards.rows).toHaveCount(0);
  expect(await storedDashboards(request, id)).toEqual([]);
});
