import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { toYaml } from "../lib/generate/yaml";
import type { Dashboard } from "../lib/model/dashboard";
import { panelTargets } from "../lib/model/panel";
import { freePort, type RunningProcess, startProcess, waitFor } from "../lib/testing/processes";
import { unzipBundle } from "./bundle-tools";
import { createPreviewProject } from "./dashboard-fixtures";
import { test as base, expect } from "./fixtures";
import { DashboardPage } from "./pages/dashboard-page";

/**
 * The most popular public dashboard, node-exporter-full as Grafana exports it, imported through the
 * API and previewed against a real Prometheus scraping Debian's real node exporter on loopback:
 * every panel whose queries return data draws them, none shows an error, and a threshold edited in
 * the designer (85 → 50) is what the downloaded bundle's dashboard JSON says.
 */

const DASHBOARD_FILE = path.resolve(
  import.meta.dirname,
  "../lib/dashboard/testdata/large/node-exporter-full.grafana.json",
);

interface NodePrometheus {
  url: string;
  /** The labels the dashboard's variables pick the node by. */
  job: string;
  nodename: string;
  instance: string;
}

/** An instant query straight to Prometheus: its result, or undefined when it failed. */
async function instant(url: string, query: string): Promise<{ metric: Record<string, string> }[]> {
  const response = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(query)}`);
  const body = (await response.json()) as { data?: { result?: { metric: Record<string, string> }[] } };
  return body.data?.result ?? [];
}

const test = base.extend<{ dashboardPage: DashboardPage }, { nodePrometheus: NodePrometheus }>({
  nodePrometheus: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature
    async ({}, use) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), "obsforge-e2e-node-exporter-"));
      const exporterPort = await freePort();
      const prometheusPort = await freePort();
      const started: RunningProcess[] = [];
      try {
        started.push(
          startProcess("prometheus-node-exporter", [`--web.listen-address=127.0.0.1:${exporterPort}`]),
        );
        const config = path.join(dir, "prometheus.yml");
        writeFileSync(
          config,
          toYaml({
            // Scraped often, so rate() over the dashboard's $__rate_interval has samples within seconds.
            global: { scrape_interval: "5s", evaluation_interval: "5s" },
            scrape_configs: [
              { job_name: "node", static_configs: [{ targets: [`127.0.0.1:${exporterPort}`] }] },
              { job_name: "prometheus", static_configs: [{ targets: [`127.0.0.1:${prometheusPort}`] }] },
            ],
          }),
        );
        const prometheus = startProcess("prometheus", [
          `--config.file=${config}`,
          `--storage.tsdb.path=${path.join(dir, "tsdb")}`,
          `--web.listen-address=127.0.0.1:${prometheusPort}`,
        ]);
        started.push(prometheus);
        const url = `http://127.0.0.1:${prometheusPort}`;
        const explain = (): string => started.map((process) => process.output()).join("\n---\n");
        // Ready once a rate over the node's counters has two samples, and the node is known.
        const uname = await waitFor(
          async () => {
            if (started.some((process) => process.process.exitCode !== null)) throw new Error("exited");
            const rates = await instant(url, 'rate(node_cpu_seconds_total{job="node"}[1m])');
            const nodes = await instant(url, 'node_uname_info{job="node"}');
            return rates.length > 0 ? nodes[0]?.metric : undefined;
          },
          60_000,
          explain,
        );
        await use({
          url,
          job: "node",
          nodename: uname.nodename ?? "",
          instance: uname.instance ?? `127.0.0.1:${exporterPort}`,
        });
      } finally {
        for (const process of started.reverse()) await process.stop();
        rmSync(dir, { recursive: true, force: true });
      }
    },
    { scope: "worker", timeout: 120_000 },
  ],
  dashboardPage: async ({ page }, use) => use(new DashboardPage(page)),
});

/** Whether a preview answer holds a sample a chart can draw (not every value NaN). */
function holdsData(body: unknown): boolean {
  const data = (body as { data?: { resultType?: string; result?: unknown } } | null)?.data;
  const drawable = (value: unknown): boolean => typeof value === "string" && value !== "NaN";
  if (data?.resultType === "matrix")
    return (data.result as { values: [number, string][] }[]).some((series) =>
      series.values.some(([, value]) => drawable(value)),
    );
  if (data?.resultType === "vector")
    return (data.result as { value: [number, string] }[]).some((sample) => drawable(sample.value[1]));
  if (data?.resultType === "scalar") return drawable((data.result as [number, string])[1]);
  return false;
}

/** Every panel query's answer, by the expression the panel sent: whether some answer held data. */
function recordAnswers(page: Page): Map<string, boolean> {
  const answers = new Map<string, boolean>();
  page.on("response", async (response) => {
    if (!/\/preview\/query(_range)?$/.test(new URL(response.url()).pathname)) return;
    const query = (response.request().postDataJSON() as { query?: string } | null)?.query ?? "";
    const body: unknown = await response.json().catch(() => null);
    answers.set(query, (answers.get(query) ?? false) || holdsData(body));
  });
  return answers;
}

