import { describe, expect, it } from "vitest";
import {
  checkRefreshInterval,
  describeTimeRange,
  isValidTimeExpression,
  rangeNeedsViewerZone,
  parseTimeExpression,
  QUICK_RANGES,
  REFRESH_INTERVALS,
  refreshIntervalMs,
  resolveTimeRange,
} from "./time-range";

// Wednesday 2024-05-15 13:45:30.250 UTC
const NOW = Date.UTC(2024, 4, 15, 13, 45, 30, 250);
const iso = (text: string): number => Date.parse(text);

describe("parseTimeExpression", () => {
  const cases: Array<[text: string, roundUp: boolean, expected: string]> = [
    ["now", false, "2024-05-15T13:45:30.250Z"],
    ["now-5m", false, "2024-05-15T13:40:30.250Z"],
    ["now-6h", false, "2024-05-15T07:45:30.250Z"],
    ["now-7d", false, "2024-05-08T13:45:30.250Z"],
    ["now-2w", false, "2024-05-01T13:45:30.250Z"],
    ["now+1h", false, "2024-05-15T14:45:30.250Z"],
    ["now-30s", false, "2024-05-15T13:45:00.250Z"],
    ["now-1M", false, "2024-04-15T13:45:30.250Z"],
    ["now-1y", false, "2023-05-15T13:45:30.250Z"],
    ["now/d", false, "2024-05-15T00:00:00.000Z"],
    ["now/d", true, "2024-05-15T23:59:59.999Z"],
    ["now-1d/d", false, "2024-05-14T00:00:00.000Z"],
    ["now-1d/d", true, "2024-05-14T23:59:59.999Z"],
    ["now/h", false, "2024-05-15T13:00:00.000Z"],
    ["now/m", true, "2024-05-15T13:45:59.999Z"],
    ["now/w", false, "2024-05-12T00:00:00.000Z"],
    ["now/M", false, "2024-05-01T00:00:00.000Z"],
    ["now/M", true, "2024-05-31T23:59:59.999Z"],
    ["now/y", false, "2024-01-01T00:00:00.000Z"],
    ["now-1d-2h", false, "2024-05-14T11:45:30.250Z"],
    ["now-1M/M", false, "2024-04-01T00:00:00.000Z"],
    ["2024-01-02T03:04:05Z", false, "2024-01-02T03:04:05.000Z"],
    ["2024-01-02T03:04:05.678+02:00", false, "2024-01-02T01:04:05.678Z"],
    ["2024-01-02 03:04:05", false, "2024-01-02T03:04:05.000Z"],
    ["2024-01-02", false, "2024-01-02T00:00:00.000Z"],
    ["1700000000000", false, "2023-11-14T22:13:20.000Z"],
    ["20240102", false, "2024-01-02T00:00:00.000Z"],
    ["20240102T030405", false, "2024-01-02T03:04:05.000Z"],
  ];
  it.each(cases)("%s (round up %s) → %s", (text, roundUp, expected) => {
    expect(parseTimeExpression(text, { now: NOW, roundUp, timezone: "utc" })).toBe(iso(expected));
  });

  it("clamps the day when months have different lengths, as moment does", () => {
    const march31 = Date.UTC(2024, 2, 31, 12);
    expect(parseTimeExpression("now-1M", { now: march31 })).toBe(Date.UTC(2024, 1, 29, 12));
  });

  it("starts weeks on the chosen day", () => {
    expect(parseTimeExpression("now/w", { now: NOW, weekStart: "monday" })).toBe(iso("2024-05-13T00:00:00Z"));
    expect(parseTimeExpression("now/w", { now: NOW, weekStart: "saturday" })).toBe(
      iso("2024-05-11T00:00:00Z"),
    );
  });

  it("accepts a Date for now", () => {
    expect(parseTimeExpression("now-1h", { now: new Date(NOW) })).toBe(NOW - 3_600_000);
  });

  it("rejects what is not a time", () => {
    for (const text of [
      "",
      "then",
      "now-",
      "now-5x",
      "now/",
      "now-5m/",
      "yesterday",
      "2024-13-01",
      "2024-02-30",
    ]) {
      expect(parseTimeExpression(text, { now: NOW }), text).toBeUndefined();
      expect(isValidTimeExpression(text)).toBe(false);
    }
  });
});

