import { describe, expect, it } from "vitest";
import { jsonPathRange, parseModelPath } from "./json-path-range";

const PANEL = JSON.stringify(
  {
    title: "Requests",
    gridPos: { x: 0, y: 0, w: 12, h: 8 },
    targets: [
      { refId: "A", expr: "rate(x[5m])" },
      { refId: "B", expr: "sum(y)" },
    ],
    labels: { "app.kubernetes.io/name": "api", team: null },
    enabled: true,
  },
  null,
  2,
);

function covered(text: string, path: string): string | undefined {
  const range = jsonPathRange(text, path);
  return range ? text.slice(range.start, range.end) : undefined;
}

describe("parseModelPath", () => {
  it.each([
    { path: "targets[0].expr", segments: ["targets", 0, "expr"] },
    {
      path: "dashboards[2].panels[5].targets[0].expr",
      segments: ["dashboards", 2, "panels", 5, "targets", 0, "expr"],
    },
    { path: "panels[3].gridPos", segments: ["panels", 3, "gridPos"] },
    { path: "[1]", segments: [1] },
    { path: 'labels["app.kubernetes.io/name"]', segments: ["labels", "app.kubernetes.io/name"] },
    { path: "(root)", segments: [] },
    { path: "", segments: [] },
  ])("$path", ({ path, segments }) => {
    expect(parseModelPath(path)).toEqual(segments);
  });
});

describe("jsonPathRange", () => {
  it("covers a string value with its quotes", () => {
    expect(covered(PANEL, "targets[0].expr")).toBe('"rate(x[5m])"');
    expect(covered(PANEL, "targets[1].expr")).toBe('"sum(y)"');
  });

  it("covers numbers, booleans and null", () => {
    expect(covered(PANEL, "gridPos.w")).toBe("12");
    expect(covered(PANEL, "enabled")).toBe("true");
    expect(covered(PANEL, "labels.team")).toBe("null");
  });

  it("covers an object's key rather than the whole object", () => {
    expect(covered(PANEL, "gridPos")).toBe('"gridPos"');
    expect(jsonPathRange(PANEL, "gridPos")?.exact).toBe(true);
  });

  it("covers the first line of an array element, which has no key", () => {
    expect(covered(PANEL, "targets[1]")).toBe("{");
    const oneLine = '[{"a": 1}, {"b": 2}]';
    expect(covered(oneLine, "[1]")).toBe('{"b": 2}');
  });

  it("finds a key with dots in it, bracketed or not", () => {
    expect(covered(PANEL, 'labels["app.kubernetes.io/name"]')).toBe('"api"');
    expect(covered(PANEL, "labels.app.kubernetes.io/name")).toBe('"api"');
  });

  it("falls back to the nearest existing ancestor", () => {
    const range = jsonPathRange(PANEL, "targets[0].legendFormat");
    expect(range?.exact).toBe(false);
    expect(covered(PANEL, "targets[0].legendFormat")).toBe("{");
    expect(covered(PANEL, "targets[7].expr")).toBe('"targets"');
    expect(jsonPathRange(PANEL, "nothing.here")?.exact).toBe(false);
  });

  it("maps the root to the first line", () => {
    expect(covered(PANEL, "(root)")).toBe("{");
  });

  it("still finds values in JSON with a syntax error elsewhere", () => {
    const broken = '{\n  "title": "x",,\n  "gridPos": {"w": 30}\n}';
    expect(covered(broken, "gridPos.w")).toBe("30");
  });

  it("is undefined for text with no JSON value", () => {
    expect(jsonPathRange("", "title")).toBeUndefined();
  });
});
