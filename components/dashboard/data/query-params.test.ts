import { describe, expect, it } from "vitest";
import { PanelSchema } from "@/lib/model/panel";
import { VariableSchema } from "@/lib/model/variable";
import { planQuery, runTargets } from "./query-params";

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
  scrapeInterval: "15s",
  unknownVariables: [],
};

describe("planQuery", () => {
  it("asks query_range with the range, the width of its step and the variables", () => {
    expect(planQuery(panel, panel.targets[0] as never, context)).toEqual({
      kind: "preview",
      refId: "A",
      endpoint: "query_range",
      params: {
        query: 'rate(x{instance=~"$instance"}[$__rate_interval])',
        // An hour at 612 px steps by the scrape interval, 15 s: 241 points.
        width: "241",
        "var-instance": ["$__all"],
        start: "1000",
        end: "4600",
      },
      variables: ["instance"],
    });
  });

  it("sends only the variables the query and its datasource use", () => {
    const withJob = {
      ...context,
      variables: [
        ...context.variables,
        VariableSchema.parse({ type: "custom", name: "job", values: ["api", "db"] }),
        VariableSchema.parse({ type: "datasource", name: "ds", datasourceType: "prometheus" }),
      ],
    };
    // B asks `up` on $ds: no var- parameter, and it depends on ds alone.
    const plan = planQuery(panel, panel.targets[1] as never, withJob);
    expect(plan).toMatchObject({ variables: ["ds"] });
    expect(
      Object.keys(plan.kind === "preview" ? plan.params : {}).filter((name) => name.startsWith("var-")),
    ).toEqual(["var-ds"]);
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
  });

  it("asks the same while a resize keeps the step, and anew when the step changes", () => {
    const sixHours = { ...context, from: 0, to: 6 * 3_600_000 };
    const at = (widthPx: number): unknown =>
      planQuery(panel, panel.targets[0] as never, { ...sixHours, widthPx });
    // Six hours step by 60 s from 361 px to 720 px, by 30 s from 721 px.
    expect(at(400)).toEqual(at(700));
    expect(at(400)).toMatchObject({ params: { width: "361" } });
    expect(at(800)).toMatchObject({ params: { width: "721" } });
  });

  it("steps by the scrape interval of the datasource it queries", () => {
    const slow = {
      ...context,
      datasources: [
        {
          uid: "main",
          name: "Main",
          type: "prometheus" as const,
          isDefault: true,
          url: "http://p:9090",
          scrapeInterval: "15s",
        },
        {
          uid: "prom-2",
          name: "Slow",
          type: "prometheus" as const,
          isDefault: false,
          url: "http://s:9090",
          scrapeInterval: "1m",
        },
      ],
    };
    // The instant query asks prom-2, scraped every minute: an hour is 61 steps; A asks the default.
    expect(planQuery(panel, panel.targets[1] as never, slow)).toMatchObject({ params: { width: "61" } });
    expect(planQuery(panel, panel.targets[0] as never, slow)).toMatchObject({ params: { width: "241" } });
  });

  it("steps a query by its resolution (intervalFactor) and min step, as Grafana does", () => {
    const at = (fields: Record<string, unknown>): unknown =>
      planQuery(panel, { ...(panel.targets[0] as object), ...fields } as never, context);
    // An hour at 612 px steps by 15 s; 1/3 asks 45 s (not rounded to a nice step), width unchanged.
    expect(at({ intervalFactor: 3 })).toMatchObject({ params: { width: "241", step: "45s" } });
    // A min step of 1m wins over 15 s, and the factor multiplies it.
    expect(at({ interval: "1m" })).toMatchObject({ params: { step: "60s" } });
    expect(at({ interval: "1m", intervalFactor: 2 })).toMatchObject({ params: { step: "120s" } });
    // A min step finer than the chosen step, a variable, or factor 1 leaves the step to the server.
    for (const fields of [{ interval: "5s" }, { interval: "$__interval" }, { intervalFactor: 1 }]) {
      const plan = at(fields) as { params: Record<string, unknown> };
      expect(plan.params.step).toBeUndefined();
    }
  });

  it("runs a panel's queries except the hidden ones", () => {
    const targets = panel.targets.map((target, index) => (index === 1 ? { ...target, hide: true } : target));
    expect(runTargets({ ...panel, targets }).map((target) => target.refId)).toEqual(["A", "C"]);
    expect(runTargets(panel).map((target) => target.refId)).toEqual(["A", "B", "C"]);
  });
});
