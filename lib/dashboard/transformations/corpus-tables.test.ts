import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseProject, type Panel } from "../../model";
import { importGrafanaDashboard } from "../grafana-import/import-dashboard";
import type { Series } from "../series";
import { applyTransformations } from "./apply";
import type { DataFrame } from "./frame";

/** The corpus's tables, imported, with the transformations they carry applied to made-up instant results. */

const project = parseProject({
  name: "Corpus",
  datasources: [{ uid: "prometheus", name: "Prometheus", type: "prometheus", isDefault: true }],
  receivers: [{ name: "default" }],
});

function panelOf(file: string, title: string): Panel {
  const json = JSON.parse(
    readFileSync(path.join(import.meta.dirname, "..", "testdata", "corpus", file), "utf8"),
  );
  const panel = importGrafanaDashboard(json, project).dashboard.panels.find((entry) => entry.title === title);
  if (!panel) throw new Error(`no panel ${title}`);
  return panel;
}

const at = 1_700_000_000_000;
const instant = (refId: string, labels: Record<string, string>, value: number): Series => ({
  key: `${refId}:${JSON.stringify(labels)}`,
  name: JSON.stringify(labels),
  refId,
  labels,
  points: [[at, value]],
});

function columns(frame: DataFrame | undefined): Record<string, unknown[]> {
  return Object.fromEntries((frame?.fields ?? []).map((field) => [field.name, field.values]));
}

describe("ingress-nginx: a table-old with the 'table' transform, migrated to a merge", () => {
  const panel = panelOf("ingress-nginx.grafana.json", "Ingress Percentile Response Times and Transfer Rates");
  const refIds = "targets" in panel ? panel.targets.map((target) => target.refId) : [];

  it("merges the queries' instant results into one row per ingress, a value column per query", () => {
    expect(panel.extra?.transformations).toEqual([{ id: "merge", options: {} }]);
    const series = refIds.flatMap((refId, index) => [
      instant(refId, { ingress: "shop" }, index + 1),
      instant(refId, { ingress: "api" }, 10 * (index + 1)),
    ]);
    const { frames, skipped } = applyTransformations(series, panel.extra?.transformations);
    expect(skipped).toEqual([]);
    expect(frames).toHaveLength(1);
    expect(columns(frames[0])).toEqual({
      Time: [at, at],
      ingress: ["shop", "api"],
      ...Object.fromEntries(refIds.map((refId, index) => [`Value #${refId}`, [index + 1, 10 * (index + 1)]])),
    });
  });
});

describe("otel-demo-spanmetrics: join by span_name, organize, calculate, organize, sort", () => {
  const panel = panelOf("otel-demo-spanmetrics.grafana.json", "Top 7 span_names and Errors  (APM Table)");

  // Its queries' refIds "Rate" and "Error Rate" are A and B in the model; its transformations follow.
  it("gives the table Grafana shows: span, rate, error rate, services, sorted by rate", () => {
    const [rate, errors] = "targets" in panel ? panel.targets.map((target) => target.refId) : [];
    expect([rate, errors]).toEqual(["A", "B"]);
    const series = [
      instant("A", { span_name: "GET /", service_name: "frontend" }, 5),
      instant("A", { span_name: "POST /cart", service_name: "cart" }, 9),
      instant("B", { span_name: "POST /cart", service_name: "cart" }, 1),
    ];
    const { frames, skipped } = applyTransformations(series, panel.extra?.transformations);
    expect(skipped).toEqual([]);
    expect(frames).toHaveLength(1);
    expect(columns(frames[0])).toEqual({
      "span_name Name": ["POST /cart", "GET /"],
      Rate: [9, 5],
      "Error Rate": [1, 0],
      Service: ["cart", "frontend"],
      "Error Rate in Service": ["cart", null],
    });
  });
});
