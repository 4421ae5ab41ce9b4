import type { InhibitRule, Labels, Matcher, RouteInput } from "../../../model";

/**
 * Random route trees, inhibit rules and label sets for comparing the engine with Alertmanager:
 * a small vocabulary of label names and values, so matchers often match, with regexes that
 * exercise anchoring, alternation, classes, case folding and Go-only syntax.
 */

export type Random = () => number;

export const LABEL_NAMES = ["alertname", "severity", "team", "service", "env", "region"] as const;

const VALUES: Record<string, string[]> = {
  alertname: ["HighLatency", "InstanceDown", "DiskFull", "high_latency"],
  severity: ["critical", "warning", "info", "Critical"],
  team: ["api", "web", "db", "API", "api-v2"],
  service: ["checkout", "search", "auth", "check out", 'q"uote', "a,b"],
  env: ["prod", "staging", "dev", "prod\\eu"],
  region: ["eu-west-1", "us-east-1", "ap-south-1", ""],
};

/** Regexes over the vocabulary, in Go syntax. */
const REGEXES: Record<string, string[]> = {
  alertname: ["High.*", "(?i)high_?latency", ".*Down|Disk.+", "Instance\\w+", "[[:upper:]]\\w*"],
  severity: ["critical|warning", "crit.*", "(?i)critical", "[cw].*", "info|"],
  team: ["api|web", "api.*", "a.i", "(?i:API)", "\\Qapi-v2\\E", "[^d].*"],
  service: ["check.*", "check\\sout", ".*,.*", 'q"uote', "auth|search", "\\S+"],
  env: ["prod.*", "prod\\\\eu", "(prod|staging)", "d.v", ".+"],
  region: ["eu-.*", "(eu|us)-[a-z]+-\\d", ".*-1", "", "us-east-1|"],
};

export function pick<T>(random: Random, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

function randomValue(random: Random, label: string): string {
  if (random() < 0.15) return `v${Math.floor(random() * 1000)}`;
  return pick(random, VALUES[label] ?? [""]);
}

export function randomMatcher(random: Random): Matcher {
  const label = pick(random, LABEL_NAMES);
  const roll = random();
  if (roll < 0.45)
    return { label, op: "=", value: randomValue(random, label), legacy: random() < 0.3 ? true : undefined };
  if (roll < 0.6) return { label, op: "!=", value: randomValue(random, label) };
  if (roll < 0.88)
    return {
      label,
      op: "=~",
      value: pick(random, REGEXES[label] ?? [".*"]),
      legacy: random() < 0.3 ? true : undefined,
    };
  return { label, op: "!~", value: pick(random, REGEXES[label] ?? [".*"]) };
}

function randomMatchers(random: Random, max: number): Matcher[] {
  const count = Math.floor(random() * (max + 1));
  const matchers: Matcher[] = [];
  for (let i = 0; i < count; i++) {
    const matcher = randomMatcher(random);
    // A legacy map holds one value per label: keep legacy matchers on distinct labels.
    if (matcher.legacy && matchers.some((m) => m.legacy && m.label === matcher.label && m.op === matcher.op))
      delete matcher.legacy;
    matchers.push(matcher);
  }
  return matchers;
}

export const RECEIVERS = ["root", "team-a", "team-b", "pager", "email", "null"] as const;

function randomRoute(random: Random, depth: number, maxDepth: number, budget: { nodes: number }): RouteInput {
  const children: RouteInput[] = [];
  if (depth < maxDepth) {
    const count = Math.floor(random() * 4);
    for (let i = 0; i < count && budget.nodes > 0; i++) {
      budget.nodes--;
      children.push(randomRoute(random, depth + 1, maxDepth, budget));
    }
  }
  return {
    receiver: random() < 0.7 ? pick(random, RECEIVERS) : undefined,
    matchers: randomMatchers(random, 2),
    continue: random() < 0.35,
    groupBy: random() < 0.2 ? (random() < 0.5 ? ["..."] : ["alertname", "team"]) : undefined,
    groupWait: random() < 0.2 ? "10s" : undefined,
    routes: children,
  };
}

/** A route tree of depth ≤ maxDepth with at most `maxNodes` nodes under the root. */
export function randomRouteTree(random: Random, maxDepth = 4, maxNodes = 30): RouteInput {
  const tree = randomRoute(random, 0, maxDepth, { nodes: maxNodes });
  return { ...tree, receiver: "root", matchers: [], continue: false };
}

/** Label sets built from the vocabulary (so matchers hit) plus random values and absent labels. */
export function randomLabelSet(random: Random): Labels {
  const labels: Labels = {};
  for (const name of LABEL_NAMES) {
    if (random() < 0.7) labels[name] = randomValue(random, name);
  }
  return labels;
}

/**
 * Inhibit rules: a matcher or two per side, `equal` labels often missing on both alerts, and
 * some rules whose sides overlap so that alerts match both (which must not inhibit their like).
 */
export function randomInhibitRules(random: Random, count: number): InhibitRule[] {
  return Array.from({ length: count }, () => {
    const sourceMatchers =
      random() < 0.7 ? [randomMatcher(random)] : [randomMatcher(random), randomMatcher(random)];
    const targetMatchers = random() < 0.25 ? [...sourceMatchers] : [randomMatcher(random)];
    for (const matcher of [...sourceMatchers, ...targetMatchers]) delete matcher.legacy;
    if (random() < 0.5) {
      sourceMatchers[0] = {
        ...(sourceMatchers[0] as Matcher),
        legacy: sourceMatchers[0]?.op === "=" || sourceMatchers[0]?.op === "=~" ? true : undefined,
      };
    }
    return { sourceMatchers, targetMatchers, equal: LABEL_NAMES.filter(() => random() < 0.2) };
  });
}
