import { describe, expect, it } from "vitest";
import { searchParamsOf, viewFromSearchParams, viewSearchParams } from "./view-url";

describe("the view in the URL", () => {
  it.each([
    ["", { variableSelections: {} }],
    ["from=now-6h&to=now", { timeRange: { from: "now-6h", to: "now" }, variableSelections: {} }],
    [
      "from=1700000000000&to=1700003600000&refresh=30s",
      { timeRange: { from: "1700000000000", to: "1700003600000" }, refresh: "30s", variableSelections: {} },
    ],
    [
      "var-job=node&var-instance=a&var-instance=b",
      { variableSelections: { job: ["node"], instance: ["a", "b"] } },
    ],
    ["var-job=%24__all", { variableSelections: { job: ["$__all"] } }],
    ["refresh=", { refresh: "", variableSelections: {} }],
    // A range that does not parse, or half a range, is ignored: the dashboard's default applies.
    ["from=yesterday&to=now", { variableSelections: {} }],
    ["from=now-1h", { variableSelections: {} }],
    ["var-=x", { variableSelections: {} }],
  ])("reads %j", (query, expected) => {
    expect(viewFromSearchParams(new URLSearchParams(query))).toEqual(expected);
  });

  it("writes Grafana's parameters after the address's others, and reads back the same view", () => {
    const view = {
      timeRange: { from: "now-24h", to: "now" },
      refresh: "1m",
      variableSelections: { job: ["node"], instance: ["a:9100", "b:9100"] },
    };
    const params = viewSearchParams(view, new URLSearchParams("tab=json&from=now-1h&var-old=x"));
    expect(params.toString()).toBe(
      "tab=json&from=now-24h&to=now&refresh=1m&var-job=node&var-instance=a%3A9100&var-instance=b%3A9100",
    );
    expect(viewFromSearchParams(params)).toEqual(view);
    expect(viewSearchParams({ ...view, refresh: "" }).has("refresh")).toBe(false);
  });

  it("takes Next.js's search params, repeated keys as arrays", () => {
    expect(searchParamsOf({ from: "now-1h", "var-x": ["a", "b"], none: undefined }).toString()).toBe(
      "from=now-1h&var-x=a&var-x=b",
    );
  });
});
