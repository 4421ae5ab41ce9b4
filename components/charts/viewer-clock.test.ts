import { describe, expect, it } from "vitest";
import { timeTicks } from "./axis-ticks";
import { formatFullTime, timeTickFormatter } from "./format";
import { formatViewerClock, parseViewerClock, zoneOffsetMinutes } from "./viewer-clock";

const at = (iso: string): number => Date.parse(iso);

describe("the viewer's clock", () => {
  it("reads back what it wrote, as Intl names it", () => {
    const clock = { timeZone: "Europe/Paris", locale: "fr-FR" };
    expect(parseViewerClock(formatViewerClock(clock))).toEqual(clock);
  });

  it("refuses a zone or locale Intl does not know, and anything else", () => {
    for (const text of [undefined, "", "en-US", "en-US~Mars/Olympus", "~UTC", "en US~UTC", "en-US~UTC;x"])
      expect(parseViewerClock(text)).toBeUndefined();
  });

  it("knows a zone's offset at a moment, summer time included", () => {
    expect(zoneOffsetMinutes("UTC", at("2026-01-01T10:00:00Z"))).toBe(0);
    expect(zoneOffsetMinutes("Asia/Kolkata", at("2026-01-01T10:00:00Z"))).toBe(330);
    expect(zoneOffsetMinutes("America/New_York", at("2026-01-15T12:00:00Z"))).toBe(-300);
    expect(zoneOffsetMinutes("America/New_York", at("2026-07-15T12:00:00Z"))).toBe(-240);
    expect(zoneOffsetMinutes("Australia/Adelaide", at("2026-01-15T12:34:56.789Z"))).toBe(630);
  });

  it("writes times on the viewer's clock, whatever the machine's", () => {
    const kolkata = { timeZone: "Asia/Kolkata", locale: "en-GB" };
    expect(timeTickFormatter(3_600_000, kolkata)(at("2026-01-01T10:00:00Z"))).toBe("15:30");
    expect(formatFullTime(at("2026-01-01T10:00:00Z"), { timeZone: "UTC", locale: "en-GB" })).toBe(
      "01/01/2026, 10:00:00",
    );
  });

  it("puts hourly ticks on the viewer's hours", () => {
    const from = at("2026-01-01T10:00:00Z");
    const ticks = timeTicks(from, from + 3 * 3_600_000, 250, -zoneOffsetMinutes("Asia/Kolkata", from));
    expect(ticks.map((tick) => new Date(tick).toISOString())).toEqual([
      "2026-01-01T10:30:00.000Z",
      "2026-01-01T11:30:00.000Z",
      "2026-01-01T12:30:00.000Z",
    ]);
  });
});
