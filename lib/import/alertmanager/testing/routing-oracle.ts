import { writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { amtoolRoutes } from "../../../alerting/routing/testing/amtool-routes";
import type { Labels } from "../../../model";
import { seededRandom } from "../../../promql/testing/mutate";

/**
 * Label sets built from an alertmanager.yml's own matchers, and amtool's routing of them through
 * two configurations: a file imported and the one exported afterwards must route every set alike.
 */

/** Every label name and value the file's matchers mention (regex alternatives split out), to build label sets that hit its routes. */
export function vocabulary(text: string): Map<string, Set<string>> {
  const words = new Map<string, Set<string>>();
  const add = (name: string, value: string): void => {
    const set = words.get(name) ?? new Set<string>();
    set.add(value);
    for (const part of value.replace(/[\^$()]/g, "").split("|")) set.add(part);
    words.set(name, set);
  };
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        if (/(^|_)match(_re)?$/.test(key) && value && typeof value === "object")
          for (const [name, matchValue] of Object.entries(value)) add(name, String(matchValue));
        else if (/(^|_)matchers$/.test(key) && Array.isArray(value))
          for (const line of value) {
            const m = /^\s*([a-zA-Z_]\w*)\s*(?:=~|!~|!=|=)\s*"?(.*?)"?\s*$/.exec(String(line));
            if (m) add(m[1] as string, m[2] as string);
          }
        else visit(value);
      }
    }
  };
  visit(parse(text));
  return words;
}

export function labelSets(words: Map<string, Set<string>>, count: number, seed: number): Labels[] {
  const random = seededRandom(seed);
  const names = [...words.keys(), "alertname", "instance"];
  return Array.from({ length: count }, () => {
    const labels: Labels = {};
    for (const name of names) {
      if (random() < 0.4) continue;
      const values = [...(words.get(name) ?? [])];
      labels[name] =
        values.length > 0 && random() < 0.85
          ? (values[Math.floor(random() * values.length)] as string)
          : `x${Math.floor(random() * 100)}`;
    }
    return labels;
  });
}

export interface RoutingDifference {
  labels: Labels;
  before: string | undefined;
  after: string | undefined;
}

/**
 * `count` label sets from `original`'s matchers, routed by amtool through `original` and through
 * `exported` (both alertmanager.yml texts, written to `dir`): the sets they route differently.
 */
export async function routingDifferences(
  original: string,
  exported: string,
  dir: string,
  count = 100,
  seed = 1,
): Promise<{ sets: number; differences: RoutingDifference[] }> {
  const before = path.join(dir, "original.yml");
  const after = path.join(dir, "exported.yml");
  writeFileSync(before, original);
  writeFileSync(after, exported);
  const sets = labelSets(vocabulary(original), count, seed);
  const answers = await amtoolRoutes(
    sets.flatMap((labels) => [
      { configFile: before, labels },
      { configFile: after, labels },
    ]),
    dir,
  );
  const differences = sets.flatMap((labels, index) => {
    const routed = { before: answers[2 * index], after: answers[2 * index + 1] };
    return routed.before === routed.after ? [] : [{ labels, ...routed }];
  });
  return { sets: sets.length, differences };
}
