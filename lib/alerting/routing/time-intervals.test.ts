import { describe, expect, it } from "vitest";
import type { TimeIntervalRange } from "../../model";
import { routeMutedAt, timeRangeContains } from "./time-intervals";

/**
 * Alertmanager 0.25's own table (timeinterval/timeinterval_test.go, timeIntervalTestCases), with
 * its ranges written as a configuration writes them and its times in Go's RFC822Z layout.
 */

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** `02 Jan 06 15:04 +0000` (time.RFC822Z) as a Date. */
function rfc822z(text: string): Date {
  const [day = "", mon = "", year = "", clock = "", zone = ""] = text.split(" ");
  const month = String(MONTHS.indexOf(mon) + 1).padStart(2, "0");
  return new Date(
    `20${year}-${month}-${day.padStart(2, "0")}T${clock}:00${zone.slice(0, 3)}:${zone.slice(3)}`,
  );
}

const CASES: { range: TimeIntervalRange; valid: string[]; invalid: string[] }[] = [
  {
    range: {},
    valid: ["02 Jan 06 15:04 +0000", "03 Jan 07 10:04 +0000", "04 Jan 06 09:04 +0000"],
    invalid: [],
  },
  {
    range: { times: [{ startTime: "09:00", endTime: "17:00" }], weekdays: ["monday:friday"] },
    valid: ["04 May 20 15:04 +0000", "05 May 20 10:04 +0000", "09 Jun 20 09:04 +0000"],
    invalid: ["03 May 20 15:04 +0000", "04 May 20 08:59 +0000", "05 May 20 05:00 +0000"],
  },
  {
    range: { daysOfMonth: ["4:6"], months: ["april"], years: ["2020"] },
    valid: ["04 Apr 20 15:04 +0000", "05 Apr 20 00:00 +0000", "06 Apr 20 23:05 +0000"],
    invalid: [
      "03 May 18 15:04 +0000",
      "03 Apr 20 23:59 +0000",
      "04 Jun 20 23:59 +0000",
      "06 Apr 19 23:59 +0000",
      "07 Apr 20 00:00 +0000",
    ],
  },
  {
    range: { daysOfMonth: ["-3:-1"] },
    valid: [
      "31 Jan 20 15:04 +0000",
      "30 Jan 20 15:04 +0000",
      "29 Jan 20 15:04 +0000",
      "30 Jun 20 00:00 +0000",
      "29 Feb 20 23:05 +0000",
    ],
    invalid: [
      "03 May 18 15:04 +0000",
      "27 Jan 20 15:04 +0000",
      "03 Apr 20 23:59 +0000",
      "04 Jun 20 23:59 +0000",
      "06 Apr 19 23:59 +0000",
      "07 Apr 20 00:00 +0000",
      "01 Mar 20 00:00 +0000",
    ],
  },
  {
    range: { months: ["6"], daysOfMonth: ["-31:31"] },
    valid: ["30 Jun 20 00:00 +0000", "01 Jun 20 00:00 +0000"],
    invalid: ["31 May 20 00:00 +0000", "1 Jul 20 00:00 +0000"],
  },
  {
    range: {
      times: [{ startTime: "09:00", endTime: "17:00" }],
      weekdays: ["monday:friday"],
      location: "Australia/Sydney",
    },
    valid: ["06 Apr 21 13:00 +1000"],
    invalid: ["06 Apr 21 13:00 +0000"],
  },
  {
    range: {
      times: [{ startTime: "09:00", endTime: "17:00" }],
      weekdays: ["monday:friday"],
      months: ["november"],
      location: "Australia/Sydney",
    },
    valid: ["01 Nov 21 09:00 +1100", "31 Oct 21 22:00 +0000"],
    invalid: ["31 Oct 21 21:00 +0000"],
  },
];

describe("time intervals as Alertmanager evaluates them", () => {
  it.each(CASES.map((testCase, index) => ({ ...testCase, index })))(
    "case $index of upstream's table",
    (testCase) => {
      for (const time of testCase.valid)
        expect(timeRangeContains(testCase.range, rfc822z(time)), time).toBe(true);
      for (const time of testCase.invalid)
        expect(timeRangeContains(testCase.range, rfc822z(time)), time).toBe(false);
    },
  );

  it("mutes a route inside a mute interval, or outside all of its active intervals", () => {
    const intervals = [
      { name: "nights", timeIntervals: [{ times: [{ startTime: "00:00", endTime: "06:00" }] }] },
      {
        name: "office",
        timeIntervals: [{ weekdays: ["monday:friday"], times: [{ startTime: "09:00", endTime: "17:00" }] }],
      },
    ];
    const night = new Date("2026-12-01T03:00:00Z");
    const tuesdayNoon = new Date("2026-12-01T12:00:00Z");
    const sundayNoon = new Date("2026-12-06T12:00:00Z");
    const mute = { muteTimeIntervals: ["nights"], activeTimeIntervals: [] };
    const active = { muteTimeIntervals: [], activeTimeIntervals: ["office"] };
    expect(routeMutedAt(mute, intervals, night)).toBe(true);
    expect(routeMutedAt(mute, intervals, tuesdayNoon)).toBe(false);
    expect(routeMutedAt(active, intervals, tuesdayNoon)).toBe(false);
    expect(routeMutedAt(active, intervals, sundayNoon)).toBe(true);
    expect(routeMutedAt({ muteTimeIntervals: [], activeTimeIntervals: [] }, intervals, night)).toBe(false);
  });
});