describe("resolveTimeRange", () => {
  it("rounds the start down and the end up", () => {
    expect(resolveTimeRange({ from: "now-1d/d", to: "now-1d/d" }, { now: NOW })).toEqual({
      ok: true,
      from: iso("2024-05-14T00:00:00Z"),
      to: iso("2024-05-14T23:59:59.999Z"),
    });
    expect(resolveTimeRange({ from: "now-6h", to: "now" }, { now: NOW })).toEqual({
      ok: true,
      from: NOW - 6 * 3_600_000,
      to: NOW,
    });
  });

  it("says which end is wrong", () => {
    expect(resolveTimeRange({ from: "bogus", to: "now" }, { now: NOW })).toMatchObject({
      ok: false,
      field: "from",
    });
    expect(resolveTimeRange({ from: "now-1h", to: "later" }, { now: NOW })).toMatchObject({
      ok: false,
      field: "to",
    });
    expect(resolveTimeRange({ from: "now", to: "now-1h" }, { now: NOW })).toEqual({
      ok: false,
      field: "from",
      error: '"from" can\'t be after "to"',
    });
  });

  it("resolves every quick range to a non-empty range", () => {
    for (const range of QUICK_RANGES) {
      const resolved = resolveTimeRange(range, { now: NOW });
      expect(resolved.ok, range.display).toBe(true);
      if (resolved.ok) expect(resolved.to).toBeGreaterThan(resolved.from);
    }
  });
});

describe("quick ranges", () => {
  it("runs from the last 5 minutes to the last 7 days", () => {
    const relative = QUICK_RANGES.filter((range) => range.to === "now" && !range.from.includes("/"));
    expect(relative.map((range) => range.from)).toEqual([
      "now-5m",
      "now-15m",
      "now-30m",
      "now-1h",
      "now-3h",
      "now-6h",
      "now-12h",
      "now-24h",
      "now-2d",
      "now-7d",
    ]);
  });

  it("describes ranges as the picker does", () => {
    expect(describeTimeRange({ from: "now-6h", to: "now" })).toBe("Last 6 hours");
    expect(describeTimeRange({ from: "now-10m", to: "now" })).toBe("Last 10 minutes");
    expect(describeTimeRange({ from: "now-1d", to: "now" })).toBe("Last 1 day");
    expect(describeTimeRange({ from: "now-1d/d", to: "now-1d/d" })).toBe("Yesterday");
    expect(describeTimeRange({ from: "2024-01-01", to: "now" })).toBe("2024-01-01 to now");
  });
});

describe("refresh intervals", () => {
  it("offers off and 5s to 1d", () => {
    expect(REFRESH_INTERVALS.map((interval) => interval.value)).toEqual([
      "",
      "5s",
      "10s",
      "30s",
      "1m",
      "5m",
      "15m",
      "30m",
      "1h",
      "2h",
      "1d",
    ]);
    for (const interval of REFRESH_INTERVALS) expect(checkRefreshInterval(interval.value)).toBeUndefined();
  });

  it("converts and checks intervals", () => {
    expect(refreshIntervalMs("")).toBe(0);
    expect(refreshIntervalMs("30s")).toBe(30_000);
    expect(refreshIntervalMs("1d")).toBe(86_400_000);
    expect(refreshIntervalMs("1m30s")).toBeUndefined();
    expect(refreshIntervalMs("0s")).toBeUndefined();
    expect(checkRefreshInterval("soon")).toMatch(/not a refresh interval/);
    expect(checkRefreshInterval("1s")).toMatch(/raised to 5s/);
  });
});

describe("rangeNeedsViewerZone", () => {
  it("is true where the browser's calendar decides the instants", () => {
    const cases: [string, string][] = [
      ["now/d", "now/d"],
      ["now-1d", "now"],
      ["now-7d", "now"],
      ["now-1M/M", "now-1M/M"],
      ["2026-01-01 00:00:00", "now"],
      ["now-6h", "now/h"],
    ];
    for (const [from, to] of cases)
      expect(rangeNeedsViewerZone({ from, to }, "browser"), `${from} to ${to}`).toBe(true);
  });

  it("is false for hours and minutes back from now, for epoch milliseconds, and on UTC", () => {
    const cases: [string, string][] = [
      ["now-6h", "now"],
      ["now-15m", "now-5m"],
      ["now-90s", "now"],
      ["1767225600000", "1767229200000"],
    ];
    for (const [from, to] of cases)
      expect(rangeNeedsViewerZone({ from, to }, "browser"), `${from} to ${to}`).toBe(false);
    expect(rangeNeedsViewerZone({ from: "now/d", to: "now/d" }, "utc")).toBe(false);
  });
});
