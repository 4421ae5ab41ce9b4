import { readFileSync } from "node:fs";
import { expect, test, uniqueName } from "./fixtures";

test("an exported project imports as a new project with the same content", async ({
  page,
  request,
  projectsList,
  overview,
}) => {
  const name = uniqueName("Exported");
  await projectsList.goto();
  const id = await projectsList.createFromTemplate({ name, level: "enterprise", version: "v1" });
  await overview.expectLoaded(name, 1);

  const download = page.waitForEvent("download");
  await page.getByTestId("export-json").click();
  const exported = await download;
  expect(exported.suggestedFilename()).toMatch(/\.obsforge\.json$/);
  const text = readFileSync(await exported.path(), "utf8");

  await projectsList.goto();
  const copyId = await projectsList.createFromProjectJson(exported.suggestedFilename(), text);
  expect(copyId).not.toBe(id);
  await overview.expectLoaded(name, 1);

  const [original, copy] = await Promise.all(
    [id, copyId].map(async (projectId) => (await request.get(`/api/projects/${projectId}`)).json()),
  );
  expect(copy.project).toEqual(original.project);
  await expect(page.getByTestId("dashboards-section").locator("tbody tr")).toHaveCount(
    original.project.dashboards.length,
  );
});

test("an empty project starts with nothing but its name", async ({ page, projectsList, overview }) => {
  const name = uniqueName("Blank");
  await projectsList.goto();
  await projectsList.createEmpty(name);
  await overview.expectLoaded(name, 1);
  await expect(page.getByTestId("dashboards-section")).toContainText("No dashboards.");
  await expect(overview.validation).toBeVisible();
});

test("a validation issue links to the item it is about, which is highlighted", async ({
  page,
  request,
  overview,
}) => {
  const created = await request.post("/api/projects", {
    data: { template: "basic", name: uniqueName("Linked") },
  });
  expect(created.status()).toBe(201);
  const record = await created.json();
  // A FraiseQL v2 app target without a bearer token is a warning, so it is stored and reported.
  const project = structuredClone(record.project);
  const appIndex = project.scrapeTargets.findIndex((target: { kind: string }) => target.kind === "app");
  expect(appIndex).toBeGreaterThanOrEqual(0);
  delete project.scrapeTargets[appIndex].bearerToken;
  const saved = await request.put(`/api/projects/${record.id}`, { data: { version: 1, project } });
  expect(saved.status()).toBe(200);

  await overview.goto(record.id);
  const issue = overview.validation
    .getByTestId("validation-issue")
    .filter({ hasText: `scrapeTargets[${appIndex}].bearerToken` });
  await expect(issue).toContainText("warning");
  await issue.getByRole("link").click();
  expect(new URL(page.url()).hash).toBe(`#scrapeTargets-${appIndex}`);
  const target = page.locator(`#scrapeTargets-${appIndex}`);
  await expect(target).toBeInViewport();
  await expect(target).toHaveCSS("background-color", "rgb(255, 248, 197)");
});
