import { readFileSync } from "node:fs";
import path from "node:path";
import type { Dashboard } from "../lib/model/dashboard";
import { expect, test } from "./dashboard-fixtures";

/**
 * Field overrides in the preview, as Grafana draws them: two panels of node-exporter-full (the
 * corpus's largest dashboard), their overrides as they are there, their queries pointed at the
 * demo Prometheus's data under the legend names the overrides pick. "Network Traffic Basic" mirrors
 * its Tx series below zero (byRegexp /.*Tx.*\/ → negative-Y); "CPU Frequency Scaling" keeps its
 * Max and Min lines out of the legend (custom.hideFrom.legend).
 */

const CORPUS = path.resolve(
  import.meta.dirname,
  "../lib/dashboard/testdata/large/node-exporter-full.grafana.json",
);

type Json = Record<string, unknown>;

function corpusPanel(title: string): Json {
  const dashboard = JSON.parse(readFileSync(CORPUS, "utf8")) as { panels: Json[] };
  const all = dashboard.panels.flatMap((panel) => [panel, ...((panel.panels as Json[] | undefined) ?? [])]);
  const panel = all.find((entry) => entry.title === title);
  if (!panel) throw new Error(`no panel ${title} in the corpus`);
  return panel;
}

const RATE = "sum by (job) (rate(fraiseql_graphql_queries_total[5m]))";

function withTargets(panel: Json, y: number, targets: Array<{ legendFormat: string; expr: string }>): Json {
  return {
    ...panel,
    datasource: { type: "prometheus", uid: "prometheus" },
    gridPos: { x: 0, y, w: 24, h: 9 },
    targets: targets.map((target, index) => ({
      ...target,
      refId: String.fromCharCode(65 + index),
      datasource: { type: "prometheus", uid: "prometheus" },
    })),
  };
}

test("a corpus panel's overrides in the preview: Tx mirrored below zero, Max and Min absent from the legend, the override edited in the form", async ({
  request,
  demoProject,
  dashboardPage,
}) => {
  const grafana = {
    title: "Overrides from node-exporter-full",
    uid: "overrides-preview",
    schemaVersion: 39,
    panels: [
      withTargets(corpusPanel("Network Traffic Basic"), 0, [
        { legendFormat: "Rx {{job}}", expr: RATE },
        { legendFormat: "Tx {{job}}", expr: `0.5 * ${RATE}` },
      ]),
      withTargets(corpusPanel("CPU Frequency Scaling"), 9, [
        { legendFormat: "CPU {{job}}", expr: RATE },
        { legendFormat: "Max", expr: `2 * ${RATE}` },
        { legendFormat: "Min", expr: `0.1 * ${RATE}` },
      ]),
    ],
  };
  const imported = await request.post(`/api/projects/${demoProject.id}/dashboards`, { data: { grafana } });
  expect(imported.status(), await imported.text()).toBe(201);
  const { content } = (await imported.json()) as { content: Dashboard };
  // The overrides are the model's, not raw JSON the preview would pass over.
  for (const panel of content.panels) expect("overrides" in panel && panel.overrides?.length).toBeTruthy();

  await dashboardPage.goto(demoProject.id, content.uid);
  const states = await dashboardPage.settledStates();
  expect([...states.values()].map((panel) => panel.state)).toEqual(["data", "data"]);

  const network = dashboardPage.panel("Network Traffic Basic");
  await expect(network.getByTestId("panel-legend")).toContainText("Rx");
  await expect(network.getByTestId("panel-legend")).toContainText("Tx");
  // Tx drawn below zero: the value axis reaches negative values, and no series of the demo is negative.
  await expect
    .poll(async () =>
      (await network.locator(".dash-axis-tick").allTextContents()).some((text) => /^[-−]\d/.test(text)),
    )
    .toBe(true);

  const cpu = dashboardPage.panel("CPU Frequency Scaling");
  const legend = cpu.getByTestId("panel-legend");
  // Its legend is a table whose columns are Min, Mean and Max: the series are its rows' buttons.
  await expect(legend.locator(".dash-legend-item")).toHaveText([/^CPU /]);
  // Still drawn: hidden from the legend only, three series on the chart.
  await expect(cpu.locator(".dash-ts-serie")).toHaveCount(3);

  // The panel form shows the override; set back to "as is", Tx is drawn above zero again.
  await dashboardPage.openEditor("Network Traffic Basic");
  const overrides = dashboardPage.editor.getByTestId("field-overrides");
  await expect(overrides.getByTestId("override-matcher-option")).toHaveValue("/.*Tx.*/");
  const transform = overrides.getByTestId("override-transform");
  await expect(transform).toHaveValue("negative-Y");
  await transform.selectOption("constant");
  await dashboardPage.expectSaved();
  await dashboardPage.closeEditor();
  await expect
    .poll(async () =>
      (await network.locator(".dash-axis-tick").allTextContents()).some((text) => /^[-−]\d/.test(text)),
    )
    .toBe(false);
});
