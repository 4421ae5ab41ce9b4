import { describe, expect, it } from "vitest";
import { RouteSchema, type RouteInput } from "@/lib/model/alertmanager";
import {
  movedRoute,
  ownRouteIssues,
  renameIntervalInRoute,
  renameReceiverInRoute,
  routeAt,
  routeCount,
  routeModelPath,
  updateRouteAt,
  withChildRoute,
  withoutMatchers,
  withoutRoute,
} from "./route-ops";

const tree = (input: RouteInput) => RouteSchema.parse(input);

const ROOT = tree({
  receiver: "default",
  routes: [
    { receiver: "a", matchers: [{ label: "team", value: "a" }], routes: [{ receiver: "a-pager" }] },
    { receiver: "b", muteTimeIntervals: ["night"], activeTimeIntervals: ["night", "day"] },
    { receiver: "a" },
  ],
});

describe("route tree edits by index path", () => {
  it("reads and names nodes as the model's issues do", () => {
    expect(routeAt(ROOT, [0, 0])?.receiver).toBe("a-pager");
    expect(routeAt(ROOT, [5])).toBeUndefined();
    expect(routeModelPath([])).toBe("route");
    expect(routeModelPath([0, 2])).toBe("route.routes[0].routes[2]");
    expect(routeCount(ROOT)).toBe(5);
  });

  it("changes one node and keeps untouched branches identical", () => {
    const next = updateRouteAt(ROOT, [0, 0], (route) => ({ ...route, continue: true }));
    expect(routeAt(next, [0, 0])?.continue).toBe(true);
    expect(next.routes[1]).toBe(ROOT.routes[1]);
    expect(updateRouteAt(ROOT, [9], (route) => ({ ...route, continue: true }))).toBe(ROOT);
  });

  it("adds a child at the end and says where", () => {
    const added = withChildRoute(ROOT, [1], { matchers: [], continue: false, routes: [] });
    expect(added.path).toEqual([1, 0]);
    expect(routeAt(added.route, [1])?.routes).toHaveLength(1);
  });

  it("removes a node, never the root", () => {
    expect(withoutRoute(ROOT, [])).toBe(ROOT);
    expect(withoutRoute(ROOT, [0]).routes.map((route) => route.receiver)).toEqual(["b", "a"]);
  });

  it("moves a node among its siblings and stays put at the ends", () => {
    const down = movedRoute(ROOT, [0], 1);
    expect(down.path).toEqual([1]);
    expect(down.route.routes.map((route) => route.receiver)).toEqual(["b", "a", "a"]);
    expect(movedRoute(ROOT, [0], -1)).toEqual({ route: ROOT, path: [0] });
    expect(movedRoute(ROOT, [2], 1).route).toBe(ROOT);
  });

  it("renames a receiver wherever a route names it", () => {
    const renamed = renameReceiverInRoute(ROOT, "a", "alpha");
    expect(renamed.routes.map((route) => route.receiver)).toEqual(["alpha", "b", "alpha"]);
    expect(routeAt(renamed, [0, 0])?.receiver).toBe("a-pager");
    expect(renameReceiverInRoute(ROOT, "nobody", "x")).toBe(ROOT);
  });

  it("renames or drops a time interval in mute and active lists", () => {
    const renamed = renameIntervalInRoute(ROOT, "night", "nights");
    expect(routeAt(renamed, [1])?.muteTimeIntervals).toEqual(["nights"]);
    expect(routeAt(renamed, [1])?.activeTimeIntervals).toEqual(["nights", "day"]);
    const dropped = renameIntervalInRoute(ROOT, "night", undefined);
    expect(routeAt(dropped, [1])).not.toHaveProperty("muteTimeIntervals");
    expect(routeAt(dropped, [1])?.activeTimeIntervals).toEqual(["day"]);
  });

  it("drops matchers everywhere (for resolving inheritance while a regex is broken)", () => {
    expect(withoutMatchers(ROOT).routes[0]?.matchers).toEqual([]);
  });

  it("keeps a node's own issues apart from its children's", () => {
    const issues = [
      { path: "route.receiver" },
      { path: "route.routes[0].matchers[0].value" },
      { path: "route.routes[0].routes[0].receiver" },
      { path: "route.routes[10].receiver" },
    ];
    expect(ownRouteIssues(issues, []).map((issue) => issue.path)).toEqual(["route.receiver"]);
    expect(ownRouteIssues(issues, [0]).map((issue) => issue.path)).toEqual([
      "route.routes[0].matchers[0].value",
    ]);
    expect(ownRouteIssues(issues, [1])).toEqual([]);
  });
});
