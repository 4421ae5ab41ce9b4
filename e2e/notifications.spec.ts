import { type HttpSink, startHttpSink } from "../lib/alerting/notify/testing/sinks";
import { expect, test, uniqueName } from "./fixtures";
import { AlertingPage } from "./pages/alerting-page";

/**
 * A receiver's notifications in the alerting editor: the Slack message rendered as Slack shows it
 * for a sample alert of the project's rules (firing, then resolved), a test notification sent to
 * a local sink started by the test, and the attempt in the delivery log.
 */

let sink: HttpSink;
test.beforeAll(async () => {
  sink = await startHttpSink();
});
test.afterAll(async () => {
  await sink?.close();
});

test("the rendered Slack message, firing and resolved; a test notification to a local sink in the delivery log", async ({
  page,
  request,
}) => {
  const created = await request.post("/api/projects", {
    data: { template: "standard", name: uniqueName("Notifications") },
  });
  expect(created.status(), await created.text()).toBe(201);
  const record = await created.json();
  const receivers = [
    ...record.project.receivers,
    {
      name: "chat",
      integrations: [{ type: "slack", channel: "#oncall", apiUrl: { secret: "CHAT_SLACK_URL" } }],
    },
  ];
  const saved = await request.put(`/api/projects/${record.id}`, {
    data: { version: record.version, project: { ...record.project, receivers } },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  const secret = await request.put(`/api/projects/${record.id}/secrets/CHAT_SLACK_URL`, {
    data: { value: `${sink.base}/services/e2e-secret` },
  });
  expect(secret.status()).toBe(200);

  const alerting = new AlertingPage(page);
  await alerting.goto(record.id);
  await page.locator('[data-testid="receiver-item"][data-receiver="chat"] button').click();
  const message = page.getByTestId("slack-message");
  await expect(message).toBeVisible();
  await expect(message).toContainText("#oncall");
  await expect(page.getByTestId("slack-attachment")).toHaveCSS("border-left-color", /rgb/);
  const title = page.getByTestId("slack-title");
  await expect(title).not.toContainText("RESOLVED");

  await page.getByRole("radio", { name: "Resolved" }).check();
  await expect(title).toContainText("RESOLVED");
  await page.getByRole("radio", { name: "Firing" }).check();
  await expect(title).not.toContainText("RESOLVED");

  await page.getByRole("button", { name: "Send test notification" }).click();
  const row = page.getByTestId("delivery-row").first();
  await expect(row).toBeVisible();
  await expect(row).toHaveAttribute("data-outcome", "delivered");
  await expect(row).toContainText("slack #oncall");
  expect(sink.requests.filter((r) => r.path === "/services/e2e-secret")).toHaveLength(1);
  // The secret URL is nowhere on the page.
  await expect(page.locator("body")).not.toContainText("e2e-secret");
});

test("a webhook's payload wraps inside the window: its long generatorURL does not widen the page", async ({
  page,
  request,
}) => {
  const created = await request.post("/api/projects", {
    data: { template: "standard", name: uniqueName("Webhook wrap") },
  });
  expect(created.status(), await created.text()).toBe(201);
  const record = await created.json();
  const receivers = [
    ...record.project.receivers,
    { name: "hook", integrations: [{ type: "webhook", url: `${sink.base}/hook` }] },
  ];
  const saved = await request.put(`/api/projects/${record.id}`, {
    data: { version: record.version, project: { ...record.project, receivers } },
  });
  expect(saved.status(), await saved.text()).toBe(200);

  await page.setViewportSize({ width: 1400, height: 1000 });
  const alerting = new AlertingPage(page);
  await alerting.goto(record.id);
  await page.locator('[data-testid="receiver-item"][data-receiver="hook"] button').click();
  await expect(page.getByTestId("webhook-preview")).toContainText("generatorURL");
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    window: document.documentElement.clientWidth,
  }));
  expect(widths.page).toBeLessThanOrEqual(widths.window);
});

test("the preview shows an unsaved edit, and the test notification sends it", async ({ page, request }) => {
  const created = await request.post("/api/projects", {
    data: { template: "standard", name: uniqueName("Draft preview") },
  });
  expect(created.status(), await created.text()).toBe(201);
  const record = await created.json();
  const receivers = [
    ...record.project.receivers,
    {
      name: "chat",
      integrations: [{ type: "slack", channel: "#oncall", apiUrl: { secret: "DRAFT_SLACK_URL" } }],
    },
  ];
  const saved = await request.put(`/api/projects/${record.id}`, {
    data: { version: record.version, project: { ...record.project, receivers } },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  const secret = await request.put(`/api/projects/${record.id}/secrets/DRAFT_SLACK_URL`, {
    data: { value: `${sink.base}/services/draft-secret` },
  });
  expect(secret.status()).toBe(200);

  const alerting = new AlertingPage(page);
  await alerting.goto(record.id);
  await page.locator('[data-testid="receiver-item"][data-receiver="chat"] button').click();
  const message = page.getByTestId("slack-message");
  await expect(message).toContainText("#oncall");
  await expect(page.getByTestId("preview-source")).toContainText("saved configuration");
  await expect(page.getByTestId("sample-group-key")).toContainText("{}");

  // Not saved: the preview renders the draft and says so.
  await page.getByLabel("Slack channel").fill("#draft-room");
  await expect(message).toContainText("#draft-room");
  await expect(page.getByTestId("preview-source")).toContainText("unsaved edits");

  await page.getByRole("button", { name: "Send test notification" }).click();
  await expect(page.getByTestId("delivery-row").first()).toHaveAttribute("data-outcome", "delivered");
  const sent = sink.requests.filter((r) => r.path === "/services/draft-secret");
  expect(sent).toHaveLength(1);
  expect(JSON.parse(sent[0]?.body ?? "{}").channel).toBe("#draft-room");

  // Nothing was saved by previewing or sending.
  const stored = await (await request.get(`/api/projects/${record.id}`)).json();
  expect(stored.version).toBe((await saved.json()).version);
});
