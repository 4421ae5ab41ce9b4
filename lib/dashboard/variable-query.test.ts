import { describe, expect, it } from "vitest";
import { parseVariableQuery, splitTopLevel } from "./variable-query";

describe("variable queries", () => {
  it.each([
    ["label_values(instance)", { kind: "label_values", label: "instance" }],
    [
      'label_values(fraiseql_graphql_queries_total{job="fraiseql", x="a,b"}, instance)',
      {
        kind: "label_values",
        label: "instance",
        match: 'fraiseql_graphql_queries_total{job="fraiseql", x="a,b"}',
      },
    ],
    ["label_names()", { kind: "label_names" }],
    ["metrics(fraiseql_.*)", { kind: "metrics", pattern: "fraiseql_.*" }],
    ["query_result(topk(5, up))", { kind: "query_result", expr: "topk(5, up)" }],
  ])("reads %s", (query, expected) => {
    expect(parseVariableQuery(query)).toEqual(expected);
  });

  it("says why a query is not one it can run", () => {
    expect(parseVariableQuery("up")).toEqual({
      kind: "unsupported",
      reason: '"up" is not label_values(...), label_names(), metrics(...) or query_result(...)',
    });
    expect(parseVariableQuery("label_values(a, b, c)")).toEqual({
      kind: "unsupported",
      reason: "label_values takes (label) or (metric, label)",
    });
    expect(parseVariableQuery("series(up)").kind).toBe("unsupported");
  });

  it("splits only at top-level commas", () => {
    expect(splitTopLevel('sum(rate(x[5m])), a{b="c,d"}, "e,f"')).toEqual([
      "sum(rate(x[5m]))",
      'a{b="c,d"}',
      '"e,f"',
    ]);
  });
});
