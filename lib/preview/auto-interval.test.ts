import { describe, expect, it } from "vitest";
import { autoInterval, autoIntervalValue, roundInterval } from "./auto-interval";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe("roundInterval", () => {
  // Grafana's rangeutil.roundInterval, at and around its steps.
  it.each([
    [0, 1],
    [9, 1],
    [10, 10],
    [1499, 1000],
    [1500, 2000],
    [12_499, 10_000],
    [12_500, 15_000],
    [44_999, 30_000],
    [45_000, 60_000],
    [89_999, 60_000],
    [90_000, 120_000],
    [5_399_999, HOUR],
    [86_399_999, 12 * HOUR],
    [86_400_000, DAY],
    [604_800_000, 7 * DAY],
    [1_814_400_000, 30 * DAY],
    [3_628_800_000, 365 * DAY],
  ])("%d ms rounds to %d ms", (ms, rounded) => {
    expect(roundInterval(ms)).toBe(rounded);
  });
});

describe("autoInterval", () => {
  it("splits the range into count steps, rounded, never below the minimum", () => {
    // Grafana's defaults (30 steps, 10s): an hour is 2 minutes, 6 hours 10 minutes, 7 days 6 hours.
    expect(autoInterval(HOUR, 30, "10s")).toBe("2m");
    expect(autoInterval(6 * HOUR, 30, "10s")).toBe("10m");
    expect(autoInterval(7 * DAY, 30, "10s")).toBe("6h");
    expect(autoInterval(5 * MINUTE, 30, "10s")).toBe("10s");
    expect(autoInterval(5 * MINUTE, 30, "1m")).toBe("1m");
    expect(autoInterval(HOUR, 100, undefined)).toBe("30s");
  });

  it("names the option as Grafana's URLs do", () => {
    expect(autoIntervalValue("interval")).toBe("$__auto_interval_interval");
  });
});
