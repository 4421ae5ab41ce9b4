import { describe, expect, it } from "vitest";
import { PanelSchema } from "@/lib/model/panel";
import { VariableSchema } from "@/lib/model/variable";
import { planQuery, roundedWidth } from "./query-params";

const parsed = PanelSchema.parse({
  id: 1,
  type: "timeseries",
  title: "T",
  gridPos: { x: 0, y: 0, w: 12, h: 8 },
  targets: [
    { kind: "promql", refId: "A", expr: 'rate(x{instance=~"$instance"}[$__rate_interval])' },
    { kind: "promql", refId: "B", expr: "up", instant: true, datasource: "$ds" },
    { kind: "sql", refId: "C", rawSql: "select 1" },
  ],
});
if (parsed.type !== "timeseries") throw new Error("expected a time series");
const panel = parsed;
const context = {
  from: 1_000_000,
  to: 4_600_000,
  widthPx: 612,
  variables: [
    VariableSchema.parse({
      type: "query",
      name: "instance",
      query: "label_values(up, instance)",
      includeAll: true,
      multi: true,
    }),
  ],
  selections: { ds: ["prom-2"] },
  datasources: [],
};

describe("planQuery", () => {
  it("asks query_range with the range, the width and the variables", () => {
    expect(planQuery(panel, panel.targets[0] as never, context)).toEqual({
      kind: "preview",
      refId: "A",
      endpoint: "query_range",
      params: {
        query: 'rate(x{instance=~"$instance"}[$__rate_interval])',
        width: "600",
        "var-instance": ["$__all"],
        start: "1000",
        end: "4600",
      },
    });
  });

  it("asks an instant query at the end with the range for $__range, on the chosen datasource", () => {
    const plan = planQuery(panel, panel.targets[1] as never, context);
    expect(plan).toMatchObject({
      endpoint: "query",
      params: { time: "4600", range: "3600s", datasource: "prom-2" },
    });
  });

  it("does not preview SQL", () => {
    expect(planQuery(panel, panel.targets[2] as never, context).kind).toBe("unsupported");
    expect(roundedWidth(3)).toBe(50);
  });
});
