import { MatcherSyntaxError, parseMatchers } from "../../alerting/routing/parse-matchers";
import { type InhibitRule, type Matcher, parseDuration, type Route } from "../../model";
import { checkRe2 } from "../../promql/re2";
import { isRecord, type Problems } from "./problems";

/**
 * The route tree and inhibit rules of an alertmanager.yml, converted to the model: new-style
 * `matchers` parsed as Alertmanager 0.25 parses them (a line may hold several, comma-separated),
 * legacy `match` / `match_re` kept as matchers marked legacy so the export writes them back the same.
 */

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

function matcherLines(value: unknown, path: string, problems: Problems): Matcher[] {
  const lines = problems.strings(value, path);
  return lines.flatMap((line, index) => {
    try {
      const parsed = parseMatchers(line);
      for (const matcher of parsed) {
        if (!LABEL_NAME.test(matcher.label))
          problems.add(
            `${path}[${index}]`,
            `label name "${matcher.label}" is not a Prometheus label name Obsforge edits`,
          );
        if ((matcher.op === "=~" || matcher.op === "!~") && !checkRe2(matcher.value).ok)
          problems.add(`${path}[${index}]`, `invalid regular expression "${matcher.value}"`);
      }
      return parsed;
    } catch (error) {
      if (!(error instanceof MatcherSyntaxError)) throw error;
      problems.add(`${path}[${index}]`, error.message);
      return [];
    }
  });
}

function legacyMatchers(value: unknown, op: "=" | "=~", path: string, problems: Problems): Matcher[] {
  return Object.entries(problems.stringMap(value, path)).map(([label, matchValue]) => {
    if (!LABEL_NAME.test(label)) problems.add(`${path}.${label}`, `invalid label name "${label}"`);
    if (op === "=~" && !checkRe2(matchValue).ok)
      problems.add(`${path}.${label}`, `invalid regexp value for "${label}"`);
    return { label, op, value: matchValue, legacy: true as const };
  });
}

/** Matchers of one side: `<prefix>match`, `<prefix>match_re` and `<prefix>matchers`. */
export function matchersOf(
  config: Record<string, unknown>,
  prefix: "" | "source_" | "target_",
  path: string,
  problems: Problems,
): Matcher[] {
  return [
    ...legacyMatchers(config[`${prefix}match`], "=", `${path}.${prefix}match`, problems),
    ...legacyMatchers(config[`${prefix}match_re`], "=~", `${path}.${prefix}match_re`, problems),
    ...matcherLines(config[`${prefix}matchers`], `${path}.${prefix}matchers`, problems),
  ];
}

function duration(value: unknown, path: string, problems: Problems): string | undefined {
  const text = problems.optionalString(value, path);
  if (text !== undefined && parseDuration(text) === undefined) {
    problems.add(path, `not a valid duration string: "${text}"`);
    return undefined;
  }
  return text;
}

export function routeOf(value: unknown, path: string, problems: Problems): Route {
  if (!isRecord(value)) {
    problems.add(path, "expected a route (a map)");
    return { matchers: [], continue: false, routes: [] };
  }
  const groupBy =
    value.group_by === undefined ? undefined : problems.strings(value.group_by, `${path}.group_by`);
  const mute = problems.strings(value.mute_time_intervals, `${path}.mute_time_intervals`);
  const active = problems.strings(value.active_time_intervals, `${path}.active_time_intervals`);
  const children = value.routes ?? [];
  if (!Array.isArray(children)) problems.add(`${path}.routes`, "expected a list of routes");
  const route: Route = {
    receiver: problems.optionalString(value.receiver, `${path}.receiver`) || undefined,
    matchers: matchersOf(value, "", path, problems),
    groupBy,
    groupWait: duration(value.group_wait, `${path}.group_wait`, problems),
    groupInterval: duration(value.group_interval, `${path}.group_interval`, problems),
    repeatInterval: duration(value.repeat_interval, `${path}.repeat_interval`, problems),
    continue: value.continue === true,
    muteTimeIntervals: mute.length > 0 ? mute : undefined,
    activeTimeIntervals: active.length > 0 ? active : undefined,
    routes: Array.isArray(children)
      ? children.map((child, index) => routeOf(child, `${path}.routes[${index}]`, problems))
      : [],
  };
  for (const key of Object.keys(route) as (keyof Route)[]) if (route[key] === undefined) delete route[key];
  return route;
}

export function inhibitRuleOf(value: unknown, path: string, problems: Problems): InhibitRule | undefined {
  if (!isRecord(value)) {
    problems.add(path, "expected an inhibit rule (a map)");
    return undefined;
  }
  const sourceMatchers = matchersOf(value, "source_", path, problems);
  const targetMatchers = matchersOf(value, "target_", path, problems);
  const equal = problems.strings(value.equal, `${path}.equal`);
  for (const label of equal)
    if (!LABEL_NAME.test(label)) problems.add(`${path}.equal`, `invalid label name "${label}"`);
  return {
    sourceMatchers,
    targetMatchers,
    equal,
  };
}
