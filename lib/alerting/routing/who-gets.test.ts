import { describe, expect, it } from "vitest";
import { RouteSchema } from "../../model";
import { whoGets } from "./who-gets";

const route = RouteSchema.parse({
  receiver: "default",
  groupBy: ["alertname", "team"],
  groupWait: "30s",
  routes: [
    {
      receiver: "pager",
      matchers: [{ label: "severity", op: "=", value: "critical" }],
      continue: true,
      groupBy: ["..."],
      routes: [{ matchers: [{ label: "team", op: "=~", value: "db|storage" }], repeatInterval: "1h" }],
    },
    { receiver: "slack", matchers: [{ label: "team", op: "!=", value: "" }], muteTimeIntervals: ["nights"] },
  ],
});

describe("whoGets", () => {
  it("gives each match's path, inherited options and group labels", () => {
    const [critical, quiet] = whoGets(route, [
      { alertname: "DiskFull", severity: "critical", team: "db" },
      { alertname: "Slow" },
    ]);
    expect(critical?.receivers).toEqual(["pager", "slack"]);
    expect(critical?.matches[0]).toMatchObject({
      path: [0, 0],
      modelPath: "route.routes[0].routes[0]",
      receiver: "pager",
      options: { groupByAll: true, groupWait: "30s", repeatInterval: "1h", muteTimeIntervals: [] },
      groupLabels: { alertname: "DiskFull", severity: "critical", team: "db" },
    });
    expect(critical?.matches[1]).toMatchObject({
      modelPath: "route.routes[1]",
      options: { groupBy: ["alertname", "team"], muteTimeIntervals: ["nights"], repeatInterval: "4h" },
      groupLabels: { alertname: "DiskFull", team: "db" },
    });
    expect(quiet).toMatchObject({
      receivers: ["default"],
      matches: [{ path: [], modelPath: "route", groupLabels: { alertname: "Slow" } }],
    });
  });
});
