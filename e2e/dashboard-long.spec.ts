import type { APIRequestContext, Page, Request } from "@playwright/test";
import type { Dashboard } from "../lib/model/dashboard";
import { panelTargets } from "../lib/model/panel";
import { ProjectShapeSchema } from "../lib/model/stored-project";
import {
  LARGE_DASHBOARD_UID,
  largeBenchDashboard,
  largeDashboardView,
} from "../scripts/bench/large-dashboard";
import { addDashboardToProject, expect, test } from "./dashboard-fixtures";

/**
 * A long dashboard (node-exporter-full, 125 panels in Grafana's JSON) asks the preview
 * only for the panels in view or within a screen of it, as Grafana does; the rest ask when they
 * are scrolled to, and panels of a collapsed row when it is expanded.
 */

/** The PromQL expressions each panel sends, by panel id. */
function expressionsById(dashboard: Dashboard): Map<number, string[]> {
  return new Map(
    dashboard.panels.map((panel) => [
      panel.id,
      panelTargets(panel).flatMap((target) => (target.kind === "promql" ? [target.expr] : [])),
    ]),
  );
}

/** Records the expression of every panel query (…/preview/query and …/preview/query_range) sent. */
function recordPanelQueries(page: Page): string[] {
  const sent: string[] = [];
  page.on("request", (request: Request) => {
    if (!/\/preview\/query(_range)?$/.test(new URL(request.url()).pathname)) return;
    const body = request.postDataJSON() as { query?: string } | null;
    sent.push(body?.query ?? "");
  });
  return sent;
}

/** The panels on the grid: in view, within a screen of it (those that query), and their state. */
async function panelsOnGrid(
  page: Page,
): Promise<{ id: number; title: string; visible: boolean; near: boolean; state: string }[]> {
  return page.$$eval('[data-testid="dashboard-panel"]', (panels) =>
    panels.map((panel) => {
      const element = panel as HTMLElement;
      const box = element.getBoundingClientRect();
      const height = window.innerHeight;
      return {
        id: Number(element.dataset.panelId),
        title: element.dataset.panelTitle ?? "",
        visible: box.bottom > 0 && box.top < height,
        near: box.bottom > -height && box.top < 2 * height,
        state:
          (element.querySelector('[data-testid="panel-content"]') as HTMLElement | null)?.dataset.state ?? "",
      };
    }),
  );
}

/** Imports node-exporter-full into the project (every row expanded, or as Grafana stores them). */
async function addDashboard(
  request: APIRequestContext,
  projectId: string,
  expandRows: boolean,
): Promise<Dashboard> {
  const record = await (await request.get(`/api/projects/${projectId}`)).json();
  const dashboard = largeBenchDashboard(ProjectShapeSchema.parse(record.project), { expandRows });
  const saved = await request.put(`/api/projects/${projectId}`, {
    data: {
      version: record.version,
      project: { ...record.project, dashboards: [...record.project.dashboards, dashboard] },
      message: "node-exporter-full",
    },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  return dashboard;
}

test.describe.configure({ timeout: 180_000 });

test("a long dashboard queries the panels in view first, and the others as they are scrolled to", async ({
  page,
  request,
  demoProject,
  demoPrometheus,
  dashboardPage,
}) => {
  const dashboard = await addDashboard(request, demoProject.id, true);
  const expressions = expressionsById(dashboard);
  const allQueries = [...expressions.values()].reduce((sum, list) => sum + list.length, 0);
  // 125 in the file; the importer keeps a few as raw JSON, which the grid does not show.
  const panelCount = dashboard.panels.filter((panel) => panel.type !== "row").length;
  expect(panelCount).toBeGreaterThan(110);
  await page.setViewportSize({ width: 1400, height: 900 });
  const sent = recordPanelQueries(page);
  // The page hands the project over from its server render: the designer does not ask for it.
  const projectReads: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === `/api/projects/${demoProject.id}`)
      projectReads.push(request.method());
  });
  await page.goto(
    `/projects/${demoProject.id}/dashboards/${LARGE_DASHBOARD_UID}${await largeDashboardView(demoPrometheus.url)}`,
  );
  await expect(dashboardPage.panels).toHaveCount(panelCount);

  // The first screen draws; then, for a few seconds without scrolling, nothing further down asks.
  await expect
    .poll(
      async () => (await panelsOnGrid(page)).filter((panel) => panel.visible).map((panel) => panel.state),
      {
        timeout: 30_000,
      },
    )
    .not.toContainEqual(expect.stringMatching(/^(idle|loading)$/));
  await page.waitForTimeout(3000);
  const grid = await panelsOnGrid(page);
  const near = grid.filter((panel) => panel.near);
  const nearExpressions = new Set(near.flatMap((panel) => expressions.get(panel.id) ?? []));
  const nearQueries = near.reduce((sum, panel) => sum + (expressions.get(panel.id)?.length ?? 0), 0);
  // The server may have answered the first screen with the page (see the last test): the browser
  // sends at most the near panels' queries, never one of a panel further down.
  expect(sent.length).toBeLessThanOrEqual(nearQueries);
  expect(sent.length).toBeLessThan(allQueries / 3);
  expect(sent.filter((expression) => !nearExpressions.has(expression))).toEqual([]);
  const far = grid.filter((panel) => !panel.near);
  expect(far.length).toBeGreaterThan(60);
  expect(far.filter((panel) => panel.state !== "idle").map((panel) => panel.title)).toEqual([]);
  expect(projectReads).toEqual([]);

  // Scrolling to the end draws the rest: every panel ends up with its data or "No data" (the demo
  // makes the metrics of some twenty of them), none with an error, none still waiting.
  const states = await dashboardPage.settledStates();
  expect(states.size).toBe(panelCount);
  const byState = (state: string): string[] =>
    [...states].filter(([, panel]) => panel.state === state).map(([title]) => title);
  expect(byState("data").length).toBeGreaterThan(15);
  expect(byState("data").length + byState("no-data").length).toBe(panelCount);
  expect(sent.length).toBeGreaterThan(nearQueries);
  expect(sent.length).toBeLessThanOrEqual(allQueries);
});

