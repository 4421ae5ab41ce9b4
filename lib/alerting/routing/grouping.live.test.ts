import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type Labels, parseProject } from "../../model";
import { seededRandom } from "../../promql/testing/mutate";
import { waitFor } from "../../testing/processes";
import { makeTempDir } from "../../tools/files";
import { labelsKey, postAlerts, startAlertmanager } from "./testing/live-alertmanager";
import { RECEIVERS, randomLabelSet, randomRouteTree } from "./testing/random-routing";
import { whoGets } from "./who-gets";

/**
 * Routing and grouping against a real Alertmanager's dispatcher: alerts posted to it under a
 * generated route tree (group_by set, inherited and `...` at any depth, continue, regexes) land
 * in the alert groups of /api/v2/alerts/groups — receiver, group labels and members — exactly
 * as whoGets predicts, one group membership per matched route.
 */

const dir = makeTempDir("obsforge-grouping");
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  rmSync(dir, { recursive: true, force: true });
});

interface AlertGroup {
  labels: Labels;
  receiver: { name: string };
  alerts: { labels: Labels }[];
}

async function runTree(seed: number): Promise<number> {
  const random = seededRandom(seed);
  const tree = randomRouteTree(random);
  const project = parseProject({
    name: `grouping ${seed}`,
    receivers: RECEIVERS.map((name) => ({ name })),
    route: { ...tree, groupBy: random() < 0.5 ? ["alertname", "severity"] : undefined, groupWait: "1h" },
  });
  const configDir = path.join(dir, `tree-${seed}`);
  const { base, alertmanager } = await startAlertmanager(project, configDir);
  cleanups.push(alertmanager.stop);

  const unique = new Map<string, Labels>();
  for (let i = 0; i < 150; i++) {
    const labels = Object.fromEntries(
      Object.entries(randomLabelSet(random)).filter(([, value]) => value !== ""),
    );
    if (Object.keys(labels).length > 0) unique.set(labelsKey(labels), labels);
  }
  const alerts = [...unique.values()];
  const expected = whoGets(project.route, alerts)
    .flatMap((answer) =>
      answer.matches.map(
        (match) => `${match.receiver} ${labelsKey(match.groupLabels)} ${labelsKey(answer.labels)}`,
      ),
    )
    .sort();

  const posted = await postAlerts(base, alerts);
  expect(posted.status, await posted.text()).toBe(200);

  let actual: string[] = [];
  await waitFor(
    async () => {
      const groups = (await (await fetch(`${base}/api/v2/alerts/groups`)).json()) as AlertGroup[];
      actual = groups
        .flatMap((group) =>
          group.alerts.map(
            (alert) => `${group.receiver.name} ${labelsKey(group.labels)} ${labelsKey(alert.labels)}`,
          ),
        )
        .sort();
      return actual.length === expected.length && actual.every((entry, i) => entry === expected[i])
        ? true
        : undefined;
    },
    15_000,
    () => "",
  ).catch(() => undefined);
  const missing = expected.filter((entry) => !actual.includes(entry));
  const extra = actual.filter((entry) => !expected.includes(entry));
  expect({ missing: missing.slice(0, 5), extra: extra.slice(0, 5) }).toEqual({ missing: [], extra: [] });
  expect(actual.length).toBe(expected.length);
  await alertmanager.stop();
  return expected.length;
}

describe("routing and grouping agree with a real Alertmanager's dispatcher", () => {
  it("on generated route trees and alerts", async () => {
    let memberships = 0;
    for (const seed of [21, 22, 23, 24]) memberships += await runTree(seed);
    expect(memberships).toBeGreaterThan(400);
  }, 240_000);
});
