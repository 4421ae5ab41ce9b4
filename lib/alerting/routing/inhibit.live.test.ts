import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type Labels, parseProject } from "../../model";
import { seededRandom } from "../../promql/testing/mutate";
import { waitFor } from "../../testing/processes";
import { makeTempDir } from "../../tools/files";
import { compileInhibitRules, inhibitAll } from "./inhibit";
import { labelsKey, postAlerts, startAlertmanager } from "./testing/live-alertmanager";
import { randomInhibitRules, randomLabelSet } from "./testing/random-routing";

/**
 * Inhibition against a real Alertmanager: generated inhibit rules (legacy and new matchers,
 * regexes, `equal` with labels often missing on both sides, alerts matching both sides) and
 * generated sets of firing alerts are posted to it; which alerts it marks inhibited, and by
 * which source, must be what the engine says. Each set carries a `case` label that every rule
 * lists in `equal`, so the sets share one Alertmanager without inhibiting each other.
 */

const dir = makeTempDir("obsforge-inhibit");
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  rmSync(dir, { recursive: true, force: true });
});

interface GettableAlert {
  labels: Labels;
  fingerprint: string;
  status: { state: string; inhibitedBy: string[] };
}

function withoutEmpty(labels: Labels): Labels {
  return Object.fromEntries(Object.entries(labels).filter(([, value]) => value !== ""));
}

async function runConfig(seed: number, sets: number): Promise<{ alerts: number; inhibited: number }> {
  const random = seededRandom(seed);
  const rules = randomInhibitRules(random, 5).map((rule) => ({ ...rule, equal: [...rule.equal, "case"] }));
  const project = parseProject({
    name: `inhibit ${seed}`,
    receivers: [{ name: "null" }],
    route: { receiver: "null", groupWait: "1h" },
    inhibitRules: rules,
  });
  const configDir = path.join(dir, `config-${seed}`);
  const { base, alertmanager } = await startAlertmanager(project, configDir);
  cleanups.push(alertmanager.stop);

  const alerts: Labels[] = [];
  const expected = new Map<string, { inhibited: boolean; sources: Set<string> }>();
  for (let c = 0; c < sets; c++) {
    const seen = new Map<string, Labels>();
    const count = 2 + Math.floor(random() * 8);
    for (let i = 0; i < count; i++) {
      const labels = { ...withoutEmpty(randomLabelSet(random)), case: String(c) };
      seen.set(labelsKey(labels), labels);
    }
    const firing = [...seen.values()];
    const verdicts = inhibitAll(compileInhibitRules(project.inhibitRules), firing);
    firing.forEach((labels, index) => {
      const verdict = verdicts[index];
      expected.set(labelsKey(labels), {
        inhibited: verdict !== undefined,
        sources: new Set(verdict?.sources.map((source) => labelsKey(firing[source] as Labels)) ?? []),
      });
    });
    alerts.push(...firing);
  }

  const posted = await postAlerts(base, alerts);
  expect(posted.status, await posted.text()).toBe(200);

  // The inhibitor learns source alerts asynchronously: wait until every alert is listed and the
  // answer agrees, or report the last disagreement.
  let last: string[] = [];
  const compare = async (): Promise<string[]> => {
    const response = await fetch(
      `${base}/api/v2/alerts?active=true&silenced=true&inhibited=true&unprocessed=true`,
    );
    const listed = (await response.json()) as GettableAlert[];
    const byFingerprint = new Map(listed.map((alert) => [alert.fingerprint, labelsKey(alert.labels)]));
    const problems: string[] = [];
    if (listed.length !== alerts.length) problems.push(`${listed.length} of ${alerts.length} alerts listed`);
    for (const alert of listed) {
      const want = expected.get(labelsKey(alert.labels));
      const inhibited = alert.status.inhibitedBy.length > 0;
      if (!want) problems.push(`unexpected alert ${labelsKey(alert.labels)}`);
      else if (want.inhibited !== inhibited)
        problems.push(
          `${labelsKey(alert.labels)}: Alertmanager ${inhibited ? "inhibits" : "does not inhibit"} it, the engine ${want.inhibited ? "does" : "does not"}`,
        );
      else
        for (const source of alert.status.inhibitedBy)
          if (!want.sources.has(byFingerprint.get(source) ?? source))
            problems.push(
              `${labelsKey(alert.labels)}: inhibited by ${byFingerprint.get(source)}, not a source the engine found`,
            );
    }
    return problems;
  };
  await waitFor(
    async () => {
      last = await compare();
      return last.length === 0 ? true : undefined;
    },
    15_000,
    () => `${last.slice(0, 5).join("\n")}\nrules: ${JSON.stringify(rules)}`,
  ).catch(() => undefined);
  expect(last.slice(0, 5)).toEqual([]);
  await alertmanager.stop();
  return {
    alerts: alerts.length,
    inhibited: [...expected.values()].filter((entry) => entry.inhibited).length,
  };
}

describe("inhibition agrees with a real Alertmanager", () => {
  it("on generated inhibit rules and alert sets", async () => {
    let alerts = 0;
    let inhibited = 0;
    for (const seed of [11, 12, 13, 14]) {
      const result = await runConfig(seed, 60);
      alerts += result.alerts;
      inhibited += result.inhibited;
    }
    // Enough of both outcomes for the comparison to mean something.
    expect(alerts).toBeGreaterThan(800);
    expect(inhibited).toBeGreaterThan(alerts / 15);
    expect(inhibited).toBeLessThan(alerts * 0.9);
  }, 240_000);
});
