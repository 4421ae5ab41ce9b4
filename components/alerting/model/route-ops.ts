import type { Route } from "@/lib/model/alertmanager";

/**
 * Edits of the route tree by index path (`[]` the root, `[0, 2]` the third child of the first
 * child), as the who-gets answer and the tree view name nodes. Every edit returns a new tree and
 * keeps untouched branches as they were, so undo and the unchanged check stay cheap.
 */

export type RoutePath = readonly number[];

export function routeAt(root: Route, path: RoutePath): Route | undefined {
  let node: Route | undefined = root;
  for (const index of path) node = node?.routes[index];
  return node;
}

/** `route.routes[0].routes[2]`: the model path of a node, as the model's issues name it. */
export function routeModelPath(path: RoutePath): string {
  return ["route", ...path.map((index) => `routes[${index}]`)].join(".");
}

/** Issues of the node at `path` itself, not of its children. */
export function ownRouteIssues<I extends { path: string }>(issues: readonly I[], path: RoutePath): I[] {
  const prefix = routeModelPath(path);
  const children = `${prefix}.routes[`;
  return issues.filter(
    (issue) =>
      (issue.path === prefix || issue.path.startsWith(`${prefix}.`) || issue.path.startsWith(`${prefix}[`)) &&
      !issue.path.startsWith(children),
  );
}

export function updateRouteAt(root: Route, path: RoutePath, change: (route: Route) => Route): Route {
  if (path.length === 0) return change(root);
  const [head, ...rest] = path as number[];
  const child = root.routes[head as number];
  if (!child) return root;
  const next = updateRouteAt(child, rest, change);
  if (next === child) return root;
  return { ...root, routes: root.routes.map((route, index) => (index === head ? next : route)) };
}

export function newChildRoute(): Route {
  return { matchers: [], continue: false, routes: [] };
}

/** The tree with `child` appended under the node at `parent`, and the new node's path. */
export function withChildRoute(
  root: Route,
  parent: RoutePath,
  child: Route,
): { route: Route; path: number[] } {
  const count = routeAt(root, parent)?.routes.length ?? 0;
  return {
    route: updateRouteAt(root, parent, (node) => ({ ...node, routes: [...node.routes, child] })),
    path: [...parent, count],
  };
}

/** The tree without the node at `path` (the root cannot be removed). */
export function withoutRoute(root: Route, path: RoutePath): Route {
  if (path.length === 0) return root;
  const parent = path.slice(0, -1);
  const index = path[path.length - 1] as number;
  return updateRouteAt(root, parent, (node) => ({
    ...node,
    routes: node.routes.filter((_, position) => position !== index),
  }));
}

/**
 * The node at `path` moved `delta` places among its siblings (order matters: Alertmanager tries
 * children in order and stops at the first match without `continue`); the new path, or the same
 * one when it cannot move.
 */
export function movedRoute(root: Route, path: RoutePath, delta: number): { route: Route; path: number[] } {
  if (path.length === 0) return { route: root, path: [] };
  const parentPath = path.slice(0, -1);
  const index = path[path.length - 1] as number;
  const siblings = routeAt(root, parentPath)?.routes ?? [];
  const target = index + delta;
  if (target < 0 || target >= siblings.length) return { route: root, path: [...path] };
  const route = updateRouteAt(root, parentPath, (node) => {
    const routes = [...node.routes];
    const [moved] = routes.splice(index, 1);
    if (moved) routes.splice(target, 0, moved);
    return { ...node, routes };
  });
  return { route, path: [...parentPath, target] };
}

/** Every route naming receiver `from` names `to` instead. */
export function renameReceiverInRoute(root: Route, from: string, to: string): Route {
  const routes = root.routes.map((child) => renameReceiverInRoute(child, from, to));
  const changedChild = routes.some((child, index) => child !== root.routes[index]);
  if (root.receiver !== from && !changedChild) return root;
  return { ...root, receiver: root.receiver === from ? to : root.receiver, routes };
}

/** Every route naming time interval `from` (muted or active) names `to` instead; removed when `to` is undefined. */
export function renameIntervalInRoute(root: Route, from: string, to: string | undefined): Route {
  const rename = (names: string[] | undefined): string[] | undefined => {
    if (!names?.includes(from)) return names;
    const next =
      to === undefined ? names.filter((name) => name !== from) : names.map((n) => (n === from ? to : n));
    return next.length > 0 ? next : undefined;
  };
  const routes = root.routes.map((child) => renameIntervalInRoute(child, from, to));
  const mute = rename(root.muteTimeIntervals);
  const active = rename(root.activeTimeIntervals);
  const changed =
    mute !== root.muteTimeIntervals ||
    active !== root.activeTimeIntervals ||
    routes.some((child, index) => child !== root.routes[index]);
  if (!changed) return root;
  const next: Route = { ...root, routes };
  if (mute === undefined) delete next.muteTimeIntervals;
  else next.muteTimeIntervals = mute;
  if (active === undefined) delete next.activeTimeIntervals;
  else next.activeTimeIntervals = active;
  return next;
}

/** The same tree with no matchers: its inherited options, which never depend on matchers, resolve even while a regex is broken. */
export function withoutMatchers(root: Route): Route {
  return { ...root, matchers: [], routes: root.routes.map(withoutMatchers) };
}

/** Count of nodes in the tree. */
export function routeCount(root: Route): number {
  return 1 + root.routes.reduce((sum, child) => sum + routeCount(child), 0);
}
