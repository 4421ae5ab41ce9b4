import type { AlertingRule } from "@/lib/model/rule";
import type { SloSpec } from "@/lib/model/slo";
import { prometheusDuration } from "../durations";
import { generateSloRules } from "../generate";
import { errorBudget } from "../queries";

/**
 * Steady traffic whose errors start at one step and then burn the budget at a fixed rate, sampled
 * every `stepMs`, and what the SLO's alerts do over it by arithmetic alone. Prometheus 2.42 reads a
 * range `[t - w, t]` closed at both ends; both counters are rated over the same samples, so `rate`'s
 * extrapolation cancels in the ratio (their large start values keep it off the zero clamp), and the
 * error ratio over a window is exactly ΔE / ΔT between its first and last sample.
 */
export interface BurnScenario {
  stepMs: number;
  /** Index of the last sample. */
  steps: number;
  /** Index of the first sample with errors. */
  errorsFrom: number;
  /** Error ratio once errors start, as a multiple of the budget. */
  burn: number;
  totalPerStep: number;
}

const TOTAL_START = 100_000;
const ERRORS_START = 1_000;

export function errorsPerStep(spec: SloSpec, scenario: BurnScenario): number {
  return scenario.burn * errorBudget(spec.objective) * scenario.totalPerStep;
}

function errorsAt(spec: SloSpec, scenario: BurnScenario, index: number): number {
  return ERRORS_START + Math.max(0, index - scenario.errorsFrom) * errorsPerStep(spec, scenario);
}

/** The error ratio over a window at an evaluation index, NaN when the window holds one sample. */
export function windowRatio(spec: SloSpec, scenario: BurnScenario, index: number, windowMs: number): number {
  const first = Math.max(0, Math.ceil((index * scenario.stepMs - windowMs) / scenario.stepMs));
  if (first >= index) return Number.NaN;
  const errors = errorsAt(spec, scenario, index) - errorsAt(spec, scenario, first);
  return errors / ((index - first) * scenario.totalPerStep);
}

/**
 * The input series of a promtool test, in its expanding notation: total and failed requests, the
 * good ones (total − failed), and a histogram whose `le="0.3"` bucket counts the good ones.
 */
export function inputSeries(
  spec: SloSpec,
  scenario: BurnScenario,
): Array<{ series: string; values: string }> {
  const t = scenario.totalPerStep;
  const e = errorsPerStep(spec, scenario);
  const quiet = scenario.errorsFrom;
  const rest = scenario.steps - quiet - 1;
  const total = `${TOTAL_START}+${t}x${scenario.steps}`;
  const goodStart = TOTAL_START - ERRORS_START;
  const good = `${goodStart}+${t}x${quiet} ${goodStart + (quiet + 1) * t - e}+${t - e}x${rest}`;
  return [
    { series: 'http_requests_total{job="api"}', values: total },
    {
      series: 'http_request_errors_total{job="api"}',
      values: `${ERRORS_START}+0x${quiet} ${ERRORS_START + e}+${e}x${rest}`,
    },
    { series: 'http_requests_ok_total{job="api"}', values: good },
    { series: 'http_request_duration_seconds_count{job="api"}', values: total },
    { series: 'http_request_duration_seconds_bucket{job="api",le="0.3"}', values: good },
  ];
}

/** Per evaluation index: which generated alerts fire (by index in `alerts`), and whether a tie makes it uncertain. */
export interface AlertTimeline {
  alerts: AlertingRule[];
  firing: boolean[][];
  /** A condition within a relative 1e-9 of its threshold: float rounding could go either way. */
  uncertain: boolean[];
}

export function alertTimeline(spec: SloSpec, scenario: BurnScenario): AlertTimeline {
  const generation = generateSloRules(spec);
  const alerts = generation.rules.filter((r): r is AlertingRule => r.kind === "alert");
  const activeSince: Array<number | undefined> = alerts.map(() => undefined);
  const firing: boolean[][] = [];
  const uncertain: boolean[] = [];
  for (let i = 0; i <= scenario.steps; i++) {
    let tie = false;
    const row = generation.alerts.map((alert, a) => {
      const active = alert.windows.some((w) =>
        [w.longMs, w.shortMs].every((windowMs) => {
          const ratio = windowRatio(spec, scenario, i, windowMs);
          if (Math.abs(ratio - w.threshold) <= 1e-9 * w.threshold) tie = true;
          return ratio > w.threshold;
        }),
      );
      if (!active) activeSince[a] = undefined;
      else activeSince[a] ??= i;
      const since = activeSince[a];
      const waitMs = alert.windows[0]?.forMs ?? 0;
      return since !== undefined && (i - since) * scenario.stepMs >= waitMs;
    });
    firing.push(row);
    uncertain.push(tie);
  }
  return { alerts, firing, uncertain };
}

/** First evaluation index at which any alert of the severity fires, or undefined. */
export function firstFiring(
  timeline: AlertTimeline,
  spec: SloSpec,
  severity: "page" | "ticket",
): number | undefined {
  const wanted = generateSloRules(spec).alerts.map((a) => a.severity === severity);
  const index = timeline.firing.findIndex((row) => row.some((on, a) => on && wanted[a]));
  return index === -1 ? undefined : index;
}

/**
 * A promtool test file checking the timeline at the given evaluation indices (ties left out):
 * at each, the alerts firing are exactly those the arithmetic says, with their labels and annotations.
 */
export function promtoolTest(
  spec: SloSpec,
  scenario: BurnScenario,
  timeline: AlertTimeline,
  indices: readonly number[],
  ruleFile: string,
): unknown {
  const names = [...new Set(timeline.alerts.map((a) => a.alert))];
  const step = prometheusDuration(scenario.stepMs);
  const checks = indices
    .filter((i) => !timeline.uncertain[i])
    .flatMap((i) =>
      names.map((alertname) => ({
        eval_time: prometheusDuration(i * scenario.stepMs),
        alertname,
        exp_alerts: timeline.alerts
          .filter((a, n) => a.alert === alertname && timeline.firing[i]?.[n])
          .map((a) => ({ exp_labels: a.labels, exp_annotations: a.annotations })),
      })),
    );
  return {
    rule_files: [ruleFile],
    evaluation_interval: step,
    tests: [{ interval: step, input_series: inputSeries(spec, scenario), alert_rule_test: checks }],
  };
}
