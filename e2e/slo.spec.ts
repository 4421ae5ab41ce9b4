import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { startTestPrometheus, type TestPrometheus } from "../lib/alerting/backtest/testing/prometheus";
import { sloTraffic } from "../lib/alerting/slo/testing/slo-traffic";
import { runTool, unzipBundle } from "./bundle-tools";
import { createPreviewProject } from "./dashboard-fixtures";
import { test as base, expect } from "./fixtures";
import { SloPageObject } from "./pages/slo-page";

/**
 * An SLO from the form to the bundle: against a real Prometheus holding a day and a half of
 * backfilled traffic (0.05 % errors on /half, 0.2 % on /over), the page shows half the budget left
 * on one route and twice overspent on the other, explains each alert, warns about an objective that
 * makes a burn rate unreachable, saves a rule group, regenerates it in place with another policy
 * keeping a rule added meanwhile, and the downloaded bundle's rule file passes promtool.
 */

const test = base.extend<{ slos: SloPageObject }, { sloPrometheus: TestPrometheus }>({
  sloPrometheus: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature
    async ({}, use) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), "obsforge-e2e-slo-"));
      const endMs = (Math.floor(Date.now() / 60_000) - 5) * 60_000;
      const prometheus = await startTestPrometheus({
        dir,
        series: sloTraffic(
          [
            { route: "/half", requestsPerMinute: 2000, errorsPerMinute: 1 },
            { route: "/over", requestsPerMinute: 2000, errorsPerMinute: 4 },
          ],
          endMs,
          36,
        ),
      });
      await use(prometheus);
      await prometheus.stop();
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: "worker" },
  ],
  slos: async ({ page }, use) => {
    await use(new SloPageObject(page));
  },
});

interface StoredGroup {
  version: number;
  content: {
    slo?: { policy: string; objective: number };
    rules: Array<{ kind: string; alert?: string; record?: string }>;
  };
}

async function storedGroup(request: APIRequestContext, id: string, name: string): Promise<StoredGroup> {
  const response = await request.get(`/api/projects/${id}/rule-groups/${encodeURIComponent(name)}`);
  expect(response.status(), await response.text()).toBe(200);
  return response.json();
}

test("an SLO shows its live budget and explained alerts, saves as a rule group, regenerates in place, and its bundle passes promtool", async ({
  page,
  request,
  slos,
  sloPrometheus,
}) => {
  const project = await createPreviewProject(request, sloPrometheus.url);
  await slos.goto(project.id);
  await expect(page.getByRole("link", { name: "SLOs", exact: true })).toHaveAttribute("aria-current", "page");

  await slos.name.fill("checkout");
  await slos.events.fill('http_request_errors_total{job="api"}');
  await slos.total.fill('http_requests_total{job="api"}');
  await slos.groupBy.fill("route");
  await slos.objective.fill("99.9");

  await expect(slos.budgetRow("/half")).toContainText("50 %");
  await expect(slos.budgetRow("/over")).toContainText("-100 %");
  await expect(slos.alertWindows.first()).toContainText(
    "Pages when 2 % of the 30-day error budget burns within an hour",
  );
  await expect(slos.alertWindows.last()).toContainText(
    "Opens a ticket when 10 % of the 30-day error budget burns within 3 days",
  );
  await expect(slos.yaml).toContainText("record: slo:errors_per_request:ratio_rate1h");

  await slos.objective.fill("90");
  await expect(slos.warnings.filter({ hasText: "unreachable" })).toHaveCount(1);
  await slos.objective.fill("99.9");
  await expect(slos.warnings.filter({ hasText: "unreachable" })).toHaveCount(0);

  await slos.save();
  const first = await storedGroup(request, project.id, "slo-checkout");
  expect(first.content.slo?.objective).toBe(99.9);
  expect(first.content.rules.map((rule) => rule.record ?? rule.alert)).toEqual([
    "slo:errors_per_request:ratio_rate5m",
    "slo:errors_per_request:ratio_rate30m",
    "slo:errors_per_request:ratio_rate1h",
    "slo:errors_per_request:ratio_rate6h",
    "slo:errors_per_request:ratio_rate3d",
    "CheckoutErrorBudgetBurn",
    "CheckoutErrorBudgetBurn",
  ]);

  // Someone adds a rule of their own to the group; regenerating with Sloth's policy keeps it.
  const own = {
    kind: "alert",
    alert: "CheckoutDown",
    expr: 'up{job="api"} == 0',
    labels: {},
    annotations: {},
  };
  const put = await request.put(`/api/projects/${project.id}/rule-groups/slo-checkout`, {
    data: { version: first.version, content: { ...first.content, rules: [...first.content.rules, own] } },
  });
  expect(put.status(), await put.text()).toBe(200);

  await slos.goto(project.id, "slo-checkout");
  await expect(slos.name).toHaveValue("checkout");
  await slos.policy.selectOption("sloth");
  await expect(slos.yaml).toContainText("sloth_severity: page");
  await slos.save();
  const second = await storedGroup(request, project.id, "slo-checkout");
  expect(second.content.slo?.policy).toBe("sloth");
  const names = second.content.rules.map((rule) => rule.record ?? rule.alert);
  expect(names.filter((name) => name?.startsWith("slo:errors_per_request"))).toEqual([]);
  expect(names.filter((name) => name?.startsWith("slo:sli_error:ratio_rate"))).toHaveLength(7);
  expect(names.at(-1)).toBe("CheckoutDown");

  const bundle = await request.get(`/api/projects/${project.id}/bundle`);
  expect(bundle.status()).toBe(200);
  const { dir, entries } = unzipBundle(new Uint8Array(await bundle.body()));
  try {
    const ruleFile = entries.find(
      (entry) =>
        entry.includes("rules") && readFileSync(path.join(dir, entry), "utf8").includes("slo-checkout"),
    );
    expect(ruleFile, entries.join("\n")).toBeDefined();
    const check = runTool("promtool", ["check", "rules", ruleFile ?? ""], dir);
    expect(check.status, `${check.command}\n${check.output}`).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
