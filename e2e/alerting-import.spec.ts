import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { routingDifferences } from "../lib/import/alertmanager/testing/routing-oracle";
import { runTool, unzipBundle } from "./bundle-tools";
import { expect, test, uniqueName } from "./fixtures";
import { AlertingPage } from "./pages/alerting-page";
import { OverviewPage } from "./pages/overview-page";

/**
 * "Import alertmanager.yml" in the alerting editor, with a real configuration of the corpus: bad
 * YAML is refused with its line and nothing changes; the file's report shows what it becomes and
 * which secrets it holds (names, never values); "Replace" puts it in the draft (Undo and Redo
 * work, nothing is saved yet); Save stores it; the downloaded bundle's alertmanager.yml passes
 * `amtool check-config` and routes a batch of alerts exactly as the original file does.
 */

const FILE = path.join(
  process.cwd(),
  "lib/import/testdata/alertmanager/prometheus-alertmanager-conf-good.yml",
);

interface Stored {
  version: number;
  content: { receivers: { name: string }[] };
}

async function storedAlerting(request: APIRequestContext, id: string): Promise<Stored> {
  const response = await request.get(`/api/projects/${id}/alerting`);
  expect(response.status(), await response.text()).toBe(200);
  return response.json();
}

test("an alertmanager.yml pasted, reported, replaced (undoable), saved; the bundle routes as the file", async ({
  page,
  request,
  consoleGuard,
}) => {
  test.setTimeout(180_000);
  // The bad YAML is answered 422 on purpose.
  consoleGuard.allow(/status of 422/);
  const created = await request.post("/api/projects", {
    data: { template: "standard", name: uniqueName("Import") },
  });
  expect(created.status(), await created.text()).toBe(201);
  const id: string = (await created.json()).id;
  const before = await storedAlerting(request, id);
  const text = readFileSync(FILE, "utf8");
  const alerting = new AlertingPage(page);
  await alerting.goto(id);

  // Bad YAML: the line is named, nothing changes.
  await alerting.readImport("route:\n  receiver: ops\n receivers: [\n");
  const error = alerting.importDialog.getByTestId("api-error");
  await expect(error).toContainText("alertmanager.yml is not valid YAML");
  await expect(error.getByTestId("api-error-issues")).toContainText(/line \d+, column \d+/);
  await expect(alerting.importReport).toBeHidden();

  // The real file: the report before anything changes.
  await alerting.readImport(text);
  await expect(alerting.importReport).toBeVisible();
  await expect(alerting.importDialog.getByTestId("api-error")).toBeHidden();
  await expect(page.getByTestId("alerting-import-summary")).toContainText("Alertmanager configuration:");
  const importedReceivers = Number(
    await page.getByTestId("alerting-import-imported-receivers").textContent(),
  );
  expect(importedReceivers).toBeGreaterThan(5);
  const secrets = page.getByTestId("alerting-import-secrets").locator("li");
  await expect(secrets.first()).toBeVisible();
  await expect(secrets.filter({ hasText: "TEAM_X_PAGER_PAGERDUTY_ROUTING_KEY" })).toHaveCount(1);
  await expect(page.getByTestId("alerting-import-global")).toContainText("smtp_auth_password");
  // The file's secrets are named, never shown.
  expect(await alerting.importReport.textContent()).not.toContain("mysecret");
  expect((await storedAlerting(request, id)).version, "reading the file wrote").toBe(before.version);

  // Replace: the draft holds the file; Undo and Redo; still nothing saved.
  await alerting.replaceWithImport();
  await expect(alerting.receiverItems().first()).toBeVisible();
  await expect(alerting.receiverItems()).toHaveCount(importedReceivers);
  await expect(alerting.saveStatus).toHaveAttribute("data-state", "unsaved");
  expect(await page.locator("body").textContent()).not.toContain("mysecret");
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(alerting.receiverItems()).toHaveCount(before.content.receivers.length);
  await page.getByRole("button", { name: "Redo" }).click();
  await expect(alerting.receiverItems()).toHaveCount(importedReceivers);
  expect((await storedAlerting(request, id)).version).toBe(before.version);

  // Save: stored with its secrets encrypted.
  await alerting.save();
  const saved = await storedAlerting(request, id);
  expect(saved.version).toBeGreaterThan(before.version);
  expect(saved.content.receivers).toHaveLength(importedReceivers);
  const stored = JSON.stringify(saved);
  expect(stored).not.toContain("mysecret");
  expect(stored).not.toContain("obsforge-sealed");
  const secretList = await (await request.get(`/api/projects/${id}/secrets`)).json();
  const set = secretList.secrets
    .filter((secret: { set: boolean }) => secret.set)
    .map((s: { name: string }) => s.name);
  expect(set).toContain("TEAM_X_PAGER_PAGERDUTY_ROUTING_KEY");
  expect(set).toContain("ALERTMANAGER_SMTP_AUTH_PASSWORD");

  // The bundle: amtool accepts it, and it routes a batch of alerts as the original file.
  const overview = new OverviewPage(page);
  await overview.goto(id);
  const download = await overview.downloadBundle();
  const { dir } = unzipBundle(new Uint8Array(readFileSync(await download.path())));
  try {
    const root = path.join(dir, "observability");
    const check = runTool("amtool", ["check-config", "alertmanager/alertmanager.yml"], root);
    expect(check.status, `${check.command}\n${check.output}`).toBe(0);
    const exported = readFileSync(path.join(root, "alertmanager/alertmanager.yml"), "utf8");
    expect(exported).not.toContain("mysecret");
    const routed = await routingDifferences(text, exported, dir, 60, 7);
    expect(routed.sets).toBe(60);
    expect(routed.differences).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
