import type { AlertTestCase } from "../../model";
import { BacktestEngine, firingAt, sampleValue } from "../backtest/engine";
import type { BacktestRuleSpec, RangeQuery } from "../backtest/run";
import type { BacktestResult, ResultSeries } from "../backtest/types";
import { expandAlertTemplate } from "../templates/render";
import { type InputValue, promtoolDuration, promtoolValues, STALE, seriesText } from "./notation";
import { readsBackMs, vectorSelectors } from "./selectors";
import { expectedAlertTests, type PromtoolTestGroup } from "./test-file";

/**
 * A rule test from what happened: the series the rule's expression reads over a window become
 * promtool `input_series` at the group's interval, and what the backtest found firing at chosen
 * times becomes `exp_alerts` (labels and rendered annotations). So last Tuesday becomes a
 * regression test.
 *
 * Each series is sampled at the evaluation times (the value the expression's selector saw there,
 * lookback included) and a `stale` marker ends each stretch of samples, so an instant selector reads
 * in promtool exactly what it read in Prometheus. Range functions (`rate(x[5m])`) read the sampled
 * series instead of the scrapes, so their values can differ slightly: the route runs promtool on
 * the generated test and says so when promtool disagrees.
 */

export interface WindowTestInput {
  rule: BacktestRuleSpec & { annotations?: Readonly<Record<string, string>> };
  intervalMs: number;
  /** The window: expectations fall in it; the input series start early enough for the expression. */
  startMs: number;
  endMs: number;
  /** At most this many input series (the rest are left out and reported). Default 50. */
  maxSeries?: number;
  /** At most this many evaluation times with expectations. Default 40. */
  maxTimes?: number;
}

export interface WindowTest {
  /** The promtool test group: input series and expectations at the chosen times. */
  testGroup: PromtoolTestGroup;
  /** The same as model test cases (one firing, one quiet when the window has them), for the rule's `tests`. */
  cases: AlertTestCase[];
  /** promtool's time 0, in unix ms. */
  originMs: number;
  /** Series read beyond `maxSeries`. */
  omittedSeries: number;
  backtest: BacktestResult;
  notes: string[];
}

