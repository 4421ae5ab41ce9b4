import { expect, test, uniqueName } from "./fixtures";

test("history lists revisions, opens one read-only and restores it as a new version", async ({
  page,
  request,
  projectsList,
  overview,
  settings,
  history,
}) => {
  const name = uniqueName("History");
  await projectsList.goto();
  const id = await projectsList.createFromTemplate({ name, level: "basic" });

  await settings.goto(id);
  await settings.environment.fill("staging");
  await settings.logsRetention.fill("7d");
  await settings.saveExpectingVersion(2);

  await history.goto(id);
  await expect(history.rows).toHaveCount(2);
  await expect(history.rows.first()).toHaveAttribute("data-version", "2");
  await expect(history.row(2)).toContainText("environment");
  await expect(history.row(2)).toContainText("current");

  await history.openRevision(1);
  await expect(page.getByTestId("summary-environment")).toHaveText("production");
  await expect(page.getByTestId("summary-retention")).toContainText("logs 30d");
  await expect(page.getByTestId("settings-form")).toHaveCount(0);

  await history.restore(1);
  await page.waitForURL((url) => url.pathname === `/projects/${id}`);
  await overview.expectLoaded(name, 3);
  await expect(page.getByTestId("summary-environment")).toHaveText("production");

  const revisions = await (await request.get(`/api/projects/${id}/revisions`)).json();
  expect(revisions.map((revision: { version: number }) => revision.version)).toEqual([3, 2, 1]);
  const [v1, v3] = await Promise.all(
    [1, 3].map(async (version) => (await request.get(`/api/projects/${id}/revisions/${version}`)).json()),
  );
  expect(v3.project).toEqual(v1.project);

  await history.goto(id);
  await expect(history.rows).toHaveCount(3);
  await expect(history.row(3)).toContainText("current");
});
