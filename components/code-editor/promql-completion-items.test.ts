import { describe, expect, it } from "vitest";
import { promqlSuggestions, quotePromqlString } from "./promql-completion-items";

describe("promqlSuggestions", () => {
  it("offers metrics with their type and help, then aggregations and functions as snippets", () => {
    const items = promqlSuggestions(
      { kind: "metric", prefix: "", from: 0 },
      { metrics: [{ name: "up", type: "gauge", help: "Target is up." }], variables: ["instance"] },
    );
    expect(items[0]).toMatchObject({
      label: "up",
      kind: "metric",
      detail: "gauge",
      documentation: "Target is up.",
    });
    expect(items.find((item) => item.label === "rate")).toMatchObject({
      kind: "function",
      insertText: "rate($0)",
      snippet: true,
      detail: "rate(v range-vector)",
    });
    expect(items.find((item) => item.label === "sum")).toMatchObject({ kind: "aggregation" });
    expect(items.find((item) => item.label === "$instance")).toMatchObject({ kind: "variable" });
  });

  it("inserts only the name before an existing parenthesis", () => {
    const items = promqlSuggestions({ kind: "function", prefix: "ra", from: 0 }, {});
    expect(items.find((item) => item.label === "rate")?.insertText).toBe("rate");
    expect(items.every((item) => item.kind === "function" || item.kind === "aggregation")).toBe(true);
  });

  it("quotes label values when the quote is not typed yet", () => {
    const data = { labelValues: ['say "hi"', "api"], variables: ["job"] };
    const quoted = promqlSuggestions(
      { kind: "label-value", prefix: "", from: 0, label: "job", quoted: true },
      data,
    );
    const bare = promqlSuggestions(
      { kind: "label-value", prefix: "", from: 0, label: "job", quoted: false },
      data,
    );
    expect(quoted.map((item) => item.insertText)).toEqual(['say \\"hi\\"', "api", "$job"]);
    expect(bare.map((item) => item.insertText)).toEqual(['"say \\"hi\\""', '"api"', '"$job"']);
  });

  it("offers Grafana's interval variables and common durations in a range", () => {
    const labels = promqlSuggestions({ kind: "duration", prefix: "", from: 0 }, {}).map((item) => item.label);
    expect(labels).toContain("$__rate_interval");
    expect(labels).toContain("5m");
  });

  it("offers keywords after an expression and nothing where nothing fits", () => {
    const keywords = promqlSuggestions({ kind: "keyword", prefix: "", from: 0 }, {}).map(
      (item) => item.label,
    );
    expect(keywords).toEqual(expect.arrayContaining(["by", "without", "offset", "bool", "on", "group_left"]));
    expect(promqlSuggestions({ kind: "none" }, {})).toEqual([]);
  });
});

describe("quotePromqlString", () => {
  it("escapes backslashes, quotes and newlines", () => {
    expect(quotePromqlString('a\\b"c\nd')).toBe('"a\\\\b\\"c\\nd"');
  });
});
