import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateAlertmanager } from "../../generate/alertmanager";
import { type Labels, parseProject } from "../../model";
import { seededRandom } from "../../promql/testing/mutate";
import { freePort, startProcess, waitFor } from "../../testing/processes";
import { makeTempDir, writeFiles } from "../../tools/files";
import { compileInhibitRules, inhibitAll } from "./inhibit";
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

function alertmanagerBinary(): string {
  return spawnSync("alertmanager", ["--version"]).status === 0 ? "alertmanager" : "prometheus-alertmanager";
}

interface GettableAlert {
  labels: Labels;
  fingerprint: string;
  status: { state: string; inhibitedBy: string[] };
}

function withoutEmpty(labels: Labels): Labels {
  return Object.fromEntries(Object.entries(labels).filter(([, value]) => value !== ""));
}

const key = (labels: Labels): string => JSON.stringify(Object.entries(labels).sort());

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
  writeFiles(configDir, generateAlertmanager(project));
  const port = await freePort();
  const alertmanager = startProcess(alertmanagerBinary(), [
    `--config.file=${path.join(configDir, "alertmanager/alertmanager.yml")}`,
    `--storage.path=${path.join(configDir, "data")}`,
    `--web.listen-address=127.0.0.1:${port}`,
    "--cluster.listen-address=",
  ]);
  cleanups.push(alertmanager.stop);
  const base = `http://127.0.0.1:${port}`;
  await waitFor(
    async () => ((await fetch(`${base}/-/ready`)).ok ? true : undefined),
    20_000,
    () => alertmanager.output(),
  );

  const alerts: Labels[] = [];
  const expected = new Map<string, { inhibited: boolean; sources: Set<string> }>();
  for (let c = 0; c < sets; c++) {
    const seen = new Map<string, Labels>();
    const count = 2 + Math.floor(random() * 8);
    for (let i = 0; i < count; i++) {
      const labels = { ...withoutEmpty(randomLabelSet(random)), case: String(c) };
      seen.set(key(labels), labels);
    }
    const firing = [...seen.values()];
    const verdicts = inhibitAll(compileInhibitRules(project.inhibitRules), firing);
    firing.forEach((labels, index) => {
      const verdict = verdicts[index];
      expected.set(key(labels), {
        inhibited: verdict !== undefined,
        sources: new Set(verdict?.sources.map((source) => key(firing[source] as Labels)) ?? []),
      });
    });
    alerts.push(...firing);
  }

  const endsAt = new Date(Date.now() + 3_600_000).toISOString();
  const posted = await fetch(`${base}/api/v2/alerts`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(alerts.map((labels) => ({ labels, endsAt }))),
  });
  expect(posted.status, await posted.text()).toBe(200);

  // The inhibitor learns source alerts asynchronously: wait until every alert is listed and the
  // answer agrees, or report the last disagreement.
  let last: string[] = [];
  const compare = async (): Promise<string[]> => {
    const response = await fetch(
      `${base}/api/v2/alerts?active=true&silenced=true&inhibited=true&unprocessed=true`,
    );
    const listed = (await response.json()) as GettableAlert[];
    const byFingerprint = new Map(listed.map((alert) => [alert.fingerprint, key(alert.labels)]));
    const problems: string[] = [];
    if (listed.length !== alerts.length) problems.push(`${listed.length} of ${alerts.length} alerts listed`);
    for (const alert of listed) {
      const want = expected.get(key(alert.labels));
      const inhibited = alert.status.inhibitedBy.length > 0;
      if (!want) problems.push(`unexpected alert ${key(alert.labels)}`);
      else if (want.inhibited !== inhibited)
        problems.push(
          `${key(alert.labels)}: Alertmanager ${inhibited ? "inhibits" : "does not inhibit"} it, the engine ${want.inhibited ? "does" : "does not"}`,
        );
      else
        for (const source of alert.status.inhibitedBy)
          if (!want.sources.has(byFingerprint.get(source) ?? source))
            problems.push(
              `${key(alert.labels)}: inhibited by ${byFingerprint.get(source)}, not a source the engine found`,
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
