import { toYaml } from "../../generate/yaml";
import { firingAt } from "../backtest/engine";
import type { BacktestResult } from "../backtest/types";
import { promtoolDuration } from "./notation";

/** promtool's rule unit-test file (`promtool test rules`), built as a typed object, serialized last. */

export interface PromtoolExpectedAlert {
  exp_labels: Record<string, string>;
  exp_annotations?: Record<string, string>;
}

export interface PromtoolAlertTest {
  eval_time: string;
  alertname: string;
  exp_alerts: PromtoolExpectedAlert[];
}

export interface PromtoolTestGroup {
  name?: string;
  interval: string;
  input_series: { series: string; values: string }[];
  alert_rule_test: PromtoolAlertTest[];
}

export interface PromtoolTestFile {
  rule_files: string[];
  evaluation_interval: string;
  tests: PromtoolTestGroup[];
}

/** The file's YAML, keys in promtool's documented order. */
export function promtoolTestYaml(file: PromtoolTestFile, header?: string): string {
  return toYaml(file, header);
}

/**
 * What promtool must find firing at each time, from a backtest: every firing alert with its exact
 * labels (less `alertname`, which promtool adds) and, when `annotations` is given, its annotations
 * rendered for that alert. Times are evaluation times of the backtest, written relative to
 * `originMs` (promtool's time 0, where the input series start).
 */
export function expectedAlertTests(
  result: Pick<BacktestResult, "timelines">,
  alertname: string,
  timesMs: readonly number[],
  originMs: number,
  annotations?: (labels: Record<string, string>, atMs: number) => Record<string, string>,
): PromtoolAlertTest[] {
  return timesMs.map((atMs) => ({
    eval_time: promtoolDuration(atMs - originMs),
    alertname,
    exp_alerts: firingAt(result, atMs).map((timeline) => {
      const { alertname: _ignored, ...labels } = timeline.labels;
      return annotations
        ? { exp_labels: labels, exp_annotations: annotations(timeline.labels, atMs) }
        : { exp_labels: labels };
    }),
  }));
}
