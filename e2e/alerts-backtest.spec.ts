import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { parse } from "yaml";
import {
  type SampledSeries,
  startTestPrometheus,
  type TestPrometheus,
} from "../lib/alerting/backtest/testing/prometheus";
import { runTool, unzipBundle } from "./bundle-tools";
import { createPreviewProject } from "./dashboard-fixtures";
import { test as base, expect, uniqueName } from "./fixtures";
import { AlertsGroupEditor } from "./pages/alerts-group-editor";
import { AlertsRulesPage } from "./pages/alerts-rules-page";
import { OverviewPage } from "./pages/overview-page";

/**
 * The alert designer's history half in the browser: a catalog rule backtested against backfilled
 * data, its threshold edited and the count compared, a window turned into test cases that the
 * server's promtool and the downloaded bundle's promtool both pass; and a real rule file pasted
 * into the import dialog comes back out of the bundle key for key.
 */

const ALERT = "DatabaseConnectionsHigh";
const TARGET = { job: "fraiseql", instance: "app:8000" };
const STEP_MS = 15_000;
const HOURS = 6;

/**
 * The pool the catalog rule watches (active / total > 0.8 for 2m), over six hours: every 40
 * minutes a 10-minute burst, alternately at 90 % (above 0.8) and 75 % (above 0.7 only), else 40 %.
 * So the saved rule fires on the 90 % bursts, and a threshold of 0.7 fires on every burst.
 */
function poolSeries(endMs: number): SampledSeries[] {
  const startMs = endMs - HOURS * 3_600_000;
  const active: [number, number][] = [];
  const total: [number, number][] = [];
  for (let t = startMs; t <= endMs; t += STEP_MS) {
    const minute = Math.floor((t - startMs) / 60_000);
    const burst = minute % 40 >= 20 && minute % 40 < 30;
    const high = Math.floor(minute / 40) % 2 === 0;
    active.push([t, burst ? (high ? 18 : 15) : 8]);
    total.push([t, 20]);
  }
  return [
    { labels: { __name__: "fraiseql_db_pool_connections_active", ...TARGET }, samples: active },
    { labels: { __name__: "fraiseql_db_pool_connections_total", ...TARGET }, samples: total },
  ];
}

const test = base.extend<object, { poolPrometheus: TestPrometheus }>({
  poolPrometheus: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature
    async ({}, use) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), "obsforge-e2e-backtest-"));
      const endMs = (Math.floor(Date.now() / 60_000) - 2) * 60_000;
      const prometheus = await startTestPrometheus({ dir, series: poolSeries(endMs) });
      await use(prometheus);
      await prometheus.stop();
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: "worker", timeout: 120_000 },
  ],
});

/** "would have fired 4 times on 1 series, …" → 4 (0 for "would not have fired"). */
function firedCount(summary: string): number {
  const match = /would have fired (\d+|once|twice)/.exec(summary);
  if (!match) return 0;
  if (match[1] === "once") return 1;
  if (match[1] === "twice") return 2;
  return Number(match[1]);
}

async function downloadBundle(page: Page, projectId: string): Promise<{ dir: string; entries: string[] }> {
  const overview = new OverviewPage(page);
  await overview.goto(projectId);
  const download = await overview.downloadBundle();
  return unzipBundle(new Uint8Array(readFileSync(await download.path())));
}

