import { seededRandom } from "../../../promql/testing/mutate";

/**
 * Generated alerting scenarios for the oracle test: a rule (expression, for, keep_firing_for,
 * labels), a group interval, and input series sampled at a scrape interval, flapping around the
 * threshold, with gaps short and long (a gap over the 5 m lookback makes a series go stale and come
 * back). Each scenario has its own metric names so all share one Prometheus.
 */

export interface ScenarioSeries {
  labels: Record<string, string>;
  /** One per scrape step from time 0; undefined: no sample. */
  values: (number | undefined)[];
}

export interface Scenario {
  id: string;
  expr: string;
  forMs: number;
  keepFiringForMs: number;
  labels: Record<string, string>;
  intervalMs: number;
  scrapeMs: number;
  series: ScenarioSeries[];
  /** The last evaluation time (from 0). */
  endMs: number;
}

type Random = () => number;

function pick<T>(random: Random, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)] as T;
}

function int(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** A level flapping around 5 (the threshold), sometimes exactly on it, with gaps. */
function gauge(random: Random, count: number): (number | undefined)[] {
  const flip = 0.04 + random() * 0.4;
  const gapChance = random() < 0.5 ? 0 : 0.02 + random() * 0.06;
  let high = random() < 0.5;
  const values: (number | undefined)[] = [];
  while (values.length < count) {
    if (random() < gapChance) {
      // 1 to 14 steps: some inside the lookback, some beyond it (the series goes stale).
      const length = int(random, 1, 14);
      for (let i = 0; i < length && values.length < count; i++) values.push(undefined);
      continue;
    }
    if (random() < flip) high = !high;
    const value = random() < 0.1 ? 5 : high ? int(random, 6, 9) : int(random, 1, 4);
    values.push(value);
  }
  return values;
}

/** A counter whose increments flap between slow and fast, with gaps. */
function counter(random: Random, count: number): (number | undefined)[] {
  const levels = gauge(random, count);
  let total = int(random, 0, 100);
  return levels.map((level) => {
    if (level === undefined) return undefined;
    total += level;
    return total;
  });
}

const EXPRESSIONS: readonly ((name: string) => { expr: string; kind: "gauge" | "counter" })[] = [
  (m) => ({ expr: `${m} > 5`, kind: "gauge" }),
  (m) => ({ expr: `${m} >= 5`, kind: "gauge" }),
  (m) => ({ expr: `max_over_time(${m}[2m]) > 6`, kind: "gauge" }),
  (m) => ({ expr: `avg without (instance) (${m}) > 5`, kind: "gauge" }),
  (m) => ({ expr: `${m}`, kind: "gauge" }),
  (m) => ({ expr: `${m} > 5 unless ${m} > 8`, kind: "gauge" }),
  (m) => ({ expr: `rate(${m}_total[2m]) > 0.08`, kind: "counter" }),
];

/** Plain labels, or templated ones (the alert's identity then follows the value, as in Prometheus). */
function ruleLabels(random: Random): Record<string, string> {
  const roll = random();
  if (roll < 0.4) return { severity: "page" };
  if (roll < 0.55) return { level: "{{ if gt $value 7.0 }}high{{ else }}low{{ end }}" };
  if (roll < 0.65) return { host: "{{ $labels.instance }}" };
  return {};
}

/** `count` scenarios from a seed: the same on every run. */
export function generateScenarios(count: number, seed: number): Scenario[] {
  const random = seededRandom(seed);
  const scenarios: Scenario[] = [];
  for (let index = 0; index < count; index++) {
    const intervalS = pick(random, [15, 30, 60]);
    const scrapeS = pick(
      random,
      intervalS === 15 ? [15, 5, 30] : intervalS === 30 ? [30, 15, 10, 60] : [60, 30, 15, 120],
    );
    const name = `bt_${index}`;
    const shape = pick(random, EXPRESSIONS)(name);
    const metric = shape.kind === "counter" ? `${name}_total` : name;
    const samples = int(random, 40, 120);
    const seriesCount = int(random, 1, 4);
    const series = Array.from({ length: seriesCount }, (_, s) => ({
      labels: { __name__: metric, instance: `host-${s}`, job: "node" },
      values: shape.kind === "counter" ? counter(random, samples) : gauge(random, samples),
    }));
    const forS = pick(random, [0, 0, intervalS, 2 * intervalS, 150, 300]);
    const keepS = pick(random, [0, 0, intervalS, 120, 300]);
    // Evaluate past the last sample too, so the series end and go stale inside the window.
    const dataEnd = (samples - 1) * scrapeS;
    const endS = Math.ceil((dataEnd + int(random, 0, 8) * 60) / intervalS) * intervalS;
    scenarios.push({
      id: `s${index}`,
      expr: shape.expr,
      forMs: forS * 1000,
      keepFiringForMs: keepS * 1000,
      labels: ruleLabels(random),
      intervalMs: intervalS * 1000,
      scrapeMs: scrapeS * 1000,
      series,
      endMs: endS * 1000,
    });
  }
  return scenarios;
}
