/**
 * The group a sample alert joins on its way to a receiver, as Alertmanager 0.25 forms it
 * (dispatch/dispatch.go, dispatch/route.go): the route that takes the alert for that receiver, the
 * labels it groups by there (`group_by`, or all of them for `...`) and the group key built from the
 * route's key (its ancestors' matchers, `{}/{severity="critical"}`) and those labels.
 */
import { compareGoStrings } from "../../go/unicode";
import type { Labels, Route } from "../../model";
import type { CompiledMatcher } from "../routing/matcher";
import { matchRoutes, type ResolvedRoute, resolveRouteTree } from "../routing/route-tree";
import { groupLabelsOf, modelPathOf } from "../routing/who-gets";
import { groupKey } from "./group";

export interface SampleRoute {
  /** `route`, `route.routes[0]`: the node whose group the sample joins. */
  modelPath: string;
  groupLabels: Labels;
  groupKey: string;
  /**
   * false: the sample alert is not routed to this receiver; the group is then the one it would
   * form on the first route naming the receiver (or the root), so the message still renders.
   */
  routed: boolean;
}

/**
 * A matcher's value as Alertmanager holds it: a legacy `match_re` value is its compiled
 * regexp's String(), which config.Regexp anchors as `^(?:…)$`.
 */
function keyValue(matcher: CompiledMatcher): string {
  return matcher.legacy && matcher.op === "=~" ? `^(?:${matcher.value})$` : matcher.value;
}

/** labels.Matcher.String in 0.25: the value escaped as OpenMetrics does (`\\`, `\n`, `\"`), no other. */
function matcherString(matcher: CompiledMatcher): string {
  const value = keyValue(matcher).replace(/[\\\n"]/g, (c) => (c === "\n" ? "\\n" : `\\${c}`));
  return `${matcher.label}${matcher.op}"${value}"`;
}

const OP_ORDER = { "=": 0, "!=": 1, "=~": 2, "!~": 3 } as const;

/** Matchers.Less on the values Alertmanager holds: by name, value (bytes), then operator. */
function sortedForKey(matchers: readonly CompiledMatcher[]): CompiledMatcher[] {
  return [...matchers].sort(
    (a, b) =>
      compareGoStrings(a.label, b.label) ||
      compareGoStrings(keyValue(a), keyValue(b)) ||
      OP_ORDER[a.op] - OP_ORDER[b.op],
  );
}

/** Route.Key: the parent's key, `/`, then the node's sorted matchers; the root's is `{}`. */
export function routeKey(tree: ResolvedRoute, path: readonly number[]): string {
  const keys: string[] = [];
  let node: ResolvedRoute | undefined = tree;
  for (let depth = 0; node; depth++) {
    keys.push(`{${sortedForKey(node.matchers).map(matcherString).join(",")}}`);
    if (depth === path.length) break;
    node = node.children[path[depth] ?? -1];
  }
  return keys.join("/");
}

export interface AlertGroupOnRoute {
  receiver: string;
  modelPath: string;
  groupLabels: Labels;
  groupKey: string;
}

/** Every group an alert with `labels` joins, one per route that takes it, in Alertmanager's order. */
export function alertGroups(tree: ResolvedRoute, labels: Labels): AlertGroupOnRoute[] {
  return matchRoutes(tree, labels).map((node) => groupOn(tree, node, labels));
}

function groupOn(tree: ResolvedRoute, node: ResolvedRoute, labels: Labels): AlertGroupOnRoute {
  const groupLabels = groupLabelsOf(node.options, labels);
  return {
    receiver: node.options.receiver,
    modelPath: modelPathOf(node.path),
    groupLabels,
    groupKey: groupKey(routeKey(tree, node.path), groupLabels),
  };
}

/** The first node (depth first) whose receiver is `receiver`; the root when none is. */
function firstNodeOf(node: ResolvedRoute, receiver: string): ResolvedRoute | undefined {
  if (node.options.receiver === receiver) return node;
  for (const child of node.children) {
    const found = firstNodeOf(child, receiver);
    if (found) return found;
  }
  return undefined;
}

/** The route tree, or undefined when a matcher does not compile (the editor marks it already). */
function treeOf(route: Route): ResolvedRoute | undefined {
  try {
    return resolveRouteTree(route);
  } catch {
    return undefined;
  }
}

/** The group `labels` joins when Alertmanager notifies `receiver` of it. */
export function sampleRoute(route: Route, receiver: string, labels: Labels): SampleRoute {
  const tree = treeOf(route);
  if (!tree) {
    // Only the root's grouping can be told without the tree: group by alertname, as generated.
    const groupLabels: Labels = labels.alertname ? { alertname: labels.alertname } : {};
    return { modelPath: "route", groupLabels, groupKey: groupKey("{}", groupLabels), routed: false };
  }
  const routed = matchRoutes(tree, labels).find((node) => node.options.receiver === receiver);
  const { receiver: _receiver, ...group } = groupOn(
    tree,
    routed ?? firstNodeOf(tree, receiver) ?? tree,
    labels,
  );
  return { ...group, routed: routed !== undefined };
}

/** Which of the label sets Alertmanager routes to `receiver` (on any matching route). */
export function routedTo(route: Route, receiver: string, labelSets: readonly Labels[]): boolean[] {
  const tree = treeOf(route);
  return labelSets.map(
    (labels) =>
      tree !== undefined && matchRoutes(tree, labels).some((node) => node.options.receiver === receiver),
  );
}
