import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { runTool, unzipBundle } from "./bundle-tools";
import { expect, test } from "./dashboard-fixtures";
import { uniqueName } from "./fixtures";
import { AlertsGroupEditor } from "./pages/alerts-group-editor";
import { AlertsRulesPage } from "./pages/alerts-rules-page";
import { OverviewPage } from "./pages/overview-page";

interface RuleEntry {
  alert?: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** The one group a YAML tab's text (or a rule file) holds. */
function groupOf(text: string): { name: string; rules: RuleEntry[] } {
  const parsed = parse(text) as { groups: { name: string; rules: RuleEntry[] }[] };
  const group = parsed.groups[0];
  if (!group) throw new Error(`no group in\n${text}`);
  return group;
}

const ALERT = "DatabaseConnectionsHigh";
const EXPR =
  'fraiseql_db_pool_connections_active{job="fraiseql"} / fraiseql_db_pool_connections_total{job="fraiseql"} > 0.95';

test("a catalog rule edited in the form and in YAML, refused broken, saved, reloaded and exported unchanged", async ({
  page,
  request,
  demoProject,
  consoleGuard,
}) => {
  // No Prometheus runs the new group yet, and the broken save is refused on purpose.
  consoleGuard.allow(/status of 422/);
  const rulesPage = new AlertsRulesPage(page);
  const editor = new AlertsGroupEditor(page);
  const groupName = uniqueName("checks");

  await rulesPage.goto(demoProject.id);
  // The demo Prometheus runs the template's groups: their rules show a live state.
  await expect(
    page
      .locator(
        '[data-testid="rule-live-state"][data-state="inactive"], [data-testid="rule-live-state"][data-state="firing"], [data-testid="rule-live-state"][data-state="pending"]',
      )
      .first(),
  ).toBeVisible();
  await rulesPage.createGroup(groupName);

  let version = await editor.baseVersion();
  await editor.addFromCatalog(ALERT);
  // What the catalog adds is visible: its category label and its generated runbook.
  expect(await editor.labelNames()).toContain("category");
  await expect(page.getByTestId("catalog-runbook")).toContainText(`runbooks/${ALERT}.md`);
  await editor.expectSavedAfter(version);

  // The threshold edited in the form: the YAML tab follows.
  version = await editor.baseVersion();
  await editor.setExpression(EXPR);
  await editor.expectSavedAfter(version);
  const afterForm = groupOf(await editor.yamlText());
  expect(afterForm.rules[0]?.expr).toBe(EXPR);

  // The YAML edited: the form follows.
  const yaml = await editor.yamlText();
  version = await editor.baseVersion();
  await editor.replaceYaml(yaml.replace(/^(\s+)for: .*$/m, "$1for: 10m"));
  await editor.expectSavedAfter(version);
  await editor.showForm();
  await expect(editor.forField).toHaveValue("10m");

  // A `for` of 5x: a message on the field, a marker in the YAML, and nothing broken saved.
  await editor.forField.fill("5x");
  await expect(editor.forIssues).toContainText('bad duration "5x"');
  await expect(editor.saveStatus).toContainText("fix 1 problem to autosave");
  await editor.showYaml();
  await expect(editor.yamlMarkers).toContainText("bad duration");
  await editor.save();
  await expect(page.getByTestId("save-error")).toBeVisible();
  const stored = await request.get(
    `/api/projects/${demoProject.id}/rule-groups/${encodeURIComponent(groupName)}`,
  );
  expect(((await stored.json()).content.rules[0] as { for?: string }).for).toBe("10m");
  await editor.showForm();
  // Back to what is stored: nothing left to save.
  await editor.forField.fill("10m");
  await editor.expectSaved();

  // A reload shows the saved rule.
  await page.reload();
  await editor.openRule(ALERT);
  await expect(editor.forField).toHaveValue("10m");
  const saved = groupOf(await editor.yamlText());
  expect(saved.rules).toHaveLength(1);
  expect(saved.rules[0]).toMatchObject({ alert: ALERT, expr: EXPR, for: "10m" });

  // The rules page lists it, not loaded in the demo Prometheus.
  await rulesPage.goto(demoProject.id);
  await rulesPage.filterName.fill(ALERT);
  await expect(rulesPage.group(groupName).getByTestId("rule-row")).toHaveCount(1);
  await expect(rulesPage.group(groupName).getByTestId("rule-live-state")).toHaveAttribute(
    "data-state",
    "not-loaded",
  );

  // The bundle holds the rule as the YAML tab shows it; the catalog's runbook link is the one addition.
  const overview = new OverviewPage(page);
  await overview.goto(demoProject.id);
  const download = await overview.downloadBundle();
  const { dir, entries } = unzipBundle(new Uint8Array(readFileSync(await download.path())));
  try {
    const root = path.join(dir, "observability");
    const files = entries.filter(
      (entry) => entry.startsWith("observability/prometheus/rules/") && entry.endsWith(".yml"),
    );
    const mine = files
      .map((entry) => ({ entry, group: groupOf(readFileSync(path.join(dir, entry), "utf8")) }))
      .find((candidate) => candidate.group.name === groupName);
    if (!mine) throw new Error(`no rule file for ${groupName} in ${files.join(", ")}`);
    const exported = mine.group.rules[0] as RuleEntry;
    const { runbook_url: runbook, ...annotations } = exported.annotations ?? {};
    expect({ ...exported, annotations }).toEqual(saved.rules[0]);
    expect(runbook).toMatch(new RegExp(`runbooks/${ALERT}\\.md$`));
    const check = runTool("promtool", ["check", "rules", mine.entry.slice("observability/".length)], root);
    expect(check.status, `${check.command}\n${check.output}`).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a rule made from a dashboard panel: the panel's query with its variables resolved, linked both ways", async ({
  page,
  demoProject,
  dashboardPage,
}) => {
  const editor = new AlertsGroupEditor(page);
  await dashboardPage.goto(demoProject.id, "fraiseql-database");
  // The catalog's rules link the panels that graph them: the panel shows them and their state.
  const linked = dashboardPage.panels.filter({ has: page.getByTestId("panel-rules-badge") }).first();
  await expect(linked).toBeVisible();
  const title = (await linked.getAttribute("data-panel-title")) ?? "";
  const badge = dashboardPage.panel(title).getByTestId("panel-rules-badge");
  const before = Number.parseInt((await badge.textContent()) ?? "0", 10);
  await expect(badge).toHaveAttribute("data-state", /^(inactive|pending|firing)$/);

  await dashboardPage.panel(title).hover();
  await dashboardPage.panel(title).getByTestId("panel-create-alert").click();
  const card = page.getByTestId("panel-rule-card");
  await expect(card).toContainText(title);
  await expect(page.getByTestId("panel-rule-expr")).not.toContainText("$");
  const groupName = uniqueName("from panel");
  await page.getByTestId("panel-rule-group").selectOption({ label: "a new group…" });
  await page.getByTestId("panel-rule-new-group").fill(groupName);
  await page.getByTestId("panel-rule-add").click();

  await expect(editor.root).toHaveAttribute("data-group", groupName);
  await expect(page.getByTestId("rule-form")).toBeVisible();
  await expect(page.getByTestId("rule-panel-dashboard")).toHaveValue("fraiseql-database");
  await expect(page.getByTestId("rule-panel-id").locator("option:checked")).toHaveText(title);
  await editor.expectSaved();

  await dashboardPage.goto(demoProject.id, "fraiseql-database");
  await expect(dashboardPage.panel(title).getByTestId("panel-rules-badge")).toContainText(
    `${before + 1} alerts`,
  );
});

test("groups and rules created and deleted from the rules page", async ({ page, demoProject }) => {
  const rulesPage = new AlertsRulesPage(page);
  const editor = new AlertsGroupEditor(page);
  const groupName = uniqueName("scratch");
  await rulesPage.goto(demoProject.id);
  await rulesPage.createGroup(groupName);

  await rulesPage.goto(demoProject.id);
  await rulesPage.group(groupName).getByTestId("group-add-record").click();
  await expect(page.getByTestId("rule-record")).toHaveValue("job:up:sum");
  await editor.expectSaved();
  // The address no longer asks for a new rule: a reload shows the one saved, not another.
  await page.reload();
  await expect(page.getByTestId("group-rule")).toHaveCount(1);

  await rulesPage.goto(demoProject.id);
  const row = rulesPage.group(groupName).getByTestId("rule-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("recording");
  await row.getByTestId("delete-rule").click();
  await page.getByTestId("confirm-delete-confirm").click();
  await expect(row).toHaveCount(0);

  await rulesPage.group(groupName).getByTestId("delete-group").click();
  await page.getByTestId("confirm-delete-confirm").click();
  await expect(rulesPage.group(groupName)).toHaveCount(0);
});
