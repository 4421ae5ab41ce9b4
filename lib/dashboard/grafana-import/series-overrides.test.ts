import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { expectGolden } from "../../generate/golden";
import { toGrafanaDashboard } from "../../generate/grafana";
import { smallProject } from "../../generate/testdata/small-project";
import { toJson } from "../../generate/yaml";
import { convertGraph } from "../../panels/timeseries/legacy";
import { importGrafanaDashboard } from "./import-dashboard";
import { getPath, isPlainObject, type JsonObject } from "./json";

/**
 * Legacy graph `seriesOverrides` as time series field overrides, as Grafana's graph migration
 * converts them: one small graph panel per case in testdata/series-overrides/, plus the graph panels
 * of the corpus's rabbitmq dashboard (colours by regex), each with golden files.
 */

const TESTDATA = path.join(import.meta.dirname, "..", "testdata");
const CASES = path.join(TESTDATA, "series-overrides");

function load(file: string): JsonObject {
  return JSON.parse(readFileSync(file, "utf8")) as JsonObject;
}

function graphsOf(panels: unknown): JsonObject[] {
  if (!Array.isArray(panels)) return [];
  return panels
    .filter(isPlainObject)
    .flatMap((panel) => [...(panel.type === "graph" ? [panel] : []), ...graphsOf(panel.panels)]);
}

const rabbitmq = load(path.join(TESTDATA, "corpus", "rabbitmq-quorum-queues-raft.grafana.json"));

const FIXTURES: Array<{ name: string; panels: JsonObject[] }> = [
  ...readdirSync(CASES)
    .filter((name) => name.endsWith(".graph.json"))
    .sort()
    .map((name) => ({ name: name.replace(/\.graph\.json$/, ""), panels: [load(path.join(CASES, name))] })),
  {
    name: "rabbitmq-quorum-queues-raft",
    panels: graphsOf(rabbitmq.panels).filter((panel) => Array.isArray(panel.seriesOverrides)),
  },
];

describe.each(FIXTURES)("series overrides of $name", ({ name, panels }) => {
  const conversions = panels.map((panel) => ({ id: panel.id, ...convertGraph(panel) }));

  it("convert to field overrides (golden files)", () => {
    expectGolden(TESTDATA, `series-overrides/${name}`, [
      {
        path: "overrides.json",
        content: toJson(
          conversions.map(({ id, panel, notes }) => ({
            id,
            overrides: (panel.fieldConfig as JsonObject).overrides,
            notes: notes.filter((note) => note.key === "seriesOverrides"),
          })),
        ),
      },
    ]);
    for (const { panel } of conversions) expect(panel.seriesOverrides).toBeUndefined();
  });

  it("become the model's overrides (none kept raw), reach the export verbatim, and the report says how many were converted", () => {
    const project = smallProject();
    const dashboard = { title: name, uid: "series-overrides", schemaVersion: 27, panels };
    const result = importGrafanaDashboard(dashboard, project);
    const exported = toGrafanaDashboard(project, result.dashboard) as unknown as { panels: JsonObject[] };
    for (const [index, { panel }] of conversions.entries()) {
      const out = exported.panels.find((entry) => entry.id === panels[index]?.id);
      expect(out?.type).toBe("timeseries");
      expect(getPath(out, "fieldConfig.overrides")).toEqual((panel.fieldConfig as JsonObject).overrides);
      const model = result.dashboard.panels.find((entry) => entry.id === panels[index]?.id);
      const overrides = model && "overrides" in model ? model.overrides : undefined;
      expect(overrides ?? []).toEqual((panel.fieldConfig as JsonObject).overrides);
      expect(getPath(model?.extra ?? {}, "fieldConfig.overrides")).toBeUndefined();
    }
    expect(result.unmapped.filter((entry) => entry.what.startsWith("converted "))).not.toEqual([]);
  });
});

describe("a schemaVersion 12 graph's grid thresholds", () => {
  it("become thresholds, as DashboardMigrator's schemaVersion 13 step moves them, and the grid goes", () => {
    const { panel, notes } = convertGraph(load(path.join(CASES, "grid-thresholds.graph.json")));
    expect(getPath(panel, "fieldConfig.defaults.thresholds")).toEqual({
      mode: "absolute",
      steps: [
        { color: "transparent", value: null },
        { color: "rgba(216, 200, 27, 0.27)", value: 80 },
        { color: "rgba(234, 112, 112, 0.22)", value: 95 },
      ],
    });
    expect(getPath(panel, "fieldConfig.defaults.custom.thresholdsStyle")).toEqual({ mode: "area" });
    expect(panel.grid).toBeUndefined();
    expect(notes.filter((note) => note.key === "grid")).toEqual([]);
  });
});
