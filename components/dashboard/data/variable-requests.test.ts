import { describe, expect, it } from "vitest";
import { VariableSchema } from "@/lib/model/variable";
import { optionsFromAnswer, planVariables, type VariableCall, variableCall } from "./variable-requests";

const RANGE = { from: 1_700_000_000_000, to: 1_700_003_600_000 };
const context = { ...RANGE, selections: {}, datasources: [] };

const variables = [
  VariableSchema.parse({ type: "query", name: "job", query: "label_values(up, job)" }),
  VariableSchema.parse({ type: "query", name: "instance", query: 'label_values(up{job="$job"}, instance)' }),
  VariableSchema.parse({ type: "custom", name: "env", values: ["prod", "staging"] }),
];

describe("variableCall", () => {
  it("names the endpoint and parameters of each kind of variable query", () => {
    const call = (query: string, refresh?: string): VariableCall | { error: string } =>
      variableCall(VariableSchema.parse({ type: "query", name: "v", query, refresh }) as never, [], context);
    expect(call("label_values(up, job)")).toEqual({
      kind: "label_values",
      endpoint: "label/job/values",
      label: "job",
      params: { "match[]": ["up"] },
    });
    expect(call("label_names()")).toMatchObject({ kind: "label_names", endpoint: "labels" });
    expect(call("metrics(^node_)")).toMatchObject({
      kind: "metrics",
      endpoint: "label/__name__/values",
      pattern: "^node_",
    });
    expect(call("query_result(up)", "timeRange")).toEqual({
      kind: "query_result",
      endpoint: "query",
      params: { query: "up", time: String(RANGE.to / 1000) },
    });
    expect(call("something Grafana has and Prometheus does not()")).toHaveProperty("error");
  });
});

describe("optionsFromAnswer", () => {
  it("reads label values as they are, metric names through the pattern, query results as Grafana writes them", () => {
    const labels = { kind: "label_values", endpoint: "label/job/values", label: "job", params: {} } as const;
    expect(optionsFromAnswer(labels, ["a", "b"])).toEqual(["a", "b"]);
    const metrics = {
      kind: "metrics",
      endpoint: "label/__name__/values",
      pattern: "^node_",
      params: {},
    } as const;
    expect(optionsFromAnswer(metrics, ["node_load1", "up"])).toEqual(["node_load1"]);
    const result = { kind: "query_result", endpoint: "query", params: {} } as const;
    expect(
      optionsFromAnswer(result, {
        resultType: "vector",
        result: [{ metric: { __name__: "up", job: "x" }, value: [1700000000, "1"] }],
      }),
    ).toEqual(['up{job="x"} 1 1700000000000']);
    expect(optionsFromAnswer(result, ["not", "a", "vector"])).toEqual([]);
  });
});

describe("planVariables", () => {
  it("leaves a query variable with no value and no options standing for nothing, and asks for its options first", () => {
    const plan = planVariables(variables, context, () => undefined);
    expect(plan.selections).toEqual({ job: [], instance: [], env: ["prod"] });
    expect(plan.calls[1]).toMatchObject({ endpoint: "label/instance/values" });
    expect(plan.calls[2]).toBeUndefined();
    expect(plan.priorities.map((priority) => priority())).toEqual([-1, -1, 0.5]);
  });

  it("chooses the first option once it is known, and the next variable's call follows that choice", () => {
    const known = new Map([["job", ["api", "db"]]]);
    const plan = planVariables(variables, context, (variable) => known.get(variable.name));
    expect(plan.selections.job).toEqual(["api"]);
    expect(plan.calls[1]).toMatchObject({ params: { "var-job": ["api"] } });
  });

  it("keeps the address's choice until the options say it is gone", () => {
    const chosen = { ...context, selections: { job: ["db"] } };
    expect(planVariables(variables, chosen, () => undefined).selections.job).toEqual(["db"]);
    expect(planVariables(variables, chosen, () => ["api"]).selections.job).toEqual(["api"]);
  });
});
