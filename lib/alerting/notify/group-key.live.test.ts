import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type Labels, parseProject, type RouteInput } from "../../model";
import { seededRandom } from "../../promql/testing/mutate";
import { waitFor } from "../../testing/processes";
import { makeTempDir } from "../../tools/files";
import { resolveRouteTree } from "../routing/route-tree";
import { labelsKey, postAlerts, startAlertmanager } from "../routing/testing/live-alertmanager";
import { RECEIVERS, randomLabelSet, randomRouteTree } from "../routing/testing/random-routing";
import { alertGroups, sampleRoute } from "./route-group";
import { startHttpSink } from "./testing/sinks";

/**
 * The group key and group labels of the previews against a real Alertmanager 0.25: alerts posted
 * under generated nested route trees (matchers with quotes and backslashes, regexes, legacy
 * `match_re`, `continue`, `group_by` set, inherited and `...`, label names such as `a` and `a1`
 * whose order differs between names and `name="value"` strings) reach webhook sinks, one per
 * receiver; every (receiver, groupKey, groupLabels, alert) the webhooks carry equals what
 * alertGroups predicts, with repeats, and sampleRoute picks one of them for each receiver.
 */

const dir = makeTempDir("obsforge-group-key");
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  rmSync(dir, { recursive: true, force: true });
});

interface WebhookBody {
  receiver: string;
  groupKey: string;
  groupLabels: Labels;
  alerts: { labels: Labels }[];
}

/** The tree without its own waits (all groups flush after the root's 1s) and with `a`/`a1` grouping. */
function quick(route: RouteInput, depth = 0): RouteInput {
  const groupBy = route.groupBy?.includes("team") ? [...route.groupBy, "a1", "a"] : route.groupBy;
  return {
    ...route,
    groupWait: undefined,
    ...(groupBy ? { groupBy } : {}),
    routes: (route.routes ?? []).map((child) => quick(child, depth + 1)),
  };
}

async function runTree(seed: number): Promise<string[]> {
  const random = seededRandom(seed);
  const sink = await startHttpSink();
  cleanups.push(() => sink.close());
  const generated = quick(randomRouteTree(random, 4, 20));
  // A fixed branch first (with continue, so the generated tree still routes): legacy match_re,
  // a value with a backslash and a quote, `...` three routes deep.
  const fixed: RouteInput = {
    receiver: "pager",
    matchers: [{ label: "severity", op: "=~", value: "crit.*|(?i)critical", legacy: true }],
    continue: true,
    routes: [
      {
        receiver: "email",
        matchers: [
          { label: "env", op: "!=", value: 'prod\\eu "x"' },
          { label: "alertname", op: "=~", value: ".+" },
        ],
        routes: [
          { receiver: "team-a", matchers: [{ label: "team", op: "=~", value: "api.*" }], groupBy: ["..."] },
        ],
      },
    ],
  };
  const tree = { ...generated, routes: [fixed, ...(generated.routes ?? [])] };
  const project = parseProject({
    name: `group key ${seed}`,
    receivers: RECEIVERS.map((name) => ({
      name,
      integrations: [{ type: "webhook", url: `${sink.base}/${name}`, sendResolved: false }],
    })),
    route: { ...tree, groupBy: ["alertname", "a", "a1"], groupWait: "1s", groupInterval: "1h" },
  });
  const { base, alertmanager } = await startAlertmanager(project, path.join(dir, `tree-${seed}`));
  cleanups.push(alertmanager.stop);

  const unique = new Map<string, Labels>();
  for (let i = 0; i < 60; i++) {
    const labels: Labels = Object.fromEntries(
      Object.entries(randomLabelSet(random)).filter(([, value]) => value !== ""),
    );
    if (random() < 0.5) labels.a = random() < 0.5 ? "x" : 'q"uo\\te';
    if (random() < 0.5) labels.a1 = "y";
    if (Object.keys(labels).length > 0) unique.set(labelsKey(labels), labels);
  }
  const alerts = [...unique.values()];
  const resolved = resolveRouteTree(project.route);
  const entry = (receiver: string, key: string, groupLabels: Labels, labels: Labels): string =>
    `${receiver} ${key} ${labelsKey(groupLabels)} ${labelsKey(labels)}`;
  const expected = alerts
    .flatMap((labels) =>
      alertGroups(resolved, labels).map((g) => entry(g.receiver, g.groupKey, g.groupLabels, labels)),
    )
    .sort();

  const posted = await postAlerts(base, alerts);
  expect(posted.status, await posted.text()).toBe(200);
  const actual = (): string[] =>
    sink.requests
      .flatMap((request) => {
        const body = JSON.parse(request.body) as WebhookBody;
        return body.alerts.map((alert) =>
          entry(body.receiver, body.groupKey, body.groupLabels, alert.labels),
        );
      })
      .sort();
  await waitFor(
    () => (actual().length >= expected.length ? true : undefined),
    20_000,
    () => `${actual().length} of ${expected.length}`,
  ).catch(() => undefined);
  const got = actual();
  const missing = expected.filter((e) => !got.includes(e));
  const extra = got.filter((e) => !expected.includes(e));
  expect({ missing: missing.slice(0, 5), extra: extra.slice(0, 5) }).toEqual({ missing: [], extra: [] });
  expect(got).toEqual(expected);

  // The preview's choice for each receiver is one of the groups Alertmanager formed for it.
  for (const labels of alerts) {
    for (const receiver of RECEIVERS) {
      const chosen = sampleRoute(project.route, receiver, labels);
      if (!chosen.routed) continue;
      expect(got).toContain(entry(receiver, chosen.groupKey, chosen.groupLabels, labels));
    }
  }
  await alertmanager.stop();
  return got;
}

describe("the previews' group key and group labels agree with Alertmanager's webhooks", () => {
  it("on generated nested route trees and alerts", async () => {
    const entries: string[] = [];
    for (const seed of [31, 32, 33]) entries.push(...(await runTree(seed)));
    expect(entries.length).toBeGreaterThan(150);
    // The cases reach what matters: keys three routes deep, legacy match_re, `...` grouping.
    expect(entries.some((e) => /^\S+ \{\}\/\{[^}]+\}\/\{/.test(e))).toBe(true);
    expect(entries.some((e) => e.includes("^(?:"))).toBe(true);
    expect(entries.some((e) => e.includes('a1=\\"y\\", a=') || e.includes('a1="y", a='))).toBe(true);
  }, 180_000);
});
