import { describe, expect, it } from "vitest";
import { builtinTemplates, renderText } from "../notify/render";
import { parseRfc3339Nano } from "../notify/rfc3339";
import { notificationData, ZERO_TIME } from "../notify/template-data";
import { seededRandom } from "../../promql/testing/mutate";
import { formatTime } from "./go-time";
import { isKnownZone, zoneAt } from "./go-zone";

/**
 * `tz` and `date` as Alertmanager 0.26+ has them (t.In(time.LoadLocation(name)), t.Format). The
 * 0.25 binary the live tests run lacks both, so the oracle here is Go's time semantics read from
 * its source (time/format.go) with the zones' rules from the tz database source (europe, northamerica):
 * generated instants formatted with an independent reckoning of the offset.
 */

const DAY = 86_400_000;

/** The last `weekday` (0 Sunday) of a month, or the n-th, as a UTC midnight. */
function nthWeekday(year: number, month: number, weekday: number, n: number): number {
  if (n > 0) {
    const first = Date.UTC(year, month, 1);
    const shift = (weekday - new Date(first).getUTCDay() + 7) % 7;
    return first + (shift + 7 * (n - 1)) * DAY;
  }
  const last = Date.UTC(year, month + 1, 0);
  return last - ((new Date(last).getUTCDay() - weekday + 7) % 7) * DAY;
}

/** tzdata `Rule EU 1981 max - Mar lastSun 1:00u` / `Oct lastSun 1:00u`: Europe/Paris, CET/CEST. */
function paris(ms: number): { offset: number; abbr: string } {
  const year = new Date(ms).getUTCFullYear();
  const start = nthWeekday(year, 2, 0, -1) + 3_600_000;
  const end = nthWeekday(year, 9, 0, -1) + 3_600_000;
  return ms >= start && ms < end ? { offset: 7200, abbr: "CEST" } : { offset: 3600, abbr: "CET" };
}

/** tzdata `Rule US 2007 max - Mar Sun>=8 2:00` / `Nov Sun>=1 2:00` (local): America/New_York. */
function newYork(ms: number): { offset: number; abbr: string } {
  const year = new Date(ms).getUTCFullYear();
  const start = nthWeekday(year, 2, 0, 2) + 7 * 3_600_000; // 2:00 EST
  const end = nthWeekday(year, 10, 0, 1) + 6 * 3_600_000; // 2:00 EDT
  return ms >= start && ms < end ? { offset: -4 * 3600, abbr: "EDT" } : { offset: -5 * 3600, abbr: "EST" };
}

const pad = (n: number, w = 2): string => String(n).padStart(w, "0");

