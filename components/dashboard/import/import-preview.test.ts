import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectFromTemplate } from "@/lib/catalog/templates";
import { validateProject } from "@/lib/model/validate";
import { freeUid, previewImport, withImportedDashboard } from "./import-preview";

const testdata = path.join(import.meta.dirname, "..", "..", "..", "lib", "dashboard", "testdata");

describe("import preview", () => {
  const project = projectFromTemplate({ name: "Shop", level: "basic" });

  it("maps a real Grafana export and lists what it could not map", () => {
    const text = readFileSync(path.join(testdata, "modern.grafana.json"), "utf8");
    const preview = previewImport(text, project);
    if (!preview.ok) throw new Error(preview.message);
    expect(preview.dashboard.title).toBe("Shop API overview");
    expect(preview.dashboard.panels.length).toBeGreaterThan(3);
    expect(preview.result.unmapped.some((entry) => entry.what.includes("text"))).toBe(true);
    const added = withImportedDashboard(project, preview.dashboard);
    expect(validateProject(added).ok).toBe(true);
  });

  it("gives a second import of the same dashboard a free uid", () => {
    const text = readFileSync(path.join(testdata, "modern.grafana.json"), "utf8");
    const first = previewImport(text, project);
    if (!first.ok) throw new Error(first.message);
    const again = previewImport(text, withImportedDashboard(project, first.dashboard));
    expect(again.ok && again.dashboard.uid).toBe(`${first.dashboard.uid}-2`);
    expect(again.ok && again.renamedFrom).toBe(first.dashboard.uid);
    expect(freeUid("a".repeat(40), new Set(["a".repeat(40)]))).toBe(`${"a".repeat(38)}-2`);
  });

  it("explains input that is not a dashboard", () => {
    expect(previewImport("{", project)).toMatchObject({ ok: false });
    const notDashboard = previewImport("[1, 2]", project);
    expect(notDashboard.ok ? [] : notDashboard.issues.map((issue) => issue.path)).toEqual(["(root)"]);
  });
});
