import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { smallProject } from "../../generate/testdata/small-project";
import { parseProject } from "../../model";
import { importIntoProject } from "../into-project";

const corpus = (name: string): unknown =>
  parse(readFileSync(path.join(import.meta.dirname, "../testdata/alertmanager", name), "utf8"));

describe("obsforge import of an alertmanager.yml", () => {
  it("replaces the project's alerting section, says so, and keeps the secrets without printing them", () => {
    const project = parseProject(smallProject());
    const result = importIntoProject(project, [
      { name: "am.yml", document: corpus("prometheus-alertmanager-conf-good.yml") },
    ]);
    expect(result.ok, result.outcomes[0]?.lines.join("\n")).toBe(true);
    const lines = result.outcomes[0]?.lines ?? [];
    expect(lines[0]).toBe(
      "Alertmanager configuration: 8 routes, 9 receivers (3 editable integrations, 7 kept verbatim), 1 inhibit rule, 0 time intervals",
    );
    expect(lines).toContain("  note: it replaces the project's receivers, route tree and inhibit rules");
    expect(lines.join("\n")).not.toMatch(/mysecret|multiline/);
    expect(result.project.receivers.map((receiver) => receiver.name)).toContain("team-DB-pager");
    const pager = result.project.receivers.find((receiver) => receiver.name === "team-DB-pager");
    expect(pager?.integrations[0]).toMatchObject({
      type: "pagerduty",
      routingKey: { secret: "TEAM_DB_PAGER_PAGERDUTY_ROUTING_KEY", importedValue: "mysecret" },
    });
    expect(result.project.alertmanager.global?.secretPaths).toEqual(["smtp_auth_password", "slack_api_url"]);
    // The rest of the project is untouched.
    expect(result.project.dashboards).toEqual(project.dashboards);
  });

  it("reports every problem of a broken file with where it is", () => {
    const project = parseProject(smallProject());
    const document = {
      route: {
        receiver: "a",
        routes: [
          { matchers: ['team=~"(api"'], receiver: "b" },
          { match_re: { env: "[" }, group_wait: "soon" },
        ],
      },
      receivers: [{ name: "a" }, { name: "b" }],
      inhibit_rules: [{ source_matchers: ['severity="critical'], equal: ["bad-label"] }],
    };
    const result = importIntoProject(project, [{ name: "bad.yml", document }]);
    expect(result.outcomes[0]).toEqual({
      name: "bad.yml",
      ok: false,
      lines: [
        "not an importable Alertmanager configuration:",
        '  route.routes[0].matchers[0]: invalid regular expression "(api"',
        '  route.routes[1].match_re.env: invalid regexp value for "env"',
        '  route.routes[1].group_wait: not a valid duration string: "soon"',
        '  inhibit_rules[0].source_matchers[0]: matcher value contains unescaped double quote: "critical',
        '  inhibit_rules[0].equal: invalid label name "bad-label"',
      ],
    });
  });

  it("a route to a missing receiver is refused by the model's check, in Alertmanager's words", () => {
    const project = parseProject(smallProject());
    const document = {
      route: { receiver: "a", routes: [{ receiver: "nobody" }] },
      receivers: [{ name: "a" }],
    };
    const result = importIntoProject(project, [{ name: "x.yml", document }]);
    expect(result.ok).toBe(false);
    expect(result.outcomes[0]?.lines.join("\n")).toContain('undefined receiver "nobody" used in route');
  });

  it("keeps time intervals, mute/active intervals on routes, and exports them", () => {
    const document = {
      route: {
        receiver: "a",
        routes: [
          {
            receiver: "a",
            matchers: ["team=api"],
            mute_time_intervals: ["nights"],
            active_time_intervals: ["office"],
          },
        ],
      },
      receivers: [{ name: "a" }],
      time_intervals: [
        {
          name: "office",
          time_intervals: [
            {
              weekdays: ["monday:friday"],
              times: [{ start_time: "09:00", end_time: "17:00" }],
              location: "Europe/Paris",
            },
          ],
        },
      ],
      mute_time_intervals: [
        { name: "nights", time_intervals: [{ times: [{ start_time: "00:00", end_time: "06:00" }] }] },
      ],
    };
    const result = importIntoProject(parseProject(smallProject()), [{ name: "t.yml", document }]);
    expect(result.ok, result.outcomes[0]?.lines.join("\n")).toBe(true);
    expect(result.project.alertmanager.timeIntervals.map((interval) => interval.name)).toEqual([
      "nights",
      "office",
    ]);
    expect(result.project.route.routes[0]).toMatchObject({
      muteTimeIntervals: ["nights"],
      activeTimeIntervals: ["office"],
    });
  });
});
