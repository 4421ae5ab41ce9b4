/**
 * The group a sample alert joins on its way to a receiver, as Alertmanager 0.25 forms it
 * (dispatch/dispatch.go, dispatch/route.go): the route that takes the alert for that receiver, the
 * labels it groups by there (`group_by`, or all of them for `...`) and the group key built from the
 * route's key (its ancestors' matchers, `{}/{severity="critical"}`) and those labels.
 */
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

/** labels.Matcher.String in 0.25: the value escaped as OpenMetrics does (`\\`, `\n`, `\"`), no other. */
function matcherString(matcher: CompiledMatcher): string {
  const value = matcher.value.replace(/[\\\n"]/g, (c) => (c === "\n" ? "\\n" : `\\${c}`));
  return `${matcher.label}${matcher.op}"${value}"`;
}

/** Route.Key: the parent's key, `/`, then the node's sorted matchers; the root's is `{}`. */
export function routeKey(tree: ResolvedRoute, path: readonly number[]): string {
  const keys: string[] = [];
  let node: ResolvedRoute | undefined = tree;
  for (let depth = 0; node; depth++) {
    keys.push(`{${node.matchers.map(matcherString).join(",")}}`);
    if (depth === path.length) break;
    node = node.children[path[depth] ?? -1];
  }
  return keys.join("/");
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
  const node = routed ?? firstNodeOf(tree, receiver) ?? tree;
  const groupLabels = groupLabelsOf(node.options, labels);
  return {
    modelPath: modelPathOf(node.path),
    groupLabels,
    groupKey: groupKey(routeKey(tree, node.path), groupLabels),
    routed: routed !== undefined,
  };
}

/** Which of the label sets Alertmanager routes to `receiver` (on any matching route). */
export function routedTo(route: Route, receiver: string, labelSets: readonly Labels[]): boolean[] {
  const tree = treeOf(route);
  return labelSets.map(
    (labels) =>
      tree !== undefined && matchRoutes(tree, labels).some((node) => node.options.receiver === receiver),
  );
}
