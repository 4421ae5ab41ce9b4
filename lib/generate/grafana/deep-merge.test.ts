import { describe, expect, it } from "vitest";
import { mergeKept } from "./deep-merge";

const generated = {
  title: "CPU",
  fieldConfig: { defaults: { unit: "percent", thresholds: { mode: "absolute", steps: [] } } },
  options: { legend: { showLegend: true, calcs: [] }, tooltip: { mode: "multi", sort: "desc" } },
};
const owned = [
  "title",
  "fieldConfig.defaults.unit",
  "fieldConfig.defaults.thresholds",
  "options.legend.calcs",
];

describe("mergeKept", () => {
  it("lays what the import kept over the generator's defaults, key by key, verbatim", () => {
    const out = mergeKept(
      generated,
      { options: { tooltip: { sort: "none" }, text: {} }, links: [] },
      { owned },
    );
    expect(out.options).toEqual({
      legend: { showLegend: true, calcs: [] },
      tooltip: { mode: "multi", sort: "none" },
      text: {},
    });
    expect(out).toMatchObject({ links: [] });
  });

  it("never lays a kept value over a field the model owns, unless it still means the model's value", () => {
    const kept = {
      title: "stale title",
      fieldConfig: { defaults: { unit: "bytes", thresholds: { steps: [{ color: "green" }] } } },
      options: { legend: { calcs: ["variance"] } },
    };
    expect(mergeKept(generated, kept, { owned })).toEqual(generated);
    const seen: string[] = [];
    const out = mergeKept(generated, kept, {
      owned,
      stillCurrent: (path, value) => {
        seen.push(path);
        return path === "options.legend.calcs" && JSON.stringify(value) === '["variance"]';
      },
    });
    expect(seen.sort()).toEqual([...owned].sort());
    expect(out.options.legend.calcs).toEqual(["variance"]);
    expect(out.fieldConfig.defaults.unit).toBe("percent");
  });

  it("gives stillCurrent a kept object merged over the generated one, as it would be written", () => {
    const values: unknown[] = [];
    mergeKept(
      generated,
      { fieldConfig: { defaults: { thresholds: { steps: [{ color: "red" }] } } } },
      { owned, stillCurrent: (_path, value) => values.push(value) > 0 },
    );
    expect(values).toEqual([{ mode: "absolute", steps: [{ color: "red" }] }]);
  });

  it("keeps a kept non-object from erasing an object that holds owned fields", () => {
    const out = mergeKept(generated, { fieldConfig: null, options: { legend: "hidden" } }, { owned });
    expect(out.fieldConfig).toEqual(generated.fieldConfig);
    expect(out.options.legend).toEqual(generated.options.legend);
  });

  it("adds no empty object for owned values it did not write", () => {
    const out = mergeKept({ title: "x" }, { options: { legend: { calcs: ["variance"] } } }, { owned });
    expect(out).toEqual({ title: "x" });
  });

  it("ignores a __proto__ key that JSON.parse made an own key", () => {
    const kept = JSON.parse('{"__proto__": {"polluted": true}, "options": {"__proto__": {"x": 1}}}');
    const out = mergeKept(generated, kept, { owned }) as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });
});
