import { describe, expect, it } from "vitest";
import { projectFromTemplate } from "@/lib/catalog/templates";
import { type AlertingSection, alertingOf } from "@/lib/model/sections";
import { alertingIssues, errorCount } from "./alerting-issues";

function withChild(
  section: AlertingSection,
  child: AlertingSection["route"]["routes"][number],
): AlertingSection {
  return { ...section, route: { ...section.route, routes: [child] } };
}

const base = alertingOf(projectFromTemplate({ name: "Shop", level: "standard" }));

describe("the alerting draft's issues, on the fields' paths", () => {
  it("a template project's section has no errors", () => {
    expect(errorCount(alertingIssues(base))).toBe(0);
  });

  it("a regex Go refuses is marked on the matcher's value", () => {
    const issues = alertingIssues(
      withChild(base, {
        receiver: "default",
        matchers: [{ label: "service", op: "=~", value: "api(" }],
        continue: false,
        routes: [],
      }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({ path: "route.routes[0].matchers[0].value", severity: "error" }),
    );
    expect(issues.find((issue) => issue.path === "route.routes[0].matchers[0].value")?.message).toMatch(
      /^invalid regular expression "api\(":/,
    );
  });

  it("a route to a missing receiver is marked on its receiver", () => {
    expect(
      alertingIssues(withChild(base, { receiver: "nobody", matchers: [], continue: false, routes: [] })),
    ).toContainEqual({
      path: "route.routes[0].receiver",
      message: 'undefined receiver "nobody" used in route',
      severity: "error",
    });
  });

  it("a webhook URL that is not a URL and a bad Slack channel are marked on their fields", () => {
    const issues = alertingIssues({
      ...base,
      receivers: [
        {
          name: "default",
          integrations: [
            { type: "webhook", sendResolved: true, url: "not a url", maxAlerts: 0 },
            {
              type: "slack",
              sendResolved: true,
              channel: "no spaces allowed",
              apiUrl: { secret: "SLACK_URL" },
            },
          ],
        },
      ],
    });
    expect(issues.map((issue) => issue.path)).toEqual(
      expect.arrayContaining(["receivers[0].integrations[0].url", "receivers[0].integrations[1].channel"]),
    );
  });

  it("an imported Slack URL that is not a URL is said on the field; a masked one is not checked", () => {
    const slack = (importedValue: string) => ({
      ...base,
      receivers: [
        {
          name: "default",
          integrations: [
            {
              type: "slack" as const,
              sendResolved: true,
              channel: "#alerts",
              apiUrl: { secret: "SLACK_URL", importedValue },
            },
          ],
        },
      ],
    });
    expect(alertingIssues(slack("hooks.slack.com/services/x"))).toContainEqual({
      path: "receivers[0].integrations[0].apiUrl",
      message: "the imported Slack API URL is not an http:// or https:// URL: set the secret's value",
      severity: "warning",
    });
    expect(alertingIssues(slack("https://hooks.slack.com/services/x"))).toEqual([]);
    expect(alertingIssues(slack("••••••"))).toEqual([]);
  });
});
