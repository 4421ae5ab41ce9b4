import type { Dashboard as GrafanaDashboard, Panel as GrafanaPanel, RowPanel } from "@grafana/schema";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { expectGolden } from "../golden";
import { smallProject } from "../testdata/small-project";
import { generateGrafana, toGrafanaDashboard } from "./index";

type AnyPanel = GrafanaPanel | RowPanel;

function isRow(panel: AnyPanel): panel is RowPanel {
  return panel.type === "row";
}

/** Top-level panels plus those kept inside collapsed rows. */
function allPanels(dashboard: GrafanaDashboard): AnyPanel[] {
  return (dashboard.panels ?? []).flatMap((panel) => (isRow(panel) ? [panel, ...panel.panels] : [panel]));
}

function overlaps(a: AnyPanel, b: AnyPanel): boolean {
  const p = a.gridPos;
  const q = b.gridPos;
  if (!p || !q) return false;
  return p.x < q.x + q.w && q.x < p.x + p.w && p.y < q.y + q.h && q.y < p.y + p.h;
}

/** The fields @grafana/schema marks required, checked on the parsed file. */
function expectSchemaShape(dashboard: GrafanaDashboard): void {
  expect(typeof dashboard.schemaVersion).toBe("number");
  for (const annotation of dashboard.annotations?.list ?? []) {
    expect(annotation).toEqual(
      expect.objectContaining({
        datasource: expect.any(Object),
        enable: true,
        iconColor: expect.any(String),
      }),
    );
    expect(typeof annotation.name).toBe("string");
  }
  for (const variable of dashboard.templating?.list ?? []) {
    expect(typeof variable.name).toBe("string");
    expect(typeof variable.type).toBe("string");
  }
  for (const panel of allPanels(dashboard)) {
    expect(typeof panel.type).toBe("string");
    expect(panel.gridPos).toEqual({
      h: expect.any(Number),
      w: expect.any(Number),
      x: expect.any(Number),
      y: expect.any(Number),
    });
    if (isRow(panel)) {
      expect(typeof panel.collapsed).toBe("boolean");
      expect(typeof panel.id).toBe("number");
      expect(Array.isArray(panel.panels)).toBe(true);
    } else {
      expect(panel.fieldConfig?.defaults).toBeTypeOf("object");
      expect(Array.isArray(panel.fieldConfig?.overrides)).toBe(true);
      for (const target of panel.targets ?? []) expect(typeof target.refId).toBe("string");
    }
  }
}

describe("generateGrafana", () => {
  const project = smallProject();
  const files = generateGrafana(project);

  it("matches the golden files", () => {
    expectGolden(import.meta.dirname, "small", files);
  });

  const provisioned = parse(
    files.find((file) => file.path === "grafana/provisioning/datasources/datasources.yml")?.content ?? "",
  ) as { datasources: { uid: string; type: string; secureJsonData?: Record<string, string> }[] };
  const dashboards = files
    .filter((file) => file.path.startsWith("grafana/dashboards/"))
    .map((file) => ({ path: file.path, json: JSON.parse(file.content) as GrafanaDashboard }));

  it("writes one dashboard file per dashboard, named by uid", () => {
    expect(dashboards.map((d) => d.path)).toEqual(
      project.dashboards.map((d) => `grafana/dashboards/${d.uid}.json`),
    );
  });

  it.each(dashboards)("$path has the shape of Grafana's current dashboard model", ({ json }) => {
    expectSchemaShape(json);
    expect(json.schemaVersion).toBe(42);
    expect(json.annotations?.list?.[0]).toMatchObject({ builtIn: 1, datasource: { uid: "-- Grafana --" } });
    expect(allPanels(json).filter((panel) => panel.type === "graph")).toEqual([]);
  });

  it.each(dashboards)("$path has unique panel ids, inside collapsed rows too", ({ json }) => {
    const ids = allPanels(json).map((panel) => panel.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(dashboards)("$path keeps panels inside the 24-column grid without overlaps", ({ json }) => {
    const panels = allPanels(json);
    for (const panel of panels) {
      const pos = panel.gridPos;
      expect(pos, panel.title).toBeDefined();
      if (!pos) continue;
      expect(pos.x + pos.w, panel.title).toBeLessThanOrEqual(24);
      if (isRow(panel)) expect(pos).toMatchObject({ h: 1, w: 24, x: 0 });
    }
    for (const [i, panel] of panels.entries()) {
      for (const other of panels.slice(i + 1)) {
        expect(overlaps(panel, other), `${panel.title} overlaps ${other.title}`).toBe(false);
      }
    }
  });

  it.each(dashboards)("$path only queries datasources that datasources.yml provisions", ({ json }) => {
    const byUid = new Map(provisioned.datasources.map((ds) => [ds.uid, ds.type]));
    const refs = allPanels(json).flatMap((panel) =>
      isRow(panel)
        ? []
        : (panel.targets ?? []).map((target) => target.datasource as { type: string; uid: string }),
    );
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(byUid.get(ref.uid), ref.uid).toBe(ref.type);
  });

  it("puts the panels of a collapsed row inside it, and leaves expanded rows empty", () => {
    const [dashboard] = project.dashboards;
    if (!dashboard) throw new Error("the small project has a dashboard");
    const json = toGrafanaDashboard(project, dashboard);
    const rows = (json.panels ?? []).filter(isRow);
    expect(rows.map((row) => [row.title, row.collapsed, row.panels.map((panel) => panel.id)])).toEqual([
      ["Traffic", false, []],
      ["Details", true, [7, 8, 9, 10]],
    ]);
    expect((json.panels ?? []).map((panel) => panel.id)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("keeps secrets out of the provisioning file", () => {
    const postgres = provisioned.datasources.find((ds) => ds.type === "grafana-postgresql-datasource");
    expect(postgres?.secureJsonData).toEqual({ password: "$__env{APP_DB_READER_PASSWORD}" });
  });
});