test("the panels of a collapsed row query when the row is expanded", async ({
  page,
  request,
  demoProject,
  demoPrometheus,
}) => {
  const dashboard = await addDashboard(request, demoProject.id, false);
  const expressions = expressionsById(dashboard);
  const sent = recordPanelQueries(page);
  await page.goto(
    `/projects/${demoProject.id}/dashboards/${LARGE_DASHBOARD_UID}${await largeDashboardView(demoPrometheus.url)}`,
  );
  const row = page.getByTestId("dashboard-row").filter({ hasText: "Memory Meminfo" });
  await expect(row).toHaveAttribute("data-collapsed", "true");
  await expect(page.locator('[data-testid="panel-content"][data-state="loading"]')).toHaveCount(0, {
    timeout: 30_000,
  });
  const before = sent.length;
  const shown = new Set((await panelsOnGrid(page)).map((panel) => panel.id));

  await row.getByTestId("row-toggle").click();
  await expect(row).toHaveAttribute("data-collapsed", "false");
  const members = (await panelsOnGrid(page)).filter((panel) => !shown.has(panel.id));
  expect(members.length).toBe(13);
  const first = members[0];
  if (!first) throw new Error("the row has no panels");
  await expect(
    page.locator(
      `[data-testid="dashboard-panel"][data-panel-id="${first.id}"] [data-testid="panel-content"]`,
    ),
  ).toHaveAttribute("data-state", /^(data|no-data)$/, { timeout: 30_000 });
  const asked = sent.slice(before);
  expect(asked).toEqual(expect.arrayContaining(expressions.get(first.id) ?? []));
});

test("the panels of the first screen get their data with the page, once the grid's size is known", async ({
  page,
  request,
  demoProject,
  demoPrometheus,
}) => {
  const dashboard = await addDashboard(request, demoProject.id, true);
  const expressions = expressionsById(dashboard);
  await page.setViewportSize({ width: 1300, height: 800 });
  const url = `/projects/${demoProject.id}/dashboards/${LARGE_DASHBOARD_UID}${await largeDashboardView(demoPrometheus.url)}`;
  const firstScreenDrawn = async (): Promise<{ id: number; state: string }[]> => {
    let visible: { id: number; state: string }[] = [];
    await expect
      .poll(
        async () => {
          visible = (await panelsOnGrid(page)).filter((panel) => panel.visible);
          return visible.length > 0 ? visible.map((panel) => panel.state) : ["none yet"];
        },
        { timeout: 30_000 },
      )
      .not.toContainEqual(expect.stringMatching(/^(idle|loading|none yet)$/));
    return visible;
  };
  // A first visit: the server guessed the grid's size; the page remembers the real one.
  await page.goto(url);
  await firstScreenDrawn();
  const cookie = (await page.context().cookies()).find((entry) => entry.name === "obsforge_grid");
  expect(cookie?.value).toMatch(/^\d+x\d+$/);

  // The next visit: the server plans for that size, and the panels in view send nothing.
  const sent = recordPanelQueries(page);
  await page.reload();
  const visible = await firstScreenDrawn();
  expect(visible.filter((panel) => panel.state === "data").length).toBeGreaterThan(3);
  const inView = new Set(visible.flatMap((panel) => expressions.get(panel.id) ?? []));
  expect(sent.filter((expression) => inView.has(expression))).toEqual([]);
});

test("a dashboard whose variables wait for their options gets them, and the panels' data, with the page", async ({
  page,
  request,
  demoProject,
}) => {
  // Neither the address nor the stored dashboard says what $job and $instance stand for, and
  // $instance's options follow $job's value: the server asks for both, in that order.
  const dashboard = {
    uid: "variables-first",
    title: "Variables first",
    time: { from: "now-1h", to: "now" },
    variables: [
      { type: "query", name: "job", query: "label_values(up, job)" },
      { type: "query", name: "instance", query: 'label_values(up{job="$job"}, instance)' },
    ],
    panels: [
      {
        id: 1,
        type: "timeseries",
        title: "Up, by the chosen target",
        gridPos: { x: 0, y: 0, w: 24, h: 8 },
        targets: [{ kind: "promql", refId: "A", expr: 'up{job="$job",instance="$instance"}' }],
      },
    ],
  };
  await addDashboardToProject(
    request,
    demoProject.id,
    dashboard,
    "a dashboard whose variables have no value yet",
  );
  const url = `/projects/${demoProject.id}/dashboards/${dashboard.uid}`;
  const content = page.locator('[data-testid="dashboard-panel"] [data-testid="panel-content"]');
  // The first visit tells the server the grid's size; the second is planned for it.
  await page.goto(url);
  await expect(content).toHaveAttribute("data-state", "data", { timeout: 30_000 });
  const previewCalls: string[] = [];
  page.on("request", (sent) => {
    const { pathname } = new URL(sent.url());
    if (pathname.includes("/preview/")) previewCalls.push(pathname.split("/preview/")[1] ?? pathname);
  });
  await page.reload();
  await expect(content).toHaveAttribute("data-state", "data", { timeout: 30_000 });
  expect(previewCalls.filter((endpoint) => endpoint !== "lint")).toEqual([]);
  // The drop-downs show the values the server chose: the first job, and an instance of it.
  await expect(page.getByTestId("variable-job")).not.toHaveValue("");
  await expect(page.getByTestId("variable-instance")).not.toHaveValue("");
});
