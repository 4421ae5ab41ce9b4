import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectFromTemplate } from "../catalog/templates";
import { fuzzCrashes, mutateValue, seededRandom } from "./fuzz/mutate";
import { convertPastedDashboard, convertPastedPanel } from "./grafana-paste";

/**
 * Mutated Grafana panels and dashboards pasted into the designer (it runs in the browser, so a
 * crash there breaks the editor): converted, refused with markers, or not Grafana's; never a throw.
 */

const TESTDATA = path.join(import.meta.dirname, "..", "dashboard", "testdata");
const modern = (
  JSON.parse(readFileSync(path.join(TESTDATA, "modern.grafana.json"), "utf8")) as {
    dashboard: { panels: unknown[] };
  }
).dashboard;
const project = projectFromTemplate({ name: "Shop", level: "basic" });
const dashboard = project.dashboards[0];
const panel = dashboard?.panels.find((entry) => entry.type !== "row");

function* mutated(
  count: number,
  seed: number,
  of: () => unknown,
): Generator<{ label: string; input: unknown }> {
  const random = seededRandom(seed);
  for (let n = 0; n < count; n++) yield { label: `#${n} (seed ${seed})`, input: mutateValue(of(), random) };
}

describe("Grafana JSON pasted into the designer under fuzzing", () => {
  it("has a dashboard and a panel to paste over", () => {
    expect(dashboard && panel).toBeTruthy();
  });

  it("takes 500 mutated panels without a throw", () => {
    if (!dashboard || !panel) return;
    let index = 0;
    const panels = modern.panels.filter((entry) => (entry as { type?: string }).type !== "row");
    const inputs = mutated(500, 21, () => panels[index++ % panels.length]);
    expect(
      fuzzCrashes(inputs, (json) => convertPastedPanel(json, project, dashboard, panel), []).slice(0, 5),
    ).toEqual([]);
  });

  it("takes 300 mutated dashboards without a throw", () => {
    expect(
      fuzzCrashes(
        mutated(300, 22, () => modern),
        (json) => convertPastedDashboard(json, project, "pasted"),
        [],
      ).slice(0, 5),
    ).toEqual([]);
  });
});
