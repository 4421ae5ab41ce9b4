import { E2E_OWNER } from "./auth-state";
import type { APIRequestContext } from "@playwright/test";
import type { Project } from "../lib/model/project";
import { expect, test, uniqueName } from "./fixtures";
import { HistoryComparePage } from "./pages/history-compare-page";

interface StoredProject {
  id: string;
  version: number;
  project: Project;
}

const OPERATIONS = "fraiseql-operations";

/** PUT /api/projects/{id}: the whole project, from the version it was edited from. */
async function saveEdit(
  request: APIRequestContext,
  record: StoredProject,
  edit: (project: Project) => void,
  message: string,
): Promise<StoredProject> {
  const project = structuredClone(record.project);
  edit(project);
  const response = await request.put(`/api/projects/${record.id}`, {
    data: { version: record.version, project, message },
  });
  expect(response.status(), await response.text()).toBe(200);
  return response.json();
}

test("two revisions compared: the summary in words and each changed section's JSON side by side", async ({
  page,
  request,
  history,
}) => {
  const created = await request.post("/api/projects", {
    data: { template: "basic", name: uniqueName("Compare") },
  });
  expect(created.status(), await created.text()).toBe(201);
  const v1: StoredProject = await created.json();
  const v2 = await saveEdit(
    request,
    v1,
    (project) => {
      project.retention.metrics = "45d";
    },
    "Keep metrics longer",
  );
  const v3 = await saveEdit(
    request,
    v2,
    (project) => {
      const operations = project.dashboards.find((dashboard) => dashboard.uid === OPERATIONS);
      const panel = operations?.panels.find((candidate) => candidate.title === "Request rate");
      if (!panel) throw new Error("the basic template has no Request rate panel");
      panel.title = "Requests per second";
    },
    "Rename a panel",
  );
  expect(v3.version).toBe(3);
  const id = v1.id;

  await history.goto(id);
  await expect(history.rows).toHaveCount(3);
  await expect(history.row(2)).toContainText(E2E_OWNER.name);
  await expect(history.row(2)).toContainText("Keep metrics longer");

  // Any two versions: the first and the latest.
  await history.selectForCompare(1);
  await history.selectForCompare(3);
  await history.compareSelected();
  const compare = new HistoryComparePage(page);
  await compare.expectLoaded(id, 1, 3);
  await expect(compare.summary).toHaveText(
    'settings: metrics retention 30d → 45d; dashboard "Operations Overview": panel "Requests per second" changed',
  );
  await expect(compare.sections).toHaveCount(2);
  await expect(compare.unchangedSections).toContainText(/\d+ unchanged sections/);

  const settings = await compare.diffEditor("settings");
  await expect.poll(() => compare.sideText(settings, "original")).toContain('"metrics": "30d"');
  await expect.poll(() => compare.sideText(settings, "modified")).toContain('"metrics": "45d"');
  const dashboard = await compare.diffEditor(`dashboard:${OPERATIONS}`);
  await expect.poll(() => compare.sideText(dashboard, "original")).toContain('"title": "Request rate"');
  await expect
    .poll(() => compare.sideText(dashboard, "modified"))
    .toContain('"title": "Requests per second"');

  // The chooser moves one side: versions 2 and 3 differ only in the dashboard.
  await compare.fromSelect.selectOption("2");
  await compare.expectLoaded(id, 2, 3);
  await expect(compare.summary).toHaveText(
    'dashboard "Operations Overview": panel "Requests per second" changed',
  );
  await expect(compare.sections).toHaveCount(1);

  // And from the list, a version against the one before it.
  await history.goto(id);
  await history.compareWithPrevious(2);
  await compare.expectLoaded(id, 1, 2);
  await expect(compare.summary).toHaveText("settings: metrics retention 30d → 45d");
  const retention = await compare.diffEditor("settings");
  await expect.poll(() => compare.sideText(retention, "original")).toContain('"metrics": "30d"');
  await expect.poll(() => compare.sideText(retention, "modified")).toContain('"metrics": "45d"');
});
