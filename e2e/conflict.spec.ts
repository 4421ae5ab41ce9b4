import { expect, test, uniqueName } from "./fixtures";
import { SettingsPage } from "./pages/settings-page";

test("a stale save shows the conflict, keeps the draft, and re-applying keeps both changes", async ({
  page,
  request,
  projectsList,
  settings,
  consoleGuard,
  newUserContext,
}) => {
  // The second user's first save is refused on purpose.
  consoleGuard.allow(/status of 409/);

  const name = uniqueName("Conflict");
  await projectsList.goto();
  const id = await projectsList.createFromTemplate({ name, level: "basic" });

  const first = settings;
  const secondContext = await newUserContext();
  const second = new SettingsPage(await secondContext.newPage());
  await first.goto(id);
  await second.goto(id);
  await expect(second.environment).toHaveValue("production");

  await first.environment.fill("staging");
  await first.saveExpectingVersion(2);

  await second.metricsRetention.fill("45d");
  await second.save();
  // The banner names who saved the other version, and when (the same account here: both
  // contexts are sessions of the one signed-in E2E owner).
  await expect(second.conflictBanner).toContainText(
    /E2E Owner saved version 2 at \S.* while you were editing the settings/,
  );
  await expect(second.metricsRetention).toHaveValue("45d");
  await expect(second.environment).toHaveValue("production");

  await second.reviewLatest();
  await expect(second.reviewPanel).toContainText("staging");
  await expect(second.reviewPanel).toContainText("45d");
  await second.reapplyChanges();
  await expect(second.environment).toHaveValue("staging");
  await expect(second.metricsRetention).toHaveValue("45d");
  await second.saveExpectingVersion(3);

  const stored = await (await request.get(`/api/projects/${id}`)).json();
  expect(stored.version).toBe(3);
  expect(stored.project.environment).toBe("staging");
  expect(stored.project.retention.metrics).toBe("45d");

  // The first user's page learns about it on reload; nothing of either change is lost.
  await page.reload();
  await expect(first.environment).toHaveValue("staging");
  await expect(first.metricsRetention).toHaveValue("45d");
});
