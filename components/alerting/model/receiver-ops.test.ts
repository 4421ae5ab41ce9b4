import { describe, expect, it } from "vitest";
import { projectFromTemplate } from "@/lib/catalog/templates";
import { type AlertingSection, alertingOf } from "@/lib/model/sections";
import { alertingIssues } from "./alerting-issues";
import {
  freeName,
  newIntegration,
  receiverRenameProblem,
  secretVariable,
  withIntervalRenamed,
  withoutReceiver,
  withReceiverAdded,
  withReceiverRenamed,
} from "./receiver-ops";

function section(): AlertingSection {
  const base = alertingOf(projectFromTemplate({ name: "Shop", level: "standard" }));
  return {
    ...base,
    receivers: [...base.receivers, { name: "team-api", integrations: [] }],
    route: {
      ...base.route,
      routes: [
        {
          receiver: "team-api",
          matchers: [{ label: "service", op: "=", value: "api" }],
          continue: false,
          routes: [],
          muteTimeIntervals: ["nights"],
        },
      ],
    },
    alertmanager: {
      ...base.alertmanager,
      timeIntervals: [
        { name: "nights", timeIntervals: [{ times: [{ startTime: "00:00", endTime: "06:00" }] }] },
      ],
    },
  };
}

describe("receiver edits", () => {
  it("adds a receiver under a free name", () => {
    expect(freeName(["receiver", "receiver-2"], "receiver")).toBe("receiver-3");
    const next = withReceiverAdded(section());
    expect(next.receivers.at(-1)).toEqual({ name: "receiver", integrations: [] });
  });

  it("renames a receiver and the routes that name it, refusing a taken or bad name", () => {
    const draft = section();
    expect(receiverRenameProblem(draft, 1, "default")).toBe('a receiver "default" exists already');
    expect(receiverRenameProblem(draft, 1, "has space")).toMatch(/letters, digits/);
    expect(receiverRenameProblem(draft, 1, "team-api")).toBeUndefined();
    const renamed = withReceiverRenamed(draft, 1, "api-oncall");
    expect(renamed.receivers[1]?.name).toBe("api-oncall");
    expect(renamed.route.routes[0]?.receiver).toBe("api-oncall");
    expect(renamed.route.receiver).toBe("default");
    expect(alertingIssues(renamed).filter((issue) => issue.severity === "error")).toEqual([]);
  });

  it("deleting a receiver a route names leaves the route marked, not rerouted", () => {
    const issues = alertingIssues(withoutReceiver(section(), 1));
    expect(issues).toContainEqual({
      path: "route.routes[0].receiver",
      message: 'undefined receiver "team-api" used in route',
      severity: "error",
    });
  });

  it("new integrations parse once their required fields are there, secrets by variable name only", () => {
    for (const type of ["slack", "email", "pagerduty", "webhook"] as const) {
      const draft = section();
      const receivers = draft.receivers.map((receiver, index) =>
        index === 1 ? { ...receiver, integrations: [newIntegration(type, receiver.name)] } : receiver,
      );
      expect(alertingIssues({ ...draft, receivers }).filter((issue) => issue.severity === "error")).toEqual(
        [],
      );
    }
    expect(secretVariable("team-api", "slack_api_url")).toBe("TEAM_API_SLACK_API_URL");
    expect(secretVariable("1st", "key")).toBe("AM_1ST_KEY");
  });

  it("renames and deletes time intervals with the routes that name them", () => {
    const renamed = withIntervalRenamed(section(), 0, "night-hours");
    expect(renamed.route.routes[0]?.muteTimeIntervals).toEqual(["night-hours"]);
    const removed = withIntervalRenamed(section(), 0, undefined);
    expect(removed.alertmanager.timeIntervals).toEqual([]);
    expect(removed.route.routes[0]).not.toHaveProperty("muteTimeIntervals");
  });
});
