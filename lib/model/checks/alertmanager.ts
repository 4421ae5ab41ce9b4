import { checkRe2 } from "../../promql/re2";
import type { AlertmanagerSettings, InhibitRule, Matcher, Receiver, Route } from "../alertmanager";
import type { IssueCollector, PathSegment } from "../issues";
import { checkTimeIntervals } from "./time-intervals";

/** Alertmanager's configuration checks (config/config.go), worded as it words them. */

function walkRoutes(
  route: Route,
  path: PathSegment[],
  visit: (route: Route, path: PathSegment[]) => void,
): void {
  visit(route, path);
  route.routes.forEach((child, index) => {
    walkRoutes(child, [...path, "routes", index], visit);
  });
}

/** Regexes are compiled as Go's regexp does (RE2): JavaScript's RegExp accepts and refuses other things. */
function checkMatchers(matchers: readonly Matcher[], path: PathSegment[], out: IssueCollector): void {
  matchers.forEach((matcher, index) => {
    if (matcher.op === "=~" || matcher.op === "!~") {
      const check = checkRe2(matcher.value);
      if (!check.ok)
        out.error(
          [...path, index, "value"],
          `invalid regular expression "${matcher.value}": ${check.message}`,
        );
    }
    if (matcher.legacy && matcher.op !== "=" && matcher.op !== "=~") {
      out.error([...path, index, "op"], `legacy match and match_re take only = and =~, not ${matcher.op}`);
    }
  });
  const legacyLabels = new Set<string>();
  matchers.forEach((matcher, index) => {
    if (!matcher.legacy) return;
    const key = `${matcher.op}${matcher.label}`;
    if (legacyLabels.has(key))
      out.error([...path, index, "label"], `label "${matcher.label}" appears twice in a legacy match map`);
    legacyLabels.add(key);
  });
}

function checkGroupBy(route: Route, path: PathSegment[], out: IssueCollector): void {
  const groupBy = route.groupBy ?? [];
  if (groupBy.includes("...") && groupBy.length > 1) {
    out.error(
      [...path, "groupBy"],
      "cannot have wildcard group_by (`...`) and other other labels at the same time",
    );
  }
  const seen = new Set<string>();
  groupBy.forEach((label, index) => {
    if (label !== "..." && !/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(label))
      out.error([...path, "groupBy", index], `invalid label name "${label}" in group_by list`);
    if (seen.has(label)) out.error([...path, "groupBy", index], `duplicated label "${label}" in group_by`);
    seen.add(label);
  });
}

function checkRoot(route: Route, out: IssueCollector): void {
  if (!route.receiver) out.error(["route", "receiver"], "root route must specify a default receiver");
  if (route.matchers.length > 0) out.error(["route", "matchers"], "root route must not have any matchers");
  if (route.continue) out.error(["route", "continue"], "cannot have continue in root route");
  if ((route.muteTimeIntervals ?? []).length > 0)
    out.error(["route", "muteTimeIntervals"], "root route must not have any mute time intervals");
  if ((route.activeTimeIntervals ?? []).length > 0)
    out.error(["route", "activeTimeIntervals"], "root route must not have any active time intervals");
}

export function checkAlertmanager(
  receivers: readonly Receiver[],
  route: Route,
  inhibitRules: readonly InhibitRule[],
  out: IssueCollector,
  settings?: AlertmanagerSettings,
): void {
  const names = new Map<string, number>();
  receivers.forEach((receiver, index) => {
    const earlier = names.get(receiver.name);
    if (earlier !== undefined) {
      out.error(["receivers", index, "name"], `notification config name "${receiver.name}" is not unique`);
    } else {
      names.set(receiver.name, index);
    }
  });

  const intervals = new Set<string>();
  settings?.timeIntervals.forEach((interval, index) => {
    if (intervals.has(interval.name))
      out.error(
        ["alertmanager", "timeIntervals", index, "name"],
        `time interval "${interval.name}" is not unique`,
      );
    intervals.add(interval.name);
  });

  if (settings) checkTimeIntervals(settings.timeIntervals, out);

  checkRoot(route, out);

  const used = new Set<string>();
  walkRoutes(route, ["route"], (node, path) => {
    if (node.receiver) {
      used.add(node.receiver);
      if (!names.has(node.receiver)) {
        out.error([...path, "receiver"], `undefined receiver "${node.receiver}" used in route`);
      }
    }
    checkMatchers(node.matchers, [...path, "matchers"], out);
    checkGroupBy(node, path, out);
    if (node.groupInterval === "0s" || node.groupInterval === "0")
      out.error([...path, "groupInterval"], "group_interval cannot be zero");
    if (node.repeatInterval === "0s" || node.repeatInterval === "0")
      out.error([...path, "repeatInterval"], "repeat_interval cannot be zero");
    for (const key of ["muteTimeIntervals", "activeTimeIntervals"] as const) {
      node[key]?.forEach((name, index) => {
        if (settings && !intervals.has(name))
          out.error([...path, key, index], `undefined time interval "${name}" used in route`);
      });
    }
  });

  receivers.forEach((receiver, index) => {
    if (!used.has(receiver.name)) {
      out.warning(["receivers", index, "name"], `receiver "${receiver.name}" is not used by any route`);
    }
  });

  inhibitRules.forEach((rule, index) => {
    checkMatchers(rule.sourceMatchers, ["inhibitRules", index, "sourceMatchers"], out);
    checkMatchers(rule.targetMatchers, ["inhibitRules", index, "targetMatchers"], out);
    if (rule.equal.length === 0) {
      out.warning(
        ["inhibitRules", index, "equal"],
        "without equal labels, any source alert silences every target alert",
      );
    }
  });
}