test.describe.configure({ timeout: 480_000 });

test("node-exporter-full against a real node exporter: panels with data draw it, and a threshold edit reaches the bundle", async ({
  page,
  request,
  nodePrometheus,
  dashboardPage,
}) => {
  const project = await createPreviewProject(request, nodePrometheus.url);
  const grafana: unknown = JSON.parse(readFileSync(DASHBOARD_FILE, "utf8"));
  const imported = await request.post(`/api/projects/${project.id}/dashboards`, { data: { grafana } });
  expect(imported.status(), await imported.text()).toBe(201);
  const { content: dashboard, report } = (await imported.json()) as {
    content: Dashboard;
    report: { panels: { total: number; editable: number } };
  };
  expect(report.panels.editable).toBe(report.panels.total);

  const answers = recordAnswers(page);
  await page.setViewportSize({ width: 1400, height: 900 });
  const view = new URLSearchParams({
    from: "now-15m",
    to: "now",
    // The dashboard refreshes every minute: off, so the panels settle once.
    refresh: "",
    "var-job": nodePrometheus.job,
    "var-nodename": nodePrometheus.nodename,
    "var-node": nodePrometheus.instance,
  });
  await page.goto(`/projects/${project.id}/dashboards/${dashboard.uid}?${view}`);
  await expect(dashboardPage.designer).toBeVisible();
  // Every row expanded (in the view only: viewing never writes), so every panel is on the grid.
  const rows = dashboard.panels.filter((panel) => panel.type === "row");
  await expect(page.getByTestId("dashboard-row")).toHaveCount(rows.length);
  const collapsed = page.locator('[data-testid="dashboard-row"][data-collapsed="true"]');
  for (let left = await collapsed.count(); left > 0; left--) {
    await collapsed.first().getByTestId("row-toggle").click();
    await expect(collapsed).toHaveCount(left - 1);
  }
  const panels = dashboard.panels.filter((panel) => panel.type !== "row");
  await expect(dashboardPage.panels).toHaveCount(panels.length);

  // 125 panels, six queries in flight at a time: minutes on a busy two-core machine.
  const states = await dashboardPage.settledStates(240_000);
  const errors = [...states].filter(([, panel]) => panel.state === "error").map(([title]) => title);
  expect(errors, "panels showing an error").toEqual([]);
  // The oracle is what Prometheus answered: a panel with a query that returned samples draws them.
  const silent = panels.filter((panel) => {
    const drawnQueries = panelTargets(panel).filter((target) => target.kind === "promql" && !target.hide);
    const answered = drawnQueries.some((target) => target.kind === "promql" && answers.get(target.expr));
    return answered && states.get(panel.title)?.state !== "data";
  });
  expect(
    silent.map((panel) => `${panel.title}: ${states.get(panel.title)?.state}`),
    "panels whose queries returned data but that do not draw it",
  ).toEqual([]);
  const drawn = [...states.values()].filter((panel) => panel.state === "data").length;
  expect(drawn, "panels drawing data").toBeGreaterThan(40);

  // The gauge's 85 % step becomes 50 % in the form; the saved project and the bundle say 50.
  const title = "CPU Busy";
  const before = panels.find((panel) => panel.title === title);
  expect(before && "thresholds" in before ? before.thresholds?.steps.map((step) => step.value) : []).toEqual([
    null,
    85,
    95,
  ]);
  await dashboardPage.openEditor(title);
  const step = dashboardPage.editor.getByLabel("Value of step 2");
  await expect(step).toHaveValue("85");
  await step.fill("50");
  await dashboardPage.expectSaved();
  await dashboardPage.closeEditor();

  await page.goto(`/projects/${project.id}`);
  const downloading = page.waitForEvent("download");
  await page.getByTestId("download-bundle").click();
  const zip = await (await downloading).path();
  const { dir, entries } = unzipBundle(new Uint8Array(readFileSync(zip)));
  try {
    const entry = entries.find((name) => name.endsWith(`grafana/dashboards/${dashboard.uid}.json`));
    expect(entry, entries.join("\n")).toBeDefined();
    const exported = JSON.parse(readFileSync(path.join(dir, entry ?? ""), "utf8")) as {
      panels: { title?: string; panels?: unknown[]; fieldConfig?: unknown }[];
    };
    const all = exported.panels.flatMap((panel) => [
      panel,
      ...((panel.panels ?? []) as (typeof exported.panels)[number][]),
    ]);
    const gauge = all.find((panel) => panel.title === title) as
      | { fieldConfig: { defaults: { thresholds: { steps: { value: number | null }[] } } } }
      | undefined;
    expect(gauge?.fieldConfig.defaults.thresholds.steps.map((entry) => entry.value)).toEqual([null, 50, 95]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
