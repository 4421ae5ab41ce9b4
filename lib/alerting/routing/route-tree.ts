import type { Route } from "../../model";
import { type CompiledMatcher, compileMatcher, matchesAll } from "./matcher";

/**
 * The route tree as Alertmanager builds it (dispatch/route.go newRoute): each node carries the
 * options it ends up with after inheriting from its parent, its matchers compiled and sorted.
 */

export interface RouteOptions {
  receiver: string;
  /** Labels to group by; empty with groupByAll when `group_by: ['...']`. */
  groupBy: string[];
  groupByAll: boolean;
  groupWait: string;
  groupInterval: string;
  repeatInterval: string;
  /** Not inherited: only the node's own. */
  muteTimeIntervals: string[];
  activeTimeIntervals: string[];
}

export interface ResolvedRoute {
  /** Index path from the root: [] is the root, [0, 2] the third child of the first child. */
  path: number[];
  options: RouteOptions;
  /** Which options the node sets itself (the rest it inherits). */
  own: Set<keyof RouteOptions>;
  matchers: CompiledMatcher[];
  continue: boolean;
  children: ResolvedRoute[];
}

/** Alertmanager's defaults for the root (DefaultRouteOpts). */
export const DEFAULT_ROUTE_OPTIONS: RouteOptions = {
  receiver: "",
  groupBy: [],
  groupByAll: false,
  groupWait: "30s",
  groupInterval: "5m",
  repeatInterval: "4h",
  muteTimeIntervals: [],
  activeTimeIntervals: [],
};

/** Matchers.Less: by name, then value, then operator (=, !=, =~, !~). */
const OP_ORDER = { "=": 0, "!=": 1, "=~": 2, "!~": 3 } as const;
function compareMatchers(a: CompiledMatcher, b: CompiledMatcher): number {
  if (a.label !== b.label) return a.label < b.label ? -1 : 1;
  if (a.value !== b.value) return a.value < b.value ? -1 : 1;
  return OP_ORDER[a.op] - OP_ORDER[b.op];
}

function resolve(route: Route, parent: RouteOptions, path: number[]): ResolvedRoute {
  const options: RouteOptions = { ...parent };
  const own = new Set<keyof RouteOptions>();
  // An empty receiver is "not set" in Alertmanager too.
  if (route.receiver) {
    options.receiver = route.receiver;
    own.add("receiver");
  }
  // config.go keeps `...` apart (GroupByAll) and a list without labels as unset (nil): so
  // `group_by: []` inherits, and `['...']` keeps the parent's labels under GroupByAll.
  const labels = (route.groupBy ?? []).filter((label) => label !== "...");
  if (labels.length > 0) {
    options.groupBy = labels;
    options.groupByAll = false;
    own.add("groupBy").add("groupByAll");
  } else if (route.groupBy?.includes("...")) {
    options.groupByAll = true;
    own.add("groupByAll");
  }
  if (route.groupWait !== undefined) {
    options.groupWait = route.groupWait;
    own.add("groupWait");
  }
  if (route.groupInterval !== undefined) {
    options.groupInterval = route.groupInterval;
    own.add("groupInterval");
  }
  if (route.repeatInterval !== undefined) {
    options.repeatInterval = route.repeatInterval;
    own.add("repeatInterval");
  }
  options.muteTimeIntervals = route.muteTimeIntervals ?? [];
  options.activeTimeIntervals = route.activeTimeIntervals ?? [];
  return {
    path,
    options,
    own,
    matchers: route.matchers.map(compileMatcher).sort(compareMatchers),
    continue: route.continue,
    children: route.routes.map((child, index) => resolve(child, options, [...path, index])),
  };
}

/** Builds the tree; throws when a regex does not compile (the model's checks report it first). */
export function resolveRouteTree(root: Route): ResolvedRoute {
  return resolve(root, DEFAULT_ROUTE_OPTIONS, []);
}

/**
 * The nodes an alert with `labels` is routed to, in order (Route.Match): depth first, children in
 * order; after a child that matched, its later siblings are tried only if it has `continue`; a
 * node none of whose children matched is itself the match.
 */
export function matchRoutes(route: ResolvedRoute, labels: Record<string, string>): ResolvedRoute[] {
  if (!matchesAll(route.matchers, labels)) return [];
  const all: ResolvedRoute[] = [];
  for (const child of route.children) {
    const matches = matchRoutes(child, labels);
    all.push(...matches);
    if (matches.length > 0 && !child.continue) break;
  }
  if (all.length === 0) all.push(route);
  return all;
}

/** The receivers of the matched nodes, in order and with repeats, as amtool prints them. */
export function routeReceivers(route: ResolvedRoute, labels: Record<string, string>): string[] {
  return matchRoutes(route, labels).map((node) => node.options.receiver);
}
