import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { expectGolden } from "../../generate/golden";
import { toGrafanaDashboard } from "../../generate/grafana";
import { smallProject } from "../../generate/testdata/small-project";
import { toJson } from "../../generate/yaml";
import { importGrafanaDashboard } from "./import-dashboard";
import { gridHeight, upgradeToGridLayout } from "./legacy-rows";

const TESTDATA = path.join(import.meta.dirname, "..", "testdata");

function fixture(name: string): { rows: unknown[] } {
  return JSON.parse(readFileSync(path.join(TESTDATA, "legacy-rows", `${name}.grafana.json`), "utf8"));
}

describe("gridHeight, Grafana's getGridHeight", () => {
  it.each([
    ["250px", 7],
    [250, 7],
    ["100px", 3],
    [300, 8],
    ["50px", 3],
    [38, 3],
  ])("%s is %i grid units", (height, units) => {
    expect(gridHeight(height)).toBe(units);
  });
});

describe.each(["spans-and-heights", "titled-and-collapsed"])("the rows[] layout of %s", (name) => {
  const json = fixture(name);
  const project = smallProject();
  const result = importGrafanaDashboard(json, project);

  it("converts as Grafana's upgradeToGridLayout does, and imports (golden files)", () => {
    const layout = upgradeToGridLayout(json.rows);
    const panels = result.dashboard.panels.map((panel) => ({
      id: panel.id,
      type: panel.type,
      title: panel.title,
      gridPos: panel.gridPos,
      ...(panel.type === "row" ? { collapsed: panel.collapsed } : {}),
    }));
    expectGolden(TESTDATA, `legacy-rows/${name}`, [
      { path: "converted.grafana.json", content: toJson(layout) },
      { path: "imported-layout.json", content: toJson(panels) },
      {
        path: "import-report.json",
        content: toJson({ unmapped: result.unmapped, warnings: result.warnings }),
      },
    ]);
  });

  it("imports its own export to the same model", () => {
    const exported = toGrafanaDashboard(project, result.dashboard);
    expect(importGrafanaDashboard(JSON.parse(JSON.stringify(exported)), project).dashboard).toEqual(
      result.dashboard,
    );
  });
});
