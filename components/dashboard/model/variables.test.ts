import { describe, expect, it } from "vitest";
import type { Datasource } from "@/lib/model/datasource";
import { type Variable, VariableSchema } from "@/lib/model/variable";
import {
  ALL,
  applyVariableRegex,
  reconcileSelection,
  resolveDatasourceRef,
  staticOptions,
  variableParams,
} from "./variables";

const v = (input: unknown): Variable => VariableSchema.parse(input);

// The query grammar (parseVariableQuery, splitTopLevel) is tested in lib/dashboard/variable-query.test.ts.
describe("variable values", () => {
  it("applies Grafana's regex: filter, then the capture group", () => {
    expect(applyVariableRegex(["a-1", "b-2", "a-1", "c"], "/^(\\w)-\\d$/")).toEqual(["a", "b"]);
    expect(applyVariableRegex(["x", "y"], "")).toEqual(["x", "y"]);
    // No capture group: what matches is kept whole, as Grafana keeps it.
    expect(applyVariableRegex(["node_load1", "up", "node_load5"], "^node_")).toEqual([
      "node_load1",
      "node_load5",
    ]);
    expect(applyVariableRegex(["x", "y"], "[")).toEqual(["x", "y"]);
  });
});

describe("selections", () => {
  const instance = v({
    type: "query",
    name: "instance",
    query: "label_values(up, instance)",
    multi: true,
    includeAll: true,
  });
  const env = v({ type: "custom", name: "env", values: ["prod", "staging"], includeAll: true, multi: true });
  const single = v({ type: "custom", name: "size", values: ["s", "m"] });
  const constant = v({ type: "constant", name: "job", value: "fraiseql" });

  it("defaults to All, or to the first option", () => {
    expect(reconcileSelection(instance, undefined, ["a", "b"])).toEqual([ALL]);
    expect(reconcileSelection(single, undefined, ["s", "m"])).toEqual(["s"]);
    expect(reconcileSelection(single, ["gone"], ["s", "m"])).toEqual(["s"]);
    expect(reconcileSelection(instance, ["b", "gone"], ["a", "b"])).toEqual(["b"]);
    expect(reconcileSelection(instance, ["b"], [])).toEqual(["b"]);
  });

  it("knows a value before the options come from the address, the stored current or All", () => {
    // Panels query at once when the selection is not empty (see useDashboardVariables' ready).
    const plain = v({ type: "query", name: "node", query: "label_values(up, instance)" });
    const stored = v({
      type: "query",
      name: "node",
      query: "label_values(up, instance)",
      current: ["a:9100"],
    });
    expect(reconcileSelection(plain, ["b:9100"], [])).toEqual(["b:9100"]);
    expect(reconcileSelection(stored, undefined, [])).toEqual(["a:9100"]);
    expect(reconcileSelection(instance, undefined, [])).toEqual([ALL]);
    expect(reconcileSelection(plain, undefined, [])).toEqual([]);
  });

  it("sends var- parameters the preview API interpolates", () => {
    const datasources: Datasource[] = [];
    expect(variableParams([instance, env, single, constant], {}, datasources)).toEqual({
      "var-instance": [ALL],
      "var-env": ["prod", "staging"],
      "var-size": ["s"],
      "var-job": ["fraiseql"],
    });
    expect(variableParams([instance], { instance: ["a", "b"] }, datasources)).toEqual({
      "var-instance": ["a", "b"],
    });
  });

  it("sends a custom all value beside All, as Grafana's allValue stands for All", () => {
    const datasources: Datasource[] = [];
    const anyInstance = v({ ...instance, allValue: ".+" });
    const anyEnv = v({ ...env, allValue: "prod|staging|dev" });
    expect(variableParams([anyInstance, anyEnv], {}, datasources)).toEqual({
      "var-instance": [ALL],
      "allValue-instance": [".+"],
      "var-env": [ALL],
      "allValue-env": ["prod|staging|dev"],
    });
    // A chosen value is sent as it is: the all value is only for All.
    expect(variableParams([anyInstance], { instance: ["a"] }, datasources)).toEqual({
      "var-instance": ["a"],
    });
  });

  it("offers an interval variable's auto option first, and sends the interval it stands for", () => {
    const step = v({
      type: "interval",
      name: "step",
      values: ["1m", "5m"],
      extra: { auto: true, auto_count: 30, auto_min: "10s" },
    });
    expect(staticOptions(step, [])).toEqual(["auto", "1m", "5m"]);
    // The auto option is first, so it is the default; an hour in 30 steps is 2 minutes.
    expect(variableParams([step], {}, [], 3_600_000)).toEqual({ "var-step": ["2m"] });
    expect(variableParams([step], { step: ["$__auto_interval_step"] }, [], 6 * 3_600_000)).toEqual({
      "var-step": ["10m"],
    });
    expect(variableParams([step], { step: ["5m"] }, [], 3_600_000)).toEqual({ "var-step": ["5m"] });
    const fixed = v({ type: "interval", name: "step", values: ["1m", "5m"] });
    expect(staticOptions(fixed, [])).toEqual(["1m", "5m"]);
  });

  it("resolves $datasource references", () => {
    expect(resolveDatasourceRef("${ds}", { ds: ["prom"] })).toBe("prom");
    expect(resolveDatasourceRef("$ds", {})).toBeUndefined();
    expect(resolveDatasourceRef("prom", {})).toBe("prom");
  });
});
