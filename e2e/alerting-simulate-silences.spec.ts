import { expect, test, uniqueName } from "./fixtures";

/**
 * The simulate page with typed labels: an answer; labels that stop parsing clear it and say why;
 * a silence over the whole window over the alert leaves it out of every message (and the path
 * says which silence); a silence with a bad matcher is marked on its field and not applied.
 */
test("typed labels that do not parse clear the answer; a simulated silence mutes the alert", async ({
  page,
  request,
}) => {
  const created = await request.post("/api/projects", {
    data: { template: "standard", name: uniqueName("Simulate silences") },
  });
  expect(created.status(), await created.text()).toBe(201);
  const record = await created.json();
  const saved = await request.put(`/api/projects/${record.id}`, {
    data: {
      version: record.version,
      project: {
        ...record.project,
        receivers: [{ name: "hook", integrations: [{ type: "webhook", url: "http://127.0.0.1:9/hook" }] }],
        route: { receiver: "hook", groupBy: ["alertname"] },
        inhibitRules: [],
      },
    },
  });
  expect(saved.status(), await saved.text()).toBe(200);

  await page.goto(`/projects/${record.id}/alerting/simulate`);
  const labels = page.getByLabel("Or labels of an alert firing the whole window");
  const sentence = page.getByTestId("simulation-sentence");
  await labels.fill("alertname=ApiDown, severity=critical");
  await expect(sentence).toContainText("would have sent");

  // A half-typed value: the parse error shows and the old answer goes.
  await labels.fill('alertname="ApiDown, severity=critical');
  await expect(page.getByTestId("typed-labels-error")).toBeVisible();
  await expect(page.getByTestId("simulation-no-answer")).toBeVisible();
  await expect(sentence).toHaveCount(0);

  await labels.fill("alertname=ApiDown, severity=critical");
  await expect(sentence).toContainText("would have sent");

  // A silence with a bad regex is marked and not applied.
  await page.getByRole("button", { name: "Add silence" }).click();
  const matchers = page.getByLabel("Silence 1 matchers");
  await matchers.fill('alertname=~"(Api"');
  await expect(matchers).toHaveAttribute("aria-invalid", "true");
  await expect(sentence).toContainText("would have sent");

  // Over the whole window: nothing is sent, and the path names the silence.
  const window = await page.evaluate(() => {
    const pad = (n: number): string => String(n).padStart(2, "0");
    const local = (d: Date): string =>
      `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
    const now = Date.now();
    return { starts: local(new Date(now - 8 * 86_400_000)), ends: local(new Date(now + 86_400_000)) };
  });
  await matchers.fill('alertname="ApiDown"');
  await page.getByLabel("Silence 1 starts").fill(window.starts);
  await page.getByLabel("Silence 1 ends").fill(window.ends);
  await expect(matchers).not.toHaveAttribute("aria-invalid", "true");
  await expect(sentence).toContainText("would have sent no notifications");
  await expect(page.getByTestId("simulation-silencing").first()).toContainText("silence 1");
});
