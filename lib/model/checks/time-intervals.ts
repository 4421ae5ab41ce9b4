import type { TimeInterval } from "../alertmanager";
import type { IssueCollector, PathSegment } from "../issues";
import { clockMinutes, MONTHS, WEEKDAYS } from "../time-interval-fields";

/** Alertmanager's checks of time interval definitions (timeinterval/timeinterval.go), in its words. */

type Member = (name: string) => number | string;

/** [begin, end] of `a:b` or `a`, or the message of the first member that is not valid. */
function range(text: string, member: Member): [number, number] | string {
  const parts = text.toLowerCase().split(":");
  if (parts.length > 2) return `couldn't parse range ${text.toLowerCase()}, invalid format`;
  const values = parts.map(member);
  const problem = values.find((value) => typeof value === "string");
  if (typeof problem === "string") return problem;
  const [begin, end = begin] = values as number[];
  return [begin as number, end as number];
}

const weekday: Member = (name) =>
  WEEKDAYS.includes(name) ? WEEKDAYS.indexOf(name) : `${name} is not a valid weekday`;
const month: Member = (name) =>
  MONTHS.includes(name)
    ? MONTHS.indexOf(name) + 1
    : /^-?\d+$/.test(name)
      ? Number(name)
      : `${name} is not a valid month`;
const integer =
  (what: string): Member =>
  (name) =>
    /^-?\d+$/.test(name) ? Number(name) : `${name} is not a valid ${what}`;

function validZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function checkTimeIntervals(intervals: readonly TimeInterval[], out: IssueCollector): void {
  intervals.forEach((interval, i) => {
    interval.timeIntervals.forEach((entry, j) => {
      const at = (...rest: PathSegment[]): PathSegment[] => [
        "alertmanager",
        "timeIntervals",
        i,
        "timeIntervals",
        j,
        ...rest,
      ];
      entry.times?.forEach((time, k) => {
        if (clockMinutes(time.startTime) >= clockMinutes(time.endTime))
          out.error(at("times", k), "start time cannot be equal or greater than end time");
      });
      entry.weekdays?.forEach((text, k) => {
        const parsed = range(text, weekday);
        if (typeof parsed === "string") out.error(at("weekdays", k), parsed);
        else if (parsed[0] > parsed[1]) out.error(at("weekdays", k), "start day cannot be before end day");
      });
      entry.daysOfMonth?.forEach((text, k) => {
        const parsed = range(text, integer("day of the month"));
        if (typeof parsed === "string") {
          out.error(at("daysOfMonth", k), parsed);
          return;
        }
        const [begin, end] = parsed;
        const outOfRange = [begin, end].find((day) => day === 0 || day < -31 || day > 31);
        if (outOfRange !== undefined)
          out.error(at("daysOfMonth", k), `${outOfRange} is not a valid day of the month: out of range`);
        else if (begin < 0 && end > 0)
          out.error(at("daysOfMonth", k), "end day must be negative if start day is negative");
        else if (begin > end)
          out.error(at("daysOfMonth", k), `end day ${end} is always before start day ${begin}`);
      });
      entry.months?.forEach((text, k) => {
        const parsed = range(text, month);
        if (typeof parsed === "string") out.error(at("months", k), parsed);
        else if (parsed[0] > parsed[1]) {
          const [begin = "", end = begin] = text.toLowerCase().split(":");
          out.error(at("months", k), `end month ${end} is before start month ${begin}`);
        }
      });
      entry.years?.forEach((text, k) => {
        const parsed = range(text, integer("year"));
        if (typeof parsed === "string") out.error(at("years", k), parsed);
        else if (parsed[0] > parsed[1])
          out.error(at("years", k), `end year ${parsed[1]} is before start year ${parsed[0]}`);
      });
      if (entry.location !== undefined && !validZone(entry.location))
        out.error(at("location"), `unknown time zone ${entry.location}`);
    });
  });
}
