import { describe, expect, it } from "vitest";
import { everyNth, tickSpacing, timeTicks, valueTickCount } from "./axis-ticks";

const HOUR = 3_600_000;
const at = (iso: string): number => Date.parse(iso);

describe("timeTicks", () => {
  it("puts ticks on round times, as far apart as the labels need", () => {
    // 3 hours over 600 px: at least 80 px per label allows 7, so every 30 minutes.
    const ticks = timeTicks(at("2026-01-01T10:07:00Z"), at("2026-01-01T13:07:00Z"), 600, 0);
    expect(ticks.map((tick) => new Date(tick).toISOString().slice(11, 16))).toEqual([
      "10:30",
      "11:00",
      "11:30",
      "12:00",
      "12:30",
      "13:00",
    ]);
  });

  it("takes longer steps in narrow panels", () => {
    const ticks = timeTicks(at("2026-01-01T10:07:00Z"), at("2026-01-01T13:07:00Z"), 300, 0);
    expect(ticks.map((tick) => new Date(tick).toISOString().slice(11, 16))).toEqual([
      "11:00",
      "12:00",
      "13:00",
    ]);
  });

  it("rounds in the viewer's time zone", () => {
    // UTC+05:30 (offset -330 minutes, as Date#getTimezoneOffset gives it): hourly ticks on the local hour.
    const ticks = timeTicks(at("2026-01-01T10:00:00Z"), at("2026-01-01T13:00:00Z"), 250, -330);
    expect(ticks.map((tick) => new Date(tick).toISOString().slice(11, 16))).toEqual([
      "10:30",
      "11:30",
      "12:30",
    ]);
  });

  it("keeps labels apart over several days too", () => {
    const from = at("2026-01-01T00:00:00Z");
    const ticks = timeTicks(from, from + 7 * 24 * HOUR, 1000, 0);
    const gaps = ticks.slice(1).map((tick, index) => tick - (ticks[index] ?? 0));
    expect(new Set(gaps)).toEqual(new Set([24 * HOUR]));
    expect((gaps[0] ?? 0) / (7 * 24 * HOUR)).toBeGreaterThanOrEqual(tickSpacing(7 * 24 * HOUR) / 1000);
  });

  it("gives the one time when the range is a single moment", () => {
    expect(timeTicks(5, 5, 300, 0)).toEqual([5]);
  });
});

describe("valueTickCount", () => {
  it("keeps recharts' five ticks where they fit and fewer where they would touch", () => {
    expect(valueTickCount(200)).toBe(5);
    expect(valueTickCount(60)).toBe(3);
    expect(valueTickCount(10)).toBe(2);
  });
});

describe("everyNth", () => {
  it("labels every bucket when they all fit", () => {
    expect(everyNth(4, 1)).toEqual([0, 1, 2, 3]);
  });

  it("keeps the first and the last, and every nth between, none too close to the last", () => {
    expect(everyNth(12, 3)).toEqual([0, 3, 6, 11]);
    expect(everyNth(10, 3)).toEqual([0, 3, 6, 9]);
  });

  it("copes with one bucket and with none", () => {
    expect(everyNth(1, 5)).toEqual([0]);
    expect(everyNth(0, 2)).toEqual([]);
  });
});
