import { expect, test, uniqueName } from "./fixtures";

test("a refused save shows each issue beside its field and keeps the draft", async ({
  request,
  projectsList,
  settings,
  consoleGuard,
}) => {
  consoleGuard.allow(/status of 4\d\d/);
  const name = uniqueName("Issues");
  await projectsList.goto();
  const id = await projectsList.createFromTemplate({ name, level: "basic" });

  await settings.goto(id);
  await settings.metricsRetention.fill("45 days");
  await settings.page.getByTestId("scrape-0-targets").fill("app:8000, not a target");
  await settings.save();

  await expect(settings.page.getByTestId("settings-issues")).toBeVisible();
  await expect(settings.page.getByTestId("settings-metrics-retention-issues")).toContainText(
    'bad duration "45 days"',
  );
  await expect(settings.page.getByTestId("scrape-0-targets-issues")).toContainText("host:port");
  await expect(settings.metricsRetention).toHaveValue("45 days");

  const stored = await (await request.get(`/api/projects/${id}`)).json();
  expect(stored.version).toBe(1);
  expect(stored.project.retention.metrics).toBe("30d");

  await settings.metricsRetention.fill("45d");
  await settings.page.getByTestId("scrape-0-targets").fill("app:8000, app2:8000");
  await settings.saveExpectingVersion(2);
  await expect(settings.page.getByTestId("settings-issues")).toHaveCount(0);
});
