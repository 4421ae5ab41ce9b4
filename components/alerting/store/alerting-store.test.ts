import { describe, expect, it } from "vitest";
import { projectFromTemplate } from "@/lib/catalog/templates";
import { alertingOf } from "@/lib/model/sections";
import { alertingIssues } from "../model/alerting-issues";
import { createAlertingStore } from "./alerting-store";

const PROJECT = projectFromTemplate({ name: "Shop", level: "standard" });

function store() {
  return createAlertingStore({ projectId: "p1", project: PROJECT, version: 3, base: alertingOf(PROJECT) });
}

describe("the alerting editor's store", () => {
  it("starts on the stored section with nothing to undo", () => {
    const state = store().getState();
    expect(state.draft).toEqual(alertingOf(PROJECT));
    expect(state.base.version).toBe(3);
    expect(state.history.past).toEqual([]);
    expect(state.selectedReceiver).toBe(0);
    expect(state.selectedRoute).toEqual([]);
  });

  it("adds a receiver, a child route picking it with a matcher, and routes the alert there", () => {
    const s = store();
    s.getState().addReceiver();
    expect(s.getState().selectedReceiver).toBe(1);
    s.getState().renameReceiver(1, "oncall");
    s.getState().addIntegration(1, "slack");
    s.getState().addChildRoute([]);
    expect(s.getState().selectedRoute).toEqual([0]);
    s.getState().updateRoute([0], (route) => ({
      ...route,
      receiver: "oncall",
      matchers: [{ label: "severity", op: "=", value: "critical" }],
    }));
    const { draft } = s.getState();
    expect(draft.receivers[1]).toMatchObject({ name: "oncall", integrations: [{ type: "slack" }] });
    expect(draft.route.routes[0]).toMatchObject({ receiver: "oncall" });
    expect(alertingIssues(draft).filter((issue) => issue.severity === "error")).toEqual([]);
  });

  it("renaming a receiver renames the routes naming it in one undoable step", () => {
    const s = store();
    s.getState().renameReceiver(0, "team");
    expect(s.getState().draft.route.receiver).toBe("team");
    s.getState().undo();
    expect(s.getState().draft.route.receiver).toBe("default");
    expect(s.getState().draft.receivers[0]?.name).toBe("default");
    s.getState().redo();
    expect(s.getState().draft.route.receiver).toBe("team");
  });

  it("coalesces typing in one field into one undo step", () => {
    const s = store();
    s.getState().updateRoute([], (route) => ({ ...route, groupWait: "1" }), "route.groupWait");
    s.getState().updateRoute([], (route) => ({ ...route, groupWait: "1m" }), "route.groupWait");
    expect(s.getState().history.past).toHaveLength(1);
    s.getState().undo();
    expect(s.getState().draft.route.groupWait).toBeUndefined();
  });

  it("keeps the selection on a node that exists after deleting, moving and undoing", () => {
    const s = store();
    s.getState().addChildRoute([]);
    s.getState().addChildRoute([]);
    expect(s.getState().selectedRoute).toEqual([1]);
    s.getState().moveRoute([1], -1);
    expect(s.getState().selectedRoute).toEqual([0]);
    s.getState().addChildRoute([0]);
    expect(s.getState().selectedRoute).toEqual([0, 0]);
    s.getState().deleteRoute([0, 0]);
    expect(s.getState().selectedRoute).toEqual([0]);
    s.getState().selectRoute([1]);
    for (let step = 0; step < 4; step++) s.getState().undo();
    expect(s.getState().draft.route.routes).toHaveLength(1);
    expect(s.getState().selectedRoute).toEqual([]);
  });

  it("deleting the selected receiver clears the selection; one before it shifts it", () => {
    const s = store();
    s.getState().addReceiver();
    s.getState().addReceiver();
    s.getState().selectReceiver(2);
    s.getState().deleteReceiver(0);
    expect(s.getState().selectedReceiver).toBe(1);
    s.getState().deleteReceiver(1);
    expect(s.getState().selectedReceiver).toBeUndefined();
  });

  it("after a 409, continuing from the newer version replaces the draft as one undoable step", () => {
    const s = store();
    s.getState().addReceiver();
    const theirs = { ...alertingOf(PROJECT), inhibitRules: [] };
    const mine = s.getState().draft;
    s.getState().conflicted({ currentVersion: 5, current: theirs });
    expect(s.getState().phase).toBe("conflict");
    s.getState().rebase({ version: 5, draft: theirs }, { ...mine, inhibitRules: [] });
    expect(s.getState().phase).toBe("idle");
    expect(s.getState().base.version).toBe(5);
    expect(s.getState().draft.inhibitRules).toEqual([]);
    s.getState().undo();
    expect(s.getState().draft).toBe(mine);
  });

  it("asking who gets an alert is view state: the draft does not change", () => {
    const s = store();
    const before = s.getState().draft;
    s.getState().setWhoGets("typed", "severity=critical");
    s.getState().setTab("routes");
    expect(s.getState().draft).toBe(before);
    expect(s.getState().history.past).toEqual([]);
  });
});
