import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type Labels, type Matcher, parseProject, type Project } from "../../model";
import { seededRandom } from "../../promql/testing/mutate";
import { makeTempDir } from "../../tools/files";
import { labelsKey, startAlertmanager } from "../routing/testing/live-alertmanager";
import { pick, type Random } from "../routing/testing/random-routing";
import { simulateAlertPath } from "./engine";
import type { SimulatedAlert, SimulatedSilence } from "./types";

/**
 * The simulation's timing model against a real Alertmanager 0.25's notifications: generated alert
 * timelines (starts and resolves on a grid of group_interval, each group's flushes half a slot
 * away, so scheduling jitter cannot move an event across a flush) are posted to it in real time
 * under a generated route tree with shortened timings (group_wait 3s, group_interval 6s,
 * repeat_interval 15s) and an inhibit rule; every webhook call at the sink — which receiver, which
 * group, which alerts firing and resolved, in order per group — equals the simulation's predicted
 * notifications, and so does their count.
 */

const SLOT_MS = 6_000;
const SLOTS = 11;
const dir = makeTempDir("obsforge-simulation-live");
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  rmSync(dir, { recursive: true, force: true });
});

interface WebhookCall {
  receiver: string;
  groupLabels: Labels;
  alerts: { status: "firing" | "resolved"; labels: Labels }[];
}

async function startSink(): Promise<{ base: string; calls: WebhookCall[]; server: Server }> {
  const calls: WebhookCall[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      calls.push(JSON.parse(Buffer.concat(chunks).toString("utf8")) as WebhookCall);
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls, server };
}

const RECEIVERS = ["team", "pager", "db"] as const;

function randomProject(random: Random, sink: string): Project {
  const groupBys = [["alertname"], ["alertname", "service"], ["..."], ["service"]];
  return parseProject({
    name: "simulation live",
    receivers: RECEIVERS.map((name) => ({
      name,
      integrations: [{ type: "webhook", url: `${sink}/${name}`, sendResolved: random() < 0.6 }],
    })),
    route: {
      receiver: "team",
      groupBy: pick(random, groupBys),
      groupWait: "3s",
      groupInterval: "6s",
      repeatInterval: "15s",
      routes: [
        {
          receiver: "pager",
          matchers: [{ label: "severity", value: "critical" }],
          continue: random() < 0.5,
          groupBy: random() < 0.5 ? pick(random, groupBys) : undefined,
        },
        {
          receiver: "db",
          matchers: [{ label: "service", op: "=~", value: "db|cache" }],
          groupBy: pick(random, groupBys),
        },
      ],
    },
    inhibitRules: [
      {
        sourceMatchers: [{ label: "severity", value: "critical" }],
        targetMatchers: [{ label: "severity", value: "warning" }],
        equal: ["alertname"],
      },
    ],
  });
}

/**
 * Critical alerts fire the whole run (so an alert they inhibit is inhibited from its first flush
 * to its last); the others start and resolve on slot boundaries, some twice.
 */
function randomTimelines(random: Random): SimulatedAlert[] {
  const alerts = new Map<string, SimulatedAlert>();
  const names = ["ApiErrors", "DiskFull", "Latency"];
  const services = ["api", "db", "web", "cache"];
  const critical = pick(random, names);
  for (const service of ["api", pick(random, services)]) {
    const labels = { alertname: critical, severity: "critical", service };
    alerts.set(labelsKey(labels), { labels, firing: [{ fromMs: 0, toMs: null }] });
  }
  for (let i = 0; i < 9; i++) {
    const labels = {
      alertname: pick(random, names),
      severity: random() < 0.8 ? "warning" : "info",
      service: pick(random, services),
    };
    if (alerts.has(labelsKey(labels))) continue;
    const firing: SimulatedAlert["firing"] = [];
    let slot = Math.floor(random() * 5);
    while (slot < SLOTS - 2 && firing.length < 2) {
      const length = 1 + Math.floor(random() * 4);
      const end = slot + length;
      firing.push({ fromMs: slot * SLOT_MS, toMs: end < SLOTS - 1 ? end * SLOT_MS : null });
      slot = end + 1 + Math.floor(random() * 3);
    }
    alerts.set(labelsKey(labels), { labels, firing });
  }
  return [...alerts.values()];
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * Silences on slot boundaries (half a slot from any flush): on alertname, service or severity,
 * with a regex or a negative matcher at times, active for a few slots.
 */
function randomSilences(random: Random): SimulatedSilence[] {
  const pickMatcher = (): Matcher =>
    pick(random, [
      { label: "alertname", op: "=", value: pick(random, ["ApiErrors", "DiskFull", "Latency"]) },
      { label: "service", op: "=~", value: pick(random, ["api|web", "db", "c.*"]) },
      { label: "severity", op: "!=", value: "critical" },
      { label: "severity", op: "=", value: "warning" },
    ] as Matcher[]);
  return Array.from({ length: 2 }, () => {
    const start = 1 + Math.floor(random() * 4);
    const end = start + 2 + Math.floor(random() * 4);
    const matchers = random() < 0.5 ? [pickMatcher()] : [pickMatcher(), pickMatcher()];
    return { matchers, startsMs: start * SLOT_MS, endsMs: Math.min(end, SLOTS) * SLOT_MS };
  });
}

/** Creates the silences (POST /api/v2/silences), their times relative to t0. */
async function createSilences(
  base: string,
  silences: readonly SimulatedSilence[],
  t0: number,
): Promise<void> {
  for (const silence of silences) {
    const response = await fetch(`${base}/api/v2/silences`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        matchers: silence.matchers.map((m) => ({
          name: m.label,
          value: m.value,
          isRegex: m.op === "=~" || m.op === "!~",
          isEqual: m.op === "=" || m.op === "=~",
        })),
        startsAt: new Date(t0 + silence.startsMs).toISOString(),
        endsAt: new Date(t0 + silence.endsMs).toISOString(),
        createdBy: "simulation test",
        comment: "simulated silence",
      }),
    });
    if (response.status !== 200)
      throw new Error(`creating a silence: ${response.status} ${await response.text()}`);
  }
}

