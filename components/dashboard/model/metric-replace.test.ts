import { describe, expect, it } from "vitest";
import { replaceMetricName } from "./metric-replace";

describe("replaceMetricName", () => {
  it.each([
    ["rate(foo_total[5m])", "rate(bar_total[5m])"],
    ['sum(foo_total{a="foo_total"}) / foo_total_x', 'sum(bar_total{a="foo_total"}) / foo_total_x'],
    ["foo_total:rate5m + foo_total", "foo_total:rate5m + bar_total"],
    ["foo_total[$__rate_interval]", "bar_total[$__rate_interval]"],
  ])("%s", (input, output) => {
    expect(replaceMetricName(input, "foo_total", "bar_total")).toBe(output);
  });
});
