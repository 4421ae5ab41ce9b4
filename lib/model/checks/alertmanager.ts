import type { InhibitRule, Receiver, Route } from "../alertmanager";
import type { IssueCollector, PathSegment } from "../issues";

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

function checkMatcherRegexes(route: Route, path: PathSegment[], out: IssueCollector): void {
  route.matchers.forEach((matcher, index) => {
    if (matcher.op === "=~" || matcher.op === "!~") {
      try {
        new RegExp(`^(?:${matcher.value})$`);
      } catch {
        out.error([...path, "matchers", index, "value"], `invalid regular expression "${matcher.value}"`);
      }
    }
  });
}

export function checkAlertmanager(
  receivers: readonly Receiver[],
  route: Route,
  inhibitRules: readonly InhibitRule[],
  out: IssueCollector,
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

  if (route.receiver === undefined) {
    out.error(["route", "receiver"], "root route must specify a default receiver");
  }
  if (route.matchers.length > 0) {
    out.error(["route", "matchers"], "root route must not have any matchers");
  }

  const used = new Set<string>();
  walkRoutes(route, ["route"], (node, path) => {
    if (node.receiver !== undefined) {
      used.add(node.receiver);
      if (!names.has(node.receiver)) {
        out.error([...path, "receiver"], `undefined receiver "${node.receiver}" used in route`);
      }
    }
    checkMatcherRegexes(node, path, out);
  });

  receivers.forEach((receiver, index) => {
    if (!used.has(receiver.name)) {
      out.warning(["receivers", index, "name"], `receiver "${receiver.name}" is not used by any route`);
    }
  });

  inhibitRules.forEach((rule, index) => {
    if (rule.equal.length === 0) {
      out.warning(
        ["inhibitRules", index, "equal"],
        "without equal labels, any source alert silences every target alert",
      );
    }
  });
}