test("a catalog rule backtested, its threshold compared, a window made into tests that promtool passes in the app and in the bundle", async ({
  page,
  request,
  poolPrometheus,
}) => {
  test.setTimeout(180_000);
  const project = await createPreviewProject(request, poolPrometheus.url);
  const rulesPage = new AlertsRulesPage(page);
  const editor = new AlertsGroupEditor(page);
  const groupName = uniqueName("pool");
  await rulesPage.goto(project.id);
  await rulesPage.createGroup(groupName);
  const version = await editor.baseVersion();
  await editor.addFromCatalog(ALERT);
  await editor.expectSavedAfter(version);

  // The catalog's own cases are there already.
  const tests = page.getByTestId("rule-tests");
  await expect(tests.getByTestId("rule-test-case").first()).toBeVisible();
  const catalogCases = await tests.getByTestId("rule-test-case").count();

  // The saved rule over the last 24 h: the 90 % bursts.
  const backtest = page.getByTestId("backtest-panel");
  await backtest.getByRole("button", { name: "Backtest", exact: true }).click();
  const saved = backtest.getByTestId("backtest-summary-saved");
  await expect(saved).toContainText("would have fired");
  const savedCount = firedCount((await saved.textContent()) ?? "");
  expect(savedCount).toBeGreaterThan(0);

  // A lower threshold beside it: every burst.
  await backtest.getByLabel("Edited threshold").fill("0.7");
  await backtest.getByRole("button", { name: "Backtest", exact: true }).click();
  const edited = backtest.getByTestId("backtest-summary-edited");
  await expect(edited).toContainText("would have fired");
  await expect.poll(async () => firedCount((await edited.textContent()) ?? "")).toBeGreaterThan(savedCount);
  await expect.poll(async () => firedCount((await saved.textContent()) ?? "")).toBe(savedCount);

  // The window as a test: promtool passes it on the server; its cases join the rule's tests.
  let before = await editor.baseVersion();
  await backtest.getByRole("button", { name: "Generate test case from this window" }).click();
  const generated = backtest.getByTestId("backtest-test-case");
  await expect(generated).toContainText("promtool test rules passes this test.", { timeout: 60_000 });
  await generated.getByRole("button", { name: /^Add \d+ test cases? to the rule$/ }).click();
  await expect(tests.getByTestId("rule-test-case")).toHaveCount(catalogCases + 2);
  await expect(tests.getByTestId("rule-test-case").last()).toContainText("from the backtest of");
  await editor.expectSavedAfter(before);

  // Run from the editor: each case's verdict.
  await tests.getByRole("button", { name: "Run tests" }).click();
  await expect(tests.getByTestId("rule-tests-summary")).toHaveText(`All ${catalogCases + 2} cases pass.`, {
    timeout: 60_000,
  });
  await expect(tests.locator('[data-testid="rule-test-case"][data-result="passed"]')).toHaveCount(
    catalogCases + 2,
  );

  // A wrong expectation (the last case, a quiet one, said to fire) fails with promtool's own words.
  const quiet = tests.getByTestId("rule-test-case").last();
  await expect(quiet).toContainText("stays quiet");
  const fires = quiet.getByLabel("The alert fires at the evaluation time");
  before = await editor.baseVersion();
  await fires.check();
  await editor.expectSavedAfter(before);
  await tests.getByRole("button", { name: "Run tests" }).click();
  await expect(quiet).toHaveAttribute("data-result", "failed", { timeout: 60_000 });
  await expect(quiet.getByTestId("rule-test-result")).toContainText("FAILED");
  await expect(tests.getByTestId("rule-tests-summary")).toHaveText(`1 of ${catalogCases + 2} cases fail.`);
  before = await editor.baseVersion();
  await fires.uncheck();
  await editor.expectSavedAfter(before);

  // promtool's values notation is checked as it is typed (the same check promtool's parser makes):
  // the field says what is wrong and where; putting the text back clears it.
  const values = quiet.getByLabel("Values 1");
  const typed = await values.inputValue();
  await values.fill("0+10");
  await expect(quiet).toContainText("column 5: expected x and a repetition count after 0+…, such as 0+10x30");
  await values.fill(typed);
  await expect(quiet).not.toContainText("expected x and a repetition count");

  // The bundle's test files pass promtool test rules as they are.
  const { dir, entries } = await downloadBundle(page, project.id);
  try {
    const root = path.join(dir, "observability");
    const testFiles = entries
      .filter((entry) => entry.startsWith("observability/prometheus/tests/") && entry.endsWith(".yml"))
      .map((entry) => entry.slice("observability/".length));
    const mine = testFiles.filter((file) =>
      readFileSync(path.join(root, file), "utf8").includes("from the backtest of"),
    );
    expect(mine).toHaveLength(1);
    const run = runTool("promtool", ["test", "rules", ...testFiles], root);
    expect(run.status, `${run.command}\n${run.output}`).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A real-world-shaped rule file: every key the model carries, in the order people write them. */
const RULE_FILE = (group: string): string => `groups:
  - name: ${group}
    interval: 30s
    limit: 10
    rules:
      - record: job:http_requests:rate5m
        expr: sum by (job) (rate(http_requests_total[5m]))
        labels:
          team: web
      - alert: JvmNon-heapMemoryFillingUp
        expr: jvm_memory_bytes_used{area="nonheap"} / jvm_memory_bytes_max{area="nonheap"} * 100 > 80
        for: 2m
        keep_firing_for: 5m
        labels:
          severity: warning
          squad: "platform [eu]"
        annotations:
          message: "{{ $labels.instance }} non-heap at {{ $value | humanize }}%"
          dashboard: https://grafana.example.com/d/jvm
      - alert: HighErrorRate
        expr: |
          sum by (job) (rate(http_requests_total{code=~"5.."}[5m]))
            / sum by (job) (rate(http_requests_total[5m])) > 0.05
        labels:
          severity: page
        annotations:
          summary: "{{ with $labels.job }}{{ . }}{{ end }} errors at {{ $value | humanizePercentage }}"
`;

test("a rule file pasted into the import dialog comes out of the bundle unchanged, key for key", async ({
  page,
  request,
  poolPrometheus,
}) => {
  const projectId = (await createPreviewProject(request, poolPrometheus.url)).id;
  const groupName = uniqueName("imported.rules");
  const input = RULE_FILE(groupName);

  const rulesPage = new AlertsRulesPage(page);
  await rulesPage.goto(projectId);
  await page.getByTestId("import-rule-file-open").click();
  await page.getByTestId("import-rule-file-text").fill(input);
  await page.getByTestId("import-rule-file-confirm").click();
  await expect(page.getByTestId("import-rule-file-report")).toContainText("imported");
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(rulesPage.group(groupName).getByTestId("rule-row").first()).toBeVisible();
  await expect(rulesPage.group(groupName).getByTestId("rule-row")).toHaveCount(3);

  const { dir, entries } = await downloadBundle(page, projectId);
  try {
    const root = path.join(dir, "observability");
    const ruleFiles = entries
      .filter((entry) => entry.startsWith("observability/prometheus/rules/") && entry.endsWith(".yml"))
      .map((entry) => entry.slice("observability/".length));
    const exported = ruleFiles
      .map((file) => ({ file, content: parse(readFileSync(path.join(root, file), "utf8")) }))
      .find((candidate) => candidate.content?.groups?.[0]?.name === groupName);
    if (!exported) throw new Error(`no rule file for ${groupName} in ${ruleFiles.join(", ")}`);
    // Same groups, names, expressions, durations, labels and annotations: nothing added, nothing lost.
    expect(exported.content).toEqual(parse(input));
    const check = runTool("promtool", ["check", "rules", exported.file], root);
    expect(check.status, `${check.command}\n${check.output}`).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
