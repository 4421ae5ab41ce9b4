import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateAlertmanager } from "../../generate/alertmanager";
import { makeTempDir, writeFiles } from "../../tools/files";
import type { TimeIntervalRange } from "../alertmanager";
import type { ProjectInput } from "../project";
import { ProjectShapeSchema } from "../stored-project";
import { checkProject } from "../validate";

/**
 * Each broken alerting configuration gets an error on the field, worded as Alertmanager words
 * it: the configuration generated from the unchecked project is refused by amtool check-config
 * with that same message.
 */

const dir = makeTempDir("obsforge-am-checks");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const base: ProjectInput = { name: "checks", receivers: [{ name: "default" }, { name: "team" }] };

/** `amtool: false`: the generator never writes the field, so there is nothing for amtool to refuse. */
const CASES: {
  name: string;
  project: ProjectInput;
  path: string;
  message: string;
  amtool?: string | false;
}[] = [
  {
    name: "a route to a missing receiver",
    project: { ...base, route: { receiver: "default", routes: [{ receiver: "nobody" }] } },
    path: "route.routes[0].receiver",
    message: 'undefined receiver "nobody" used in route',
  },
  {
    name: "a matcher with a bad regex",
    project: {
      ...base,
      route: {
        receiver: "default",
        routes: [{ receiver: "team", matchers: [{ label: "team", op: "=~", value: "(api" }] }],
      },
    },
    path: "route.routes[0].matchers[0].value",
    message: 'invalid regular expression "(api": error parsing regexp: missing closing ): `(api`',
    amtool: "error parsing regexp: missing closing )",
  },
  {
    name: "continue on the root route",
    project: { ...base, route: { receiver: "default", continue: true } },
    path: "route.continue",
    message: "cannot have continue in root route",
    amtool: false,
  },
  {
    name: "matchers on the root route",
    project: { ...base, route: { receiver: "default", matchers: [{ label: "a", value: "b" }] } },
    path: "route.matchers",
    message: "root route must not have any matchers",
  },
  {
    name: "`...` with other labels in group_by",
    project: {
      ...base,
      route: { receiver: "default", routes: [{ receiver: "team", groupBy: ["...", "alertname"] }] },
    },
    path: "route.routes[0].groupBy",
    message: "cannot have wildcard group_by (`...`) and other other labels at the same time",
  },
  {
    name: "a route naming an undefined time interval",
    project: {
      ...base,
      route: { receiver: "default", routes: [{ receiver: "team", muteTimeIntervals: ["nights"] }] },
    },
    path: "route.routes[0].muteTimeIntervals[0]",
    message: 'undefined time interval "nights" used in route',
  },
  {
    name: "two time intervals of one name",
    project: {
      ...base,
      alertmanager: { timeIntervals: [{ name: "nights" }, { name: "nights" }] },
    },
    path: "alertmanager.timeIntervals[1].name",
    message: 'time interval "nights" is not unique',
  },
  ...(
    [
      [
        "times",
        { times: [{ startTime: "17:00", endTime: "09:00" }] },
        "times[0]",
        "start time cannot be equal or greater than end time",
      ],
      ["weekdays", { weekdays: ["monday:funday"] }, "weekdays[0]", "funday is not a valid weekday"],
      ["weekdays", { weekdays: ["friday:monday"] }, "weekdays[0]", "start day cannot be before end day"],
      [
        "daysOfMonth",
        { daysOfMonth: ["-3:5"] },
        "daysOfMonth[0]",
        "end day must be negative if start day is negative",
      ],
      [
        "daysOfMonth",
        { daysOfMonth: ["32"] },
        "daysOfMonth[0]",
        "32 is not a valid day of the month: out of range",
      ],
      ["daysOfMonth", { daysOfMonth: ["10:5"] }, "daysOfMonth[0]", "end day 5 is always before start day 10"],
      [
        "months",
        { months: ["december:march"] },
        "months[0]",
        "end month march is before start month december",
      ],
      ["years", { years: ["2026:2020"] }, "years[0]", "end year 2020 is before start year 2026"],
      ["location", { location: "Mars/Olympus" }, "location", "unknown time zone Mars/Olympus"],
    ] satisfies [string, TimeIntervalRange, string, string][]
  ).map(([name, range, field, message]) => ({
    name: `a time interval's ${name}: ${message}`,
    project: {
      ...base,
      route: { receiver: "default", routes: [{ receiver: "team", muteTimeIntervals: ["t"] }] },
      alertmanager: { timeIntervals: [{ name: "t", timeIntervals: [range] }] },
    },
    path: `alertmanager.timeIntervals[0].timeIntervals[0].${field}`,
    message,
  })),
  {
    name: "two receivers of one name",
    project: { ...base, receivers: [{ name: "default" }, { name: "default" }] },
    path: "receivers[1].name",
    message: 'notification config name "default" is not unique',
  },
];

describe("Alertmanager checks", () => {
  it.each(CASES)("$name: an error on the field, and amtool refuses it alike", (testCase) => {
    const project = ProjectShapeSchema.parse(testCase.project);
    const errors = checkProject(project).filter((issue) => issue.severity === "error");
    expect(errors.map((issue) => ({ path: issue.path, message: issue.message }))).toContainEqual({
      path: testCase.path,
      message: testCase.message,
    });
    if (testCase.amtool === false) return;
    const caseDir = path.join(dir, testCase.name.replace(/\W+/g, "-"));
    writeFiles(caseDir, generateAlertmanager(project));
    const result = spawnSync("amtool", ["check-config", "alertmanager/alertmanager.yml"], {
      cwd: caseDir,
      encoding: "utf8",
    });
    expect(result.status).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toContain(testCase.amtool ?? testCase.message);
  });
});
