import { describe, expect, it } from "vitest";
import { analyzePromql } from "./parse";
import { PROMETHEUS_PARSE_TESTS } from "./testing/corpus";

/**
 * Prometheus's own parser tests (promql/parser/parse_test.go, testdata/prometheus-parse-tests.json)
 * as the oracle for current Prometheus 3 with its experimental features on, which promtool 2.42
 * cannot be: the model must accept what they accept, refuse what they refuse, and say what
 * Prometheus says where.
 */

/** Where the model's message differs from Prometheus's on purpose. */
const OWN_MESSAGES: Readonly<Record<string, string>> = {
  // The designer's query fields are empty before anything is typed; Prometheus says "no expression found in input".
  "": "empty query",
};

/**
 * Where the model's position differs on purpose: Prometheus reports an unmatched `)` just after it
 * (its lexer has moved past it); the model points at it, for the editor to underline.
 */
function ownPosition(message: string, position: number): number {
  return message === "unexpected right parenthesis ')'" ? position - 1 : position;
}

/** Prometheus reports byte offsets; the model, offsets into the JavaScript string. */
function characterOffset(text: string, byteOffset: number): number {
  return Buffer.from(text).subarray(0, byteOffset).toString().length;
}

describe("Prometheus's parser tests", () => {
  const cases = PROMETHEUS_PARSE_TESTS;

  it("the model accepts exactly the expressions Prometheus accepts", () => {
    const wrong = cases.filter((test) => (analyzePromql(test.input).error === undefined) === test.fail);
    expect(
      wrong.map((test) => `${JSON.stringify(test.input)} should ${test.fail ? "fail" : "pass"}`),
    ).toEqual([]);
    expect(cases.length).toBeGreaterThan(300);
  });

  it("the model's first error is Prometheus's, at the same place", () => {
    const failing = cases.filter((test) => test.fail);
    const differences = failing.flatMap((test) => {
      const error = analyzePromql(test.input).error;
      const message = OWN_MESSAGES[test.input] ?? test.error;
      const position = ownPosition(message ?? "", characterOffset(test.input, test.position ?? 0));
      if (error?.message === message && error.position === position) return [];
      return [
        `${JSON.stringify(test.input)}: ${error?.position}: ${error?.message} ≠ ${position}: ${message}`,
      ];
    });
    console.log(
      `${failing.length - differences.length} of ${failing.length} errors as Prometheus reports them`,
    );
    expect(differences).toEqual([]);
  });
});
