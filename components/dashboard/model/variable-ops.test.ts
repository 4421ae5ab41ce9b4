import { describe, expect, it } from "vitest";
import { type Dashboard, DashboardSchema } from "@/lib/model/dashboard";
import { VariableSchema } from "@/lib/model/variable";
import {
  addVariable,
  allValueOf,
  changeVariableType,
  defaultVariable,
  intervalAutoOf,
  labelValuesVariable,
  moveVariable,
  newVariableNameProblem,
  removeVariable,
  replaceVariable,
  suggestVariableName,
  VARIABLE_TYPES,
  withAllValue,
  withExtra,
  withIntervalAuto,
} from "./variable-ops";

const base: Dashboard = DashboardSchema.parse({
  uid: "d",
  title: "D",
  variables: [
    { type: "query", name: "job", query: "label_values(job)" },
    { type: "custom", name: "env", values: ["prod", "dev"], multi: true, includeAll: true },
    { type: "constant", name: "query0", value: "x" },
  ],
});

const names = (dashboard: Dashboard): string[] => dashboard.variables.map((variable) => variable.name);

describe("new variables", () => {
  it("are valid as they come, for every type", () => {
    for (const type of VARIABLE_TYPES) {
      const variable = defaultVariable(type, "v");
      expect(VariableSchema.safeParse(variable).success, type).toBe(true);
      expect(variable).toMatchObject({ type, name: "v", hide: false });
    }
  });

  it("can list the values of the label they are named after", () => {
    expect(labelValuesVariable("env")).toMatchObject({
      type: "query",
      name: "env",
      query: "label_values(env)",
    });
  });

  it("are named as Grafana names them, skipping names in use", () => {
    expect(suggestVariableName(base.variables, "query")).toBe("query1");
    expect(suggestVariableName(base.variables, "interval")).toBe("interval0");
  });

  it("need a free, well-formed name that is not Grafana's", () => {
    expect(newVariableNameProblem(base.variables, "instance")).toBeUndefined();
    expect(newVariableNameProblem(base.variables, "")).toBe("a variable needs a name");
    expect(newVariableNameProblem(base.variables, "job")).toBe('there is already a variable "job"');
    expect(newVariableNameProblem(base.variables, "my-var")).toMatch(/letters, digits and _/);
    expect(newVariableNameProblem(base.variables, "__interval")).toMatch(/Grafana's own/);
  });
});

describe("changing a variable's type", () => {
  it("keeps the name, label, hide and the choices both types have", () => {
    const custom = { ...base.variables[1], label: "Env", hide: true } as (typeof base.variables)[number];
    const query = changeVariableType(custom, "query");
    expect(query).toMatchObject({
      type: "query",
      name: "env",
      label: "Env",
      hide: true,
      multi: true,
      includeAll: true,
      query: "label_values(job)",
    });
    expect(VariableSchema.safeParse(query).success).toBe(true);
    const interval = changeVariableType(custom, "interval");
    expect(interval).toMatchObject({ type: "interval", values: ["prod", "dev"] });
    expect(interval).not.toHaveProperty("multi");
  });

  it("drops the old type's Grafana extras, and is a no-op for the same type", () => {
    const withAll = withExtra(
      base.variables[0] as Extract<(typeof base.variables)[number], { type: "query" }>,
      "allValue",
      ".*",
    );
    expect(changeVariableType(withAll, "custom")).not.toHaveProperty("extra");
    expect(changeVariableType(withAll, "query")).toBe(withAll);
  });
});

describe("list edits", () => {
  it("appends, replaces, removes", () => {
    const added = addVariable(base, defaultVariable("interval", "step"));
    expect(added.index).toBe(3);
    expect(names(added.dashboard)).toEqual(["job", "env", "query0", "step"]);
    const renamed = replaceVariable(base, 0, { ...base.variables[0], name: "service" } as never);
    expect(names(renamed)).toEqual(["service", "env", "query0"]);
    expect(names(removeVariable(base, 1))).toEqual(["job", "query0"]);
    expect(base.variables).toHaveLength(3);
  });

  it("returns the same dashboard when nothing changes", () => {
    expect(replaceVariable(base, 0, base.variables[0] as never)).toBe(base);
    expect(replaceVariable(base, 9, base.variables[0] as never)).toBe(base);
    expect(removeVariable(base, 9)).toBe(base);
    expect(moveVariable(base, 0, -1)).toBe(base);
    expect(moveVariable(base, 2, 1)).toBe(base);
    expect(moveVariable(base, 1, 0)).toBe(base);
  });

  it("moves up and down", () => {
    expect(names(moveVariable(base, 2, -1))).toEqual(["job", "query0", "env"]);
    expect(names(moveVariable(base, 0, 1))).toEqual(["env", "job", "query0"]);
    expect(names(moveVariable(base, 0, 2))).toEqual(["env", "query0", "job"]);
  });
});

describe("Grafana options kept in extra", () => {
  const query = base.variables[0] as Extract<(typeof base.variables)[number], { type: "query" }>;

  it("sets and clears the custom all value, dropping an empty extra", () => {
    const set = withExtra(query, "allValue", ".*");
    expect(set.extra).toEqual({ allValue: ".*" });
    expect(allValueOf(set)).toBe(".*");
    const cleared = withExtra(set, "allValue", undefined);
    expect(cleared).not.toHaveProperty("extra");
    expect(allValueOf(cleared)).toBe("");
    expect(withExtra({ ...query, extra: { sort: 1 } }, "allValue", undefined).extra).toEqual({ sort: 1 });
  });

  it("sets the custom all value as a model field, moving one an older save kept in extra", () => {
    const legacy = withExtra({ ...query, extra: { sort: 1 } }, "allValue", ".*");
    expect(allValueOf(legacy)).toBe(".*");
    const set = withAllValue(legacy, ".+");
    expect(set.allValue).toBe(".+");
    expect(set.extra).toEqual({ sort: 1 });
    expect(allValueOf(set)).toBe(".+");
    const cleared = withAllValue(set, "");
    expect(cleared).not.toHaveProperty("allValue");
    expect(allValueOf(cleared)).toBe("");
    // Changing the type keeps it where both types have it.
    expect(changeVariableType(set, "custom")).toMatchObject({ type: "custom", allValue: ".+" });
  });

  it("reads and writes an interval's auto option with Grafana's defaults", () => {
    const interval = defaultVariable("interval", "step") as Extract<
      (typeof base.variables)[number],
      { type: "interval" }
    >;
    expect(intervalAutoOf(interval)).toEqual({ enabled: false, count: 30, min: "10s" });
    const auto = withIntervalAuto(interval, { enabled: true, count: 50, min: "1m" });
    expect(auto.extra).toEqual({ auto: true, auto_count: 50, auto_min: "1m" });
    expect(intervalAutoOf(auto)).toEqual({ enabled: true, count: 50, min: "1m" });
    expect(withIntervalAuto(auto, { ...intervalAutoOf(auto), enabled: false })).not.toHaveProperty("extra");
  });
});
