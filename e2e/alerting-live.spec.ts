import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  type LiveAlertmanager,
  postAlerts,
  startAlertmanager,
} from "../lib/alerting/routing/testing/live-alertmanager";
import { parseProject } from "../lib/model";
import { test as base, expect, uniqueName } from "./fixtures";

/**
 * The live alerts page against a real Alertmanager 0.25 that the test starts and posts alerts to:
 * the project's settings name it; the page lists its alerts, filters them by receiver, and an
 * alert acknowledged there (author, comment, duration) shows silenced, with its silence; its
 * Un-acknowledge expires the silence and the alert is active again. Then the simulate page answers
 * for a typed alert.
 */

const test = base.extend<object, { alertmanager: LiveAlertmanager }>({
  alertmanager: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature
    async ({}, use) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), "obsforge-e2e-live-"));
      const alertmanager = await startAlertmanager(
        parseProject({
          name: "live e2e",
          receivers: [{ name: "default" }, { name: "pager" }],
          route: {
            receiver: "default",
            groupBy: ["alertname"],
            groupWait: "1h",
            routes: [{ receiver: "pager", matchers: [{ label: "severity", value: "critical" }] }],
          },
        }),
        dir,
      );
      const posted = await postAlerts(alertmanager.base, [
        { alertname: "ApiDown", severity: "critical", service: "api" },
        { alertname: "SlowQueries", severity: "warning", service: "db" },
      ]);
      expect(posted.status).toBe(200);
      await use(alertmanager);
      await alertmanager.alertmanager.stop();
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: "worker", timeout: 60_000 },
  ],
});

test("acknowledge a live alert, see it silenced, un-acknowledge it", async ({
  page,
  request,
  alertmanager,
}) => {
  const created = await request.post("/api/projects", {
    data: { template: "basic", name: uniqueName("Live") },
  });
  expect(created.status(), await created.text()).toBe(201);
  const record = await created.json();
  const saved = await request.put(`/api/projects/${record.id}`, {
    data: { version: record.version, project: { ...record.project, alertmanagerUrl: alertmanager.base } },
  });
  expect(saved.status(), await saved.text()).toBe(200);

  await page.goto(`/projects/${record.id}/alerting/live`);
  const alerts = page.getByTestId("live-alert");
  await expect(alerts.first()).toBeVisible();
  await expect(alerts).toHaveCount(2);

  await page.getByLabel("Receiver").selectOption("pager");
  await expect(alerts).toHaveCount(1);
  const api = alerts.filter({ hasText: "ApiDown" });
  await expect(api).toBeVisible();
  await expect(api.getByTestId("live-alert-state")).toHaveText("active");

  await api.getByRole("button", { name: "Acknowledge ApiDown" }).click();
  const form = page.getByRole("form", { name: "Acknowledge ApiDown" });
  await form.getByLabel("Author").fill("dana@example.com");
  await form.getByLabel("Comment").fill("deploying the fix");
  await form.getByLabel("Duration").fill("1h");
  await form.getByRole("button", { name: "Silence alert" }).click();

  await expect(api.getByTestId("live-alert-state")).toHaveText("silenced");
  await expect(api).toHaveAttribute("data-state", "suppressed");
  const silence = page.getByTestId("live-silence").filter({ hasText: "dana@example.com" });
  await expect(silence).toHaveAttribute("data-state", "active");
  await expect(silence).toContainText("deploying the fix");

  await api.getByRole("button", { name: "Un-acknowledge ApiDown" }).click();
  await expect(api.getByTestId("live-alert-state")).toHaveText("active");
  await expect(silence).toHaveAttribute("data-state", "expired");

  await page.goto(`/projects/${record.id}/alerting/simulate`);
  await page
    .getByLabel("Or labels of an alert firing the whole window")
    .fill("alertname=ApiDown, severity=critical");
  await expect(page.getByTestId("simulation-sentence")).toContainText("would have");
  await expect(page.getByTestId("simulation-route").first()).toBeVisible();
});
