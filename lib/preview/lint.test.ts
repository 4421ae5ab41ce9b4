import { describe, expect, it } from "vitest";
import { knownNames, lintExpressions } from "./lint";
import { editDistance, nearestNames } from "./nearest-names";

describe("editDistance", () => {
  it.each([
    ["", "", 0],
    ["abc", "abc", 0],
    ["abc", "", 3],
    ["kitten", "sitting", 3],
    ["ab", "ba", 1],
    ["fraiseql_graphql_queries_total", "fraiseql_graphql_qeuries_total", 1],
    ["fraiseql_graphql_queries_error", "fraiseql_graphql_queries_errors", 1],
    ["ca", "abc", 3],
  ])("%s → %s is %i", (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe("nearestNames", () => {
  it("ranks by distance, ties alphabetically", () => {
    expect(nearestNames("up", ["upp", "pu", "u", "down", "up_total"], 3)).toEqual(["pu", "u", "upp"]);
  });
});

describe("lintExpressions", () => {
  const known = knownNames(
    [
      "fraiseql_graphql_queries_total",
      "fraiseql_graphql_queries_error",
      "fraiseql_http_requests_total",
      "up",
    ],
    {
      fraiseql_http_request_duration_seconds: [{ type: "histogram", help: "", unit: "" }],
      fraiseql_query_total_duration_ms: [{ type: "summary", help: "", unit: "" }],
    },
  );

  it("accepts names Prometheus stores or describes, histogram and summary series included", () => {
    const result = lintExpressions(
      [
        'sum(rate(fraiseql_graphql_queries_total{job="$job"}[$__rate_interval]))',
        "histogram_quantile(0.9, sum by (le) (rate(fraiseql_http_request_duration_seconds_bucket[5m])))",
        "fraiseql_query_total_duration_ms_sum / fraiseql_query_total_duration_ms_count",
        "up == 0",
      ],
      known,
    );
    expect(result.map((entry) => entry.unknown)).toEqual([[], [], [], []]);
  });

  it("names unknown metrics with the three nearest known ones", () => {
    const [result] = lintExpressions(
      [
        "sum(rate(fraiseql_graphql_queries_errors_total[5m])) / sum(rate(fraiseql_graphql_qeuries_total[5m]))",
      ],
      known,
    );
    expect(result?.unknown).toEqual([
      {
        name: "fraiseql_graphql_queries_errors_total",
        suggestions: [
          "fraiseql_graphql_queries_error",
          "fraiseql_graphql_queries_total",
          "fraiseql_http_requests_total",
        ],
      },
      {
        name: "fraiseql_graphql_qeuries_total",
        suggestions: [
          "fraiseql_graphql_queries_total",
          "fraiseql_graphql_queries_error",
          "fraiseql_http_requests_total",
        ],
      },
    ]);
  });
});