/** Go's `2006-01-02 15:04:05 -0700 MST`, reckoned apart from the code under test. */
function expectedString(ms: number, zone: { offset: number; abbr: string }): string {
  const d = new Date(ms + zone.offset * 1000);
  const off = Math.abs(zone.offset) / 60;
  const sign = zone.offset < 0 ? "-" : "+";
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${sign}${pad(Math.floor(off / 60))}${pad(off % 60)} ${zone.abbr}`;
}

const LAYOUT = "2006-01-02 15:04:05 -0700 MST";

describe("Go time zones for tz", () => {
  it.each([
    ["Europe/Paris", paris],
    ["America/New_York", newYork],
  ] as const)(
    "%s on generated instants, DST edges included, equals the tz database's rules",
    (name, rule) => {
      const random = seededRandom(name.length);
      const instants: number[] = [];
      for (let i = 0; i < 400; i++)
        instants.push(
          Date.UTC(2008, 0, 1) +
            Math.floor(random() * 27 * 365) * DAY +
            Math.floor((random() * DAY) / 1000) * 1000,
        );
      // A second before and at each transition of a few years.
      for (const year of [2021, 2026, 2031]) {
        for (const edge of name === "Europe/Paris"
          ? [nthWeekday(year, 2, 0, -1) + 3_600_000, nthWeekday(year, 9, 0, -1) + 3_600_000]
          : [nthWeekday(year, 2, 0, 2) + 7 * 3_600_000, nthWeekday(year, 10, 0, 1) + 6 * 3_600_000])
          instants.push(edge - 1000, edge);
      }
      for (const ms of instants) {
        expect(formatTime(BigInt(ms) * 1_000_000n, LAYOUT, name), new Date(ms).toISOString()).toBe(
          expectedString(ms, rule(ms)),
        );
      }
    },
  );

  it("fixed offsets, half hours, zones without letters, and Go's numeric layouts", () => {
    const t = BigInt(Date.UTC(2026, 0, 5, 9, 30, 0)) * 1_000_000n;
    const cases: [string, string, string][] = [
      ["Asia/Kolkata", LAYOUT, "2026-01-05 15:00:00 +0530 IST"],
      ["Asia/Kolkata", "Z07:00 -07 -07:00:00 Z0700", "+05:30 +05 +05:30:00 +0530"],
      ["Asia/Dubai", "15:04 MST", "13:30 +04"],
      ["Etc/GMT+5", "15:04 MST -0700", "04:30 -05 -0500"],
      ["America/Sao_Paulo", "15:04 MST", "06:30 -03"],
      ["Asia/Tokyo", "Mon Jan _2 15:04 MST", "Mon Jan  5 18:30 JST"],
      ["Australia/Sydney", "2006-01-02 15:04 MST", "2026-01-05 20:30 AEDT"],
      ["Europe/London", "15:04 MST Z07:00", "09:30 GMT Z"],
      ["UTC", "15:04 MST Z07:00 -0700", "09:30 UTC Z +0000"],
    ];
    for (const [zone, layout, want] of cases)
      expect(formatTime(t, layout, zone), `${zone} ${layout}`).toBe(want);
    // Go prints the offset's hours only for -07, truncating the minutes.
    expect(zoneAt("Asia/Kathmandu", Date.UTC(2026, 0, 5) / 1000)).toEqual({ offset: 20_700, abbr: "+0545" });
  });

  it("finds zones as time.LoadLocation does: by exact name, '' and UTC are UTC", () => {
    for (const name of ["", "UTC", "Local", "Europe/Paris", "America/Argentina/Buenos_Aires", "Etc/GMT-3"])
      expect(isKnownZone(name), name).toBe(true);
    for (const name of ["Mars/Olympus", "europe/paris", "EUROPE/PARIS", "Paris", "+02:00"])
      expect(isKnownZone(name), name).toBe(false);
  });
});

describe("tz and date in notification templates", () => {
  const data = notificationData(
    "team",
    { alertname: "Disk" },
    [
      {
        labels: { alertname: "Disk" },
        annotations: {},
        startsAt: "2026-07-05T22:30:00.5Z",
        endsAt: ZERO_TIME,
        status: "firing",
      },
    ],
    "http://am:9093",
  );
  const now = (): bigint => parseRfc3339Nano("2026-07-06T00:00:00Z");

  it.each([
    [
      '{{ ((index .Alerts 0).StartsAt | tz "Europe/Paris").Format "Mon 2 Jan 15:04 MST" }}',
      "Mon 6 Jul 00:30 CEST",
    ],
    [
      '{{ date "2006-01-02 15:04 -07:00" ((index .Alerts 0).StartsAt | tz "America/New_York") }}',
      "2026-07-05 18:30 -04:00",
    ],
    [
      '{{ with (index .Alerts 0).StartsAt | tz "Asia/Tokyo" }}{{ .Day }} {{ .Hour }} {{ .Weekday }}{{ end }}',
      "6 7 Monday",
    ],
    ['{{ ((index .Alerts 0).StartsAt | tz "Asia/Tokyo").UTC.Hour }}', "22"],
    ['{{ (index .Alerts 0).StartsAt | tz "Europe/Paris" }}', "2026-07-06 00:30:00.5 +0200 CEST"],
    ['{{ (index .Alerts 0).StartsAt | tz "" }}', "2026-07-05 22:30:00.5 +0000 UTC"],
    ['{{ ((index .Alerts 0).StartsAt | tz "Europe/Paris").Unix }}', "1783290600"],
  ])("%s", (template, expected) => {
    expect(renderText(builtinTemplates(), template, data, { now })).toEqual({ ok: true, text: expected });
  });

  it("fails on a zone LoadLocation does not find, as the send would", () => {
    const result = renderText(
      builtinTemplates(),
      '{{ (index .Alerts 0).StartsAt | tz "Mars/Olympus" }}',
      data,
    );
    expect(result).toMatchObject({ ok: false, stage: "execute" });
    expect(JSON.stringify(result)).toContain("unknown time zone Mars/Olympus");
  });
});
