import { describe, expect, it } from "vitest";
import { projectFromTemplate } from "../catalog/templates";
import type { Dashboard } from "./dashboard";
import { type SectionRef, withSection } from "./sections";
import { InvalidProjectError, parseProject } from "./validate";
import { parseProjectWithSection } from "./validate-section";

/** What a check throws, as the issues it names: the same for the fast and the whole check. */
function verdict(run: () => unknown): { ok: true } | { ok: false; errors: string[] } {
  try {
    run();
    return { ok: true };
  } catch (error) {
    if (!(error instanceof InvalidProjectError)) throw error;
    return {
      ok: false,
      errors: error.issues
        .filter((issue) => issue.severity === "error")
        .map((issue) => `${issue.path}: ${issue.message}`)
        .sort(),
    };
  }
}

const project = parseProject(projectFromTemplate({ name: "Shop", level: "enterprise" }));
const [first] = project.dashboards;
if (!first) throw new Error("the enterprise template has dashboards");

const edits: [string, (dashboard: Dashboard) => unknown][] = [
  ["unchanged", (d) => d],
  ["a new title", (d) => ({ ...d, title: "Renamed" })],
  ["an empty title", (d) => ({ ...d, title: "" })],
  [
    "a query that does not parse",
    (d) => ({
      ...d,
      panels: d.panels.map((p, i) =>
        i === 1 && "targets" in p
          ? { ...p, targets: p.targets.map((t) => ({ ...t, expr: "sum(rate(x[5m])))" })) }
          : p,
      ),
    }),
  ],
  [
    "a panel past the grid",
    (d) => ({
      ...d,
      panels: d.panels.map((p, i) => (i === 0 ? { ...p, gridPos: { ...p.gridPos, w: 99 } } : p)),
    }),
  ],
  ["two panels with one id", (d) => ({ ...d, panels: d.panels.map((p) => ({ ...p, id: 1 })) })],
  [
    "an unknown datasource",
    (d) => ({
      ...d,
      panels: d.panels.map((p) => ("datasource" in p ? { ...p, datasource: "nope" } : p)),
    }),
  ],
  ["a duplicate variable", (d) => ({ ...d, variables: [...d.variables, ...d.variables] })],
  ["not an object", () => 42],
  ["another uid", (d) => ({ ...d, uid: project.dashboards[1]?.uid ?? "x" })],
];

describe("checking a project with one dashboard replaced", () => {
  it.each(edits)("agrees with checking the whole project: %s", (_name, edit) => {
    const ref: SectionRef = { kind: "dashboard", uid: first.uid };
    const content = edit(first);
    const fast = verdict(() => parseProjectWithSection(project, ref, content));
    const whole = verdict(() => parseProject(withSection(project, ref, content)));
    expect(fast).toEqual(whole);
    if (fast.ok) {
      expect(parseProjectWithSection(project, ref, content)).toEqual(
        parseProject(withSection(project, ref, content)),
      );
    }
  });
});
