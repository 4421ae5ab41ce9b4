export { compileAnchoredGoRegexp, InvalidRegexpError, UnsupportedRegexpError } from "./go-regexp";
export { compileInhibitRules, type Inhibition, inhibitAll, inhibitionOf } from "./inhibit";
export { compileMatcher, matchesAll } from "./matcher";
export { formatMatcherText, MatcherSyntaxError, parseMatcher, parseMatchers } from "./parse-matchers";
export {
  matchRoutes,
  type ResolvedRoute,
  type RouteOptions,
  resolveRouteTree,
  routeReceivers,
} from "./route-tree";
export { routeMutedAt, timeIntervalActive, timeRangeContains } from "./time-intervals";
export { groupLabelsOf, modelPathOf, type RouteMatch, type RoutingAnswer, whoGets } from "./who-gets";
export { type LabelSetLines, parseLabelSet, parseLabelSetLines } from "./label-sets";
