import { describe, expect, it } from "vitest";
import { promqlProblem } from "./promql-problem";

function underlined(text: string): { text: string; message: string } | undefined {
  const problem = promqlProblem(text);
  return problem && { text: text.slice(problem.start, problem.end), message: problem.message };
}

describe("promqlProblem", () => {
  it("is undefined for a valid query, with or without Grafana variables", () => {
    expect(promqlProblem('rate(x{instance=~"$instance"}[$__rate_interval])')).toBeUndefined();
    expect(promqlProblem("sum by (job) (up)")).toBeUndefined();
  });

  it("is undefined for an empty query", () => {
    expect(promqlProblem("   ")).toBeUndefined();
  });

  it("underlines the unexpected token with the parser's message", () => {
    expect(underlined("sum(rate(x[5m])))")).toEqual({ text: ")", message: 'unexpected ")"' });
    expect(underlined("up{job=}")).toMatchObject({ text: "}" });
    expect(underlined("up offset")).toMatchObject({ message: expect.stringContaining("unexpected") });
  });

  it("underlines the last character when the query ends too early", () => {
    const problem = promqlProblem("rate(x[5m]");
    expect(problem).toBeDefined();
    expect(problem?.end).toBeLessThanOrEqual("rate(x[5m]".length);
    expect(problem?.end).toBeGreaterThan(problem?.start ?? 0);
  });

  it("reports a range on something that is not a selector", () => {
    expect(underlined("rate(sum(x)[5m])")).toEqual({
      text: "sum",
      message: "ranges only allowed for vector selectors",
    });
  });
});