/** Posts each start and resolve at its slot, relative to t0. */
async function replay(base: string, alerts: readonly SimulatedAlert[], t0: number): Promise<void> {
  const future = new Date(t0 + 3_600_000).toISOString();
  for (let slot = 0; slot < SLOTS; slot++) {
    await sleep(t0 + slot * SLOT_MS - Date.now());
    const now = new Date().toISOString();
    const batch: unknown[] = [];
    for (const alert of alerts) {
      for (const { fromMs, toMs } of alert.firing) {
        if (fromMs === slot * SLOT_MS) batch.push({ labels: alert.labels, startsAt: now, endsAt: future });
        if (toMs === slot * SLOT_MS) batch.push({ labels: alert.labels, endsAt: now });
      }
    }
    if (batch.length === 0) continue;
    const response = await fetch(`${base}/api/v2/alerts`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(batch),
    });
    if (response.status !== 200)
      throw new Error(`posting alerts: ${response.status} ${await response.text()}`);
  }
  // The last slot's flushes, half a slot after it.
  await sleep(t0 + SLOTS * SLOT_MS - Date.now());
}

const callKey = (receiver: string, groupLabels: Labels): string => `${receiver} ${labelsKey(groupLabels)}`;
const alertSet = (labels: readonly Labels[]): string => labels.map(labelsKey).sort().join(" ");

async function runScenario(
  seed: number,
  withSilences = false,
): Promise<{ calls: number; reasons: string[]; inhibitions: number; silencings: number }> {
  const random = seededRandom(seed);
  const sink = await startSink();
  cleanups.push(() => void sink.server.close());
  const project = randomProject(random, sink.base);
  const alerts = randomTimelines(random);
  const { base, alertmanager } = await startAlertmanager(project, path.join(dir, `seed-${seed}`));
  cleanups.push(alertmanager.stop);

  // Window: to the last slot's flush (SLOTS slots, the flush half a slot in).
  const silences = withSilences ? randomSilences(seededRandom(seed * 7)) : [];
  const predicted = simulateAlertPath({ project, alerts, silences, startMs: 0, endMs: SLOTS * SLOT_MS - 1 });
  const t0 = Date.now() + 1_000;
  await createSilences(base, silences, t0);
  await sleep(t0 - Date.now());
  await replay(base, alerts, t0);
  await alertmanager.stop();

  const expected = new Map<string, string[]>();
  for (const n of predicted.notifications) {
    const key = callKey(n.receiver, n.groupLabels);
    expected.set(key, [
      ...(expected.get(key) ?? []),
      `firing[${alertSet(n.firing)}] resolved[${alertSet(n.resolved)}]`,
    ]);
  }
  const actual = new Map<string, string[]>();
  for (const call of sink.calls) {
    const key = callKey(call.receiver, call.groupLabels);
    const firing = call.alerts.filter((a) => a.status === "firing").map((a) => a.labels);
    const resolved = call.alerts.filter((a) => a.status === "resolved").map((a) => a.labels);
    actual.set(key, [
      ...(actual.get(key) ?? []),
      `firing[${alertSet(firing)}] resolved[${alertSet(resolved)}]`,
    ]);
  }
  const sorted = (map: Map<string, string[]>): [string, string[]][] =>
    [...map.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  expect(sorted(actual), `seed ${seed}`).toEqual(sorted(expected));
  expect(sink.calls.length).toBe(predicted.notifications.length);
  return {
    calls: sink.calls.length,
    reasons: predicted.notifications.map((n) => n.reason),
    inhibitions: predicted.inhibitions.length,
    silencings: predicted.silencings.length,
  };
}

describe("the simulated notifications agree with a real Alertmanager's", () => {
  it("on generated alert timelines, route trees and inhibition (shortened timings)", async () => {
    const runs = await Promise.all([31, 32, 33].map((seed) => runScenario(seed)));
    // Enough happened to compare: new groups, changes, resolves, repeats and inhibited alerts.
    expect(runs.reduce((sum, run) => sum + run.calls, 0)).toBeGreaterThan(20);
    expect(new Set(runs.flatMap((run) => run.reasons))).toEqual(
      new Set(["new", "changed", "resolved", "repeat"]),
    );
    expect(runs.some((run) => run.inhibitions > 0)).toBe(true);
  }, 240_000);

  it("with silences that start and end inside the window", async () => {
    const runs = await Promise.all([41, 42, 43].map((seed) => runScenario(seed, true)));
    expect(runs.reduce((sum, run) => sum + run.silencings, 0)).toBeGreaterThan(0);
    expect(runs.reduce((sum, run) => sum + run.calls, 0)).toBeGreaterThan(10);
  }, 240_000);
});
