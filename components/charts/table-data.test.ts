import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importGrafanaDashboard } from "@/lib/dashboard/grafana-import/import-dashboard";
import type { Series } from "@/lib/dashboard/series";
import { parseProject } from "@/lib/model";
import { tableData } from "./table-data";
import type { PanelOfType } from "./visualization-props";

const project = parseProject({
  name: "Corpus",
  datasources: [{ uid: "prometheus", name: "Prometheus", type: "prometheus", isDefault: true }],
  receivers: [{ name: "default" }],
});

/** ingress-nginx's table-old, migrated: a merge of five instant queries, its column styles as overrides. */
function ingressTable(): PanelOfType<"table"> {
  const file = path.join(
    import.meta.dirname,
    "..",
    "..",
    "lib",
    "dashboard",
    "testdata",
    "corpus",
    "ingress-nginx.grafana.json",
  );
  const { dashboard } = importGrafanaDashboard(JSON.parse(readFileSync(file, "utf8")), project);
  const panel = dashboard.panels.find(
    (entry) => entry.title === "Ingress Percentile Response Times and Transfer Rates",
  );
  if (panel?.type !== "table") throw new Error("no table");
  return panel;
}

const at = 1_700_000_000_000;

describe("tableData", () => {
  it("merges the queries into a row per ingress and applies the column overrides: names, units, hidden", () => {
    const panel = ingressTable();
    const series: Series[] = panel.targets.flatMap((target, index) =>
      ["shop", "api"].map((ingress) => ({
        key: `${target.refId}:${ingress}`,
        name: ingress,
        refId: target.refId,
        labels: { ingress },
        points: [[at, index + 1]] as [number, number][],
      })),
    );
    const data = tableData(panel, series, { timeZone: "UTC", locale: "en-US" });
    expect(data.skipped).toEqual([]);
    expect(data.rows).toHaveLength(2);
    const headers = data.columns.map((column) => column.header);
    expect(headers).toContain("Ingress");
    expect(headers).not.toContain("ingress");
    // Each query's value column under the name its style gave it, in its unit.
    const p50 = data.columns.findIndex((column) => column.header === "P50 Latency");
    expect(p50).toBeGreaterThan(-1);
    expect(data.columns[p50]?.display.unit).toBe("dtdurations");
    expect(
      data.rows[0]?.cells[data.columns.findIndex((column) => column.header === "Ingress")]?.shown.text,
    ).toBe("shop");
  });
});
