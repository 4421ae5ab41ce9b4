import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectFromTemplate } from "@/lib/catalog/templates";
import { validateProject } from "@/lib/model/validate";
import { importRequest, previewImport } from "./import-preview";

const testdata = path.join(import.meta.dirname, "..", "..", "..", "lib", "dashboard", "testdata");

describe("import preview", () => {
  const project = projectFromTemplate({ name: "Shop", level: "basic" });
  const text = readFileSync(path.join(testdata, "modern.grafana.json"), "utf8");

  it("maps a real Grafana export, counts its panels and lists what it could not map", () => {
    const preview = previewImport(text, project);
    if (!preview.ok) throw new Error(preview.message);
    expect(preview.dashboard.title).toBe("Shop API overview");
    expect(preview.report.summary).toBe("8 panels: 7 editable, 1 kept as raw JSON");
    expect(preview.report.panels).toEqual({ total: 8, editable: 7, keptRaw: 1 });
    expect(preview.report.unmapped.some((entry) => entry.what.includes("text"))).toBe(true);
    expect(validateProject({ ...project, dashboards: [...project.dashboards, preview.dashboard] }).ok).toBe(
      true,
    );
    // "Add to project" sends the export itself; the server converts it the same way.
    expect(importRequest(preview)).toEqual({ grafana: JSON.parse(text) });
  });

  it("gives a second import of the same dashboard a free uid, and asks the server for it", () => {
    const first = previewImport(text, project);
    if (!first.ok) throw new Error(first.message);
    const again = previewImport(text, { ...project, dashboards: [...project.dashboards, first.dashboard] });
    if (!again.ok) throw new Error(again.message);
    expect(again.dashboard.uid).toBe(`${first.dashboard.uid}-2`);
    expect(again.renamedFrom).toBe(first.dashboard.uid);
    expect(again.report.uid).toBe(`${first.dashboard.uid}-2`);
    expect(importRequest(again)).toEqual({ grafana: JSON.parse(text), uid: `${first.dashboard.uid}-2` });
  });

  it("explains input that is not a dashboard", () => {
    expect(previewImport("{", project)).toMatchObject({ ok: false });
    const notDashboard = previewImport("[1, 2]", project);
    expect(notDashboard.ok ? [] : notDashboard.issues.map((issue) => issue.path)).toEqual(["(root)"]);
  });
});
