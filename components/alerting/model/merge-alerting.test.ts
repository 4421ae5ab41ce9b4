import { describe, expect, it } from "vitest";
import type { AlertingSection } from "@/lib/model/sections";
import { mergeAlerting } from "./merge-alerting";

const BASE: AlertingSection = {
  receivers: [
    { name: "default", integrations: [] },
    { name: "team", integrations: [] },
  ],
  route: { receiver: "default", matchers: [], continue: false, routes: [] },
  inhibitRules: [],
  alertmanager: { templates: [], timeIntervals: [] },
};

describe("re-applying my alerting edits on a newer version", () => {
  it("takes what only they changed and keeps what only I changed", () => {
    const mine: AlertingSection = { ...BASE, route: { ...BASE.route, groupWait: "1m" } };
    const theirs: AlertingSection = {
      ...BASE,
      receivers: [...BASE.receivers, { name: "new", integrations: [] }],
    };
    const merge = mergeAlerting(BASE, mine, theirs);
    expect(merge.draft.route.groupWait).toBe("1m");
    expect(merge.draft.receivers.map((receiver) => receiver.name)).toEqual(["default", "team", "new"]);
    expect(merge.conflicts).toEqual([]);
    expect(merge.theirChanges).toEqual(["added receiver new"]);
  });

  it("names what both changed and keeps mine", () => {
    const mine: AlertingSection = { ...BASE, route: { ...BASE.route, receiver: "team" } };
    const theirs: AlertingSection = { ...BASE, route: { ...BASE.route, groupWait: "5m" } };
    const merge = mergeAlerting(BASE, mine, theirs);
    expect(merge.draft.route).toEqual(mine.route);
    expect(merge.conflicts).toEqual(["the route tree"]);
  });

  it("a receiver I removed stays removed; one they changed that I removed is a conflict", () => {
    const mine: AlertingSection = {
      ...BASE,
      receivers: [BASE.receivers[0] as AlertingSection["receivers"][number]],
    };
    const theirs: AlertingSection = {
      ...BASE,
      receivers: [
        BASE.receivers[0] as AlertingSection["receivers"][number],
        {
          name: "team",
          integrations: [{ type: "webhook", url: "https://x.example", sendResolved: true, maxAlerts: 0 }],
        },
      ],
    };
    const merge = mergeAlerting(BASE, mine, theirs);
    expect(merge.draft.receivers.map((receiver) => receiver.name)).toEqual(["default"]);
    expect(merge.conflicts).toEqual(["receiver team"]);
  });
});
