import { describe, expect, it } from "vitest";
import { parseProject } from "../../model";
import { pickSample } from "./receiver-preview";
import { sampleRoute } from "./route-group";
import type { SampleAlert } from "./sample-alerts";

/**
 * The sample group's route for a receiver (its key and group labels are checked against a real
 * Alertmanager in group-key.live.test.ts): the route that takes the alert to the receiver, the
 * first route naming it when the alert does not go there, and a preview that starts on a sample
 * the receiver gets.
 */

const project = parseProject({
  name: "route group",
  receivers: [{ name: "team" }, { name: "pager" }, { name: "db" }],
  route: {
    receiver: "team",
    groupBy: ["alertname"],
    routes: [
      {
        receiver: "pager",
        matchers: [
          { label: "severity", op: "=", value: "critical" },
          { label: "env", op: "!=", value: 'a"b\\c' },
        ],
        groupBy: ["..."],
        continue: true,
      },
      { receiver: "db", matchers: [{ label: "service", op: "=~", value: "db|cache" }] },
    ],
  },
});

const critical = { alertname: "ApiDown", severity: "critical", service: "api" };

describe("sampleRoute", () => {
  it("takes the route that routes the alert to the receiver, with its group_by and key", () => {
    expect(sampleRoute(project.route, "pager", critical)).toEqual({
      modelPath: "route.routes[0]",
      groupLabels: critical,
      groupKey:
        '{}/{env!="a\\"b\\\\c",severity="critical"}:{alertname="ApiDown", service="api", severity="critical"}',
      routed: true,
    });
    // A child took it, so the root's receiver does not get it (the root only takes what no child does).
    expect(sampleRoute(project.route, "team", critical)).toMatchObject({
      modelPath: "route",
      groupKey: '{}:{alertname="ApiDown"}',
      routed: false,
    });
    // With continue, a later sibling that matches takes it too.
    const db = { ...critical, service: "db" };
    expect(sampleRoute(project.route, "db", db)).toMatchObject({
      modelPath: "route.routes[1]",
      routed: true,
    });
  });

  it("falls back to the first route naming the receiver when the alert does not go there", () => {
    expect(sampleRoute(project.route, "db", critical)).toMatchObject({
      modelPath: "route.routes[1]",
      groupKey: '{}/{service=~"db|cache"}:{alertname="ApiDown"}',
      routed: false,
    });
  });

  it("keeps the root's grouping when a matcher does not compile", () => {
    const broken = {
      ...project.route,
      routes: [{ ...project.route.routes[0], matchers: [{ label: "a", op: "=~" as const, value: "(" }] }],
    };
    expect(sampleRoute(broken as typeof project.route, "pager", critical)).toMatchObject({
      groupKey: '{}:{alertname="ApiDown"}',
      routed: false,
    });
  });
});

describe("pickSample", () => {
  const samples: SampleAlert[] = [
    {
      id: "g/Warn",
      rule: "Warn",
      labels: { alertname: "Warn", severity: "warning" },
      annotations: {},
      generatorURL: "",
    },
    {
      id: "g/Crit",
      rule: "Crit",
      labels: { alertname: "Crit", severity: "critical" },
      annotations: {},
      generatorURL: "",
    },
  ];
  it("starts on the first sample the receiver gets, unless one is asked for", () => {
    expect(pickSample(project, undefined, samples, "pager").sample.id).toBe("g/Crit");
    expect(pickSample(project, "g/Warn", samples, "pager").sample.id).toBe("g/Warn");
    expect(pickSample(project, undefined, samples, "db").sample.id).toBe("g/Warn");
  });
});
