import type { Labels, Route } from "../../model";
import { matchRoutes, type ResolvedRoute, type RouteOptions, resolveRouteTree } from "./route-tree";

/**
 * "Who gets this alert?": for each label set, the routes that take it (in Alertmanager's order)
 * with the path to each, the options it ends up with, and the labels its alerts are grouped by.
 */

export interface RouteMatch {
  /** Index path from the root: [] is the root, [0, 2] the third child of the first child. */
  path: number[];
  /** `route`, `route.routes[0].routes[2]`: the model path, for links into the route editor. */
  modelPath: string;
  receiver: string;
  options: RouteOptions;
  /** The labels of the alert's group on that route (dispatch: all of them for `...`). */
  groupLabels: Labels;
}

export interface RoutingAnswer {
  labels: Labels;
  matches: RouteMatch[];
  /** The receivers, in order, with repeats: what `amtool config routes test` prints. */
  receivers: string[];
}

export function modelPathOf(path: readonly number[]): string {
  return ["route", ...path.map((index) => `routes[${index}]`)].join(".");
}

/** The labels an alert is grouped by on a route (dispatch.getGroupLabels). */
export function groupLabelsOf(options: RouteOptions, labels: Labels): Labels {
  if (options.groupByAll) return { ...labels };
  const group: Labels = {};
  for (const name of options.groupBy) {
    const value = labels[name];
    if (value !== undefined && value !== "") group[name] = value;
  }
  return group;
}

function answer(tree: ResolvedRoute, labels: Labels): RoutingAnswer {
  const matches = matchRoutes(tree, labels).map((node) => ({
    path: node.path,
    modelPath: modelPathOf(node.path),
    receiver: node.options.receiver,
    options: node.options,
    groupLabels: groupLabelsOf(node.options, labels),
  }));
  return { labels, matches, receivers: matches.map((match) => match.receiver) };
}

/** The routing of every label set through `route` (built once). */
export function whoGets(route: Route, labelSets: readonly Labels[]): RoutingAnswer[] {
  const tree = resolveRouteTree(route);
  return labelSets.map((labels) => answer(tree, labels));
}