function labelKey(labels: Readonly<Record<string, string>>): string {
  return JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The series sampled at each evaluation from `originMs`, a stale marker after each stretch. */
function sampled(series: ResultSeries, originMs: number, intervalMs: number, count: number): InputValue[] {
  const values: InputValue[] = new Array(count).fill(undefined);
  for (const [seconds, text] of series.values) {
    const index = Math.round((seconds * 1000 - originMs) / intervalMs);
    if (index >= 0 && index < count) values[index] = sampleValue(text);
  }
  for (let i = 1; i < count; i++) {
    if (values[i] === undefined && typeof values[i - 1] === "number") values[i] = STALE;
  }
  return values;
}

/** Evaluation times worth a check: every change of state, spread out, and the window's ends. */
function chosenTimes(
  result: BacktestResult,
  startMs: number,
  endMs: number,
  intervalMs: number,
  max: number,
): number[] {
  const times = new Set<number>([startMs, endMs]);
  for (const timeline of result.timelines) {
    for (const segment of timeline.segments) {
      for (const t of [segment.fromMs, segment.toMs - intervalMs, segment.toMs]) {
        if (t >= startMs && t <= endMs) times.add(t);
      }
    }
  }
  const steps = (endMs - startMs) / intervalMs;
  const spread = Math.max(1, Math.floor(steps / Math.max(1, max / 2)));
  for (let k = 0; k <= steps; k += spread) times.add(startMs + k * intervalMs);
  const sorted = [...times].sort((a, b) => a - b);
  if (sorted.length <= max) return sorted;
  const every = sorted.length / max;
  return Array.from({ length: max }, (_, i) => sorted[Math.floor(i * every)] as number);
}

export async function windowTest(
  input: WindowTestInput,
  query: RangeQuery,
  signal?: AbortSignal,
): Promise<WindowTest> {
  const { rule, intervalMs } = input;
  const notes: string[] = [];
  const startMs = Math.ceil(input.startMs / intervalMs) * intervalMs;
  const endMs = Math.floor(input.endMs / intervalMs) * intervalMs;
  const originMs = Math.floor((startMs - readsBackMs(rule.expr)) / intervalMs) * intervalMs;
  const count = (endMs - originMs) / intervalMs + 1;

  // The input: every series each selector reads, sampled at the evaluations.
  const inputs = new Map<string, ResultSeries>();
  for (const selector of vectorSelectors(rule.expr)) {
    for (const series of await query(selector, originMs, endMs, intervalMs, signal)) {
      inputs.set(labelKey(series.metric), series);
    }
  }
  const maxSeries = input.maxSeries ?? 50;
  const kept = [...inputs.values()].slice(0, maxSeries);
  if (inputs.size > maxSeries) {
    notes.push(`${inputs.size - maxSeries} of the ${inputs.size} series the expression reads were left out`);
  }
  if (/\[[^\]]+\]/.test(rule.expr)) {
    notes.push(
      "the expression reads ranges: the input is sampled at the group's interval, so promtool's values can differ slightly from Prometheus's",
    );
  }

  // What Prometheus evaluated: the expression from promtool's time 0, with no state before, as promtool starts.
  const result = await query(rule.expr, originMs, endMs, intervalMs, signal);
  const engine = new BacktestEngine(rule, { intervalMs });
  engine.feed({ startMs: originMs, endMs, series: result });
  const backtest = engine.result();
  const times = chosenTimes(backtest, startMs, endMs, intervalMs, input.maxTimes ?? 40);

  // $labels and $value of an alert at a time: its result series at the last evaluation that had it
  // (an alert kept firing by keep_firing_for keeps the annotations of its last result).
  const sourceAt = (
    alertLabels: Record<string, string>,
    atMs: number,
  ): { labels: Record<string, string>; value: number } => {
    let best: { labels: Record<string, string>; value: number; at: number } | undefined;
    for (const series of result) {
      const { __name__: _name, ...rest } = series.metric;
      if (labelKey({ ...rest, ...rule.labels, alertname: rule.alert }) !== labelKey(alertLabels)) continue;
      for (const [seconds, text] of series.values) {
        const at = Math.round(seconds * 1000);
        if (at <= atMs && (!best || at > best.at))
          best = { labels: { ...series.metric }, value: sampleValue(text), at };
      }
    }
    return best ?? { labels: alertLabels, value: Number.NaN };
  };
  const annotations = rule.annotations ?? {};
  const render = (labels: Record<string, string>, atMs: number): Record<string, string> => {
    const source = sourceAt(labels, atMs);
    const out: Record<string, string> = {};
    for (const [name, template] of Object.entries(annotations)) {
      // As Prometheus: a template that fails renders as `<error expanding template: …>`.
      out[name] = expandAlertTemplate(template, source, { alertName: rule.alert }).text;
    }
    return out;
  };

  const interval = promtoolDuration(intervalMs);
  const inputSeries = kept.map((series) => ({
    series: seriesText(series.metric),
    values: promtoolValues(sampled(series, originMs, intervalMs, count)),
  }));
  const window = `${new Date(startMs).toISOString()} to ${new Date(endMs).toISOString()}`;
  const testGroup: PromtoolTestGroup = {
    name: `${rule.alert}: from the backtest of ${window}`,
    interval,
    input_series: inputSeries,
    alert_rule_test: expectedAlertTests(backtest, rule.alert, times, originMs, render),
  };

  const cases: AlertTestCase[] = [];
  const single = times.find((t) => firingAt(backtest, t).length === 1);
  if (single !== undefined) {
    const [timeline] = firingAt(backtest, single);
    // The result's labels as they are (__name__ too): the annotations see them, the alert drops __name__.
    const source = sourceAt(timeline?.labels ?? {}, single);
    cases.push({
      description: `fires: from the backtest of ${window}`,
      interval,
      inputSeries,
      evalTime: promtoolDuration(single - originMs),
      fires: true,
      labels: source.labels,
      value: Number.isFinite(source.value) ? source.value : undefined,
    });
  }
  const quiet = times.find((t) => firingAt(backtest, t).length === 0);
  if (quiet !== undefined) {
    cases.push({
      description: `stays quiet: from the backtest of ${window}`,
      interval,
      inputSeries,
      evalTime: promtoolDuration(quiet - originMs),
      fires: false,
      labels: {},
    });
  }
  return { testGroup, cases, originMs, omittedSeries: Math.max(0, inputs.size - maxSeries), backtest, notes };
}
