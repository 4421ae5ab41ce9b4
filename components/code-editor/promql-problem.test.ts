import { describe, expect, it } from "vitest";
import { promqlProblem, promqlProblems } from "./promql-problem";

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
    expect(underlined("sum(rate(x[5m])))")).toEqual({
      text: ")",
      message: "unexpected right parenthesis ')'",
    });
    expect(underlined("up{job=}")).toMatchObject({ text: "}" });
    expect(underlined("up offset")).toMatchObject({ message: expect.stringContaining("unexpected") });
  });

  it("underlines the last character when the query ends too early", () => {
    const problem = promqlProblem("rate(x[5m]");
    expect(problem).toBeDefined();
    expect(problem?.end).toBeLessThanOrEqual("rate(x[5m]".length);
    expect(problem?.end).toBeGreaterThan(problem?.start ?? 0);
  });

  it("reports a range on something that is not a selector, underlining the range as Prometheus does", () => {
    expect(underlined("rate(sum(x)[5m])")).toEqual({
      text: "[5m]",
      message: "ranges only allowed for vector selectors",
    });
  });

  it("reports what Prometheus refuses beyond syntax, in its words", () => {
    expect(underlined("rate(some_metric)")).toEqual({
      text: "some_metric",
      message: 'expected type range vector in call to function "rate", got instant vector',
    });
  });

  it("warns, without an error, about what needs a newer Prometheus or a feature flag", () => {
    expect(promqlProblem("limitk(2, up)")).toBeUndefined();
    expect(promqlProblems("limitk(2, up)")).toEqual([
      {
        start: 0,
        end: 6,
        severity: "warning",
        message:
          "limitk() is experimental: needs Prometheus 2.54 or later with --enable-feature=promql-experimental-functions",
      },
    ]);
  });
});
