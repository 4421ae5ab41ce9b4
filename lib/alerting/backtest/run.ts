import { BacktestEngine, sampleValue } from "./engine";
import { firstEvaluationAtOrAfter, lastEvaluationAtOrBefore, MAX_POINTS_PER_QUERY } from "./evaluation-times";
import { applyThreshold, splitThreshold, type ThresholdSplit } from "./threshold";
import type { BacktestGroup, BacktestResult, BacktestRule, ResultSeries } from "./types";

/**
 * A backtest of a rule (and of an edited version of it, side by side) over a window: the evaluation
 * times, the range queries in chunks, the engines fed chunk by chunk, progress, cancellation, and
 * the chart's data. The query is injected (the server passes the Prometheus client), so this runs
 * the same in tests, the CLI and the bench.
 */

export interface BacktestRuleSpec extends BacktestRule {
  expr: string;
}

export interface BacktestRunInput {
  /** The saved rule, and/or the edited one (`draft`); at least one. */
  saved?: BacktestRuleSpec;
  draft?: BacktestRuleSpec;
  group: BacktestGroup & {
    /** query_offset: each evaluation queries this much earlier. */
    queryOffsetMs?: number;
    /** The evaluation phase (evaluation-times.ts); 0: multiples of the interval, as promtool. */
    evaluationOffsetMs?: number;
  };
  /** The window the results cover. */
  startMs: number;
  endMs: number;
  /**
   * Evaluations before the window to build up state (an alert can be pending or firing when the
   * window starts). Default: for + keep_firing_for + one interval, the longest of both rules.
   */
  warmupMs?: number;
  /** Query the chart's series (default true); without, `chart.series` is empty. */
  chart?: boolean;
  /** Most series drawn in the chart; the rest are counted. Default 20. */
  maxChartSeries?: number;
  /** Most points per chart series. Default 600. */
  maxChartPoints?: number;
  /** Most samples asked of Prometheus in one query (series × points). Default 1,000,000. */
  maxSamplesPerQuery?: number;
  signal?: AbortSignal;
  onProgress?: (progress: BacktestProgress) => void;
}

export interface BacktestProgress {
  /** Evaluations replayed so far, and in all. */
  done: number;
  total: number;
  queries: number;
}

/** Runs a range query at Prometheus: the expression at `start, start + step, … end` (ms). */
export type RangeQuery = (
  query: string,
  startMs: number,
  endMs: number,
  stepMs: number,
  signal?: AbortSignal,
) => Promise<ResultSeries[]>;

export interface ChartData {
  /** What is drawn: the query without its comparison, or the expression itself. */
  query: string;
  series: ResultSeries[];
  /** Series the query returned beyond the ones drawn. */
  omittedSeries: number;
  /** The saved rule's threshold and the draft's, when the expressions are `<query> <op> <number>`. */
  threshold?: { operator: string; saved?: number; draft?: number };
}

export interface BacktestRun {
  startMs: number;
  endMs: number;
  intervalMs: number;
  evaluationOffsetMs: number;
  warmupMs: number;
  saved?: BacktestResult;
  draft?: BacktestResult;
  chart: ChartData;
  /** Distinct series the expression(s) returned, at most the largest of any one query. */
  querySeries: number;
  queries: number;
}

interface Lane {
  rule: BacktestRuleSpec;
  engine: BacktestEngine;
  split: ThresholdSplit | undefined;
}

/**
 * Whether the saved rule and the draft compare the same query with a number (an edited threshold):
 * then one query of `<query>` serves both, the comparison applied here. A single rule queries its
 * own expression, which answers only the samples that pass it.
 */
function plan(saved: BacktestRuleSpec | undefined, draft: BacktestRuleSpec | undefined) {
  const rules = [saved, draft].filter((rule): rule is BacktestRuleSpec => rule !== undefined);
  const splits = rules.map((rule) => splitThreshold(rule.expr));
  const [first, second] = splits;
  const shared =
    first !== undefined &&
    second !== undefined &&
    second.query === first.query &&
    second.operator === first.operator &&
    rules[0]?.expr !== rules[1]?.expr;
  return { rules, splits, shared };
}

function thin(series: ResultSeries, maxPoints: number): ResultSeries {
  if (series.values.length <= maxPoints) return series;
  const every = Math.ceil(series.values.length / maxPoints);
  return { metric: series.metric, values: series.values.filter((_, i) => i % every === 0) };
}

export async function runBacktest(input: BacktestRunInput, query: RangeQuery): Promise<BacktestRun> {
  const { saved, draft, group } = input;
  if (!saved && !draft) throw new Error("nothing to backtest: give the saved rule, a draft, or both");
  const intervalMs = group.intervalMs;
  const evaluationOffsetMs = group.evaluationOffsetMs ?? 0;
  const queryOffsetMs = group.queryOffsetMs ?? 0;
  const longest = Math.max(...[saved, draft].map((rule) => (rule ? rule.forMs + rule.keepFiringForMs : 0)));
  const warmupMs = input.warmupMs ?? longest + intervalMs;
  const countFromMs = firstEvaluationAtOrAfter(input.startMs, intervalMs, evaluationOffsetMs);
  const firstMs = firstEvaluationAtOrAfter(input.startMs - warmupMs, intervalMs, evaluationOffsetMs);
  const lastMs = lastEvaluationAtOrBefore(input.endMs, intervalMs, evaluationOffsetMs);
  if (lastMs < countFromMs) throw new Error("the window holds no evaluation of the group");
  const total = (lastMs - firstMs) / intervalMs + 1;

  const { rules, splits, shared } = plan(saved, draft);
  const lanes: Lane[] = rules.map((rule, i) => ({
    rule,
    engine: new BacktestEngine(rule, group, { countFromMs }),
    split: shared ? splits[i] : undefined,
  }));
  // One query per distinct text: the shared `<query>`, or each rule's whole expression.
  const queries = shared
    ? [(splits[0] as ThresholdSplit).query]
    : [...new Set(lanes.map((lane) => lane.rule.expr))];
  const maxSamples = input.maxSamplesPerQuery ?? 1_000_000;
  let querySeries = 0;
  let queryCount = 0;
  let points = Math.max(10, Math.min(MAX_POINTS_PER_QUERY, maxSamples));

  const savedSplit = saved ? splitThreshold(saved.expr) : undefined;
  const draftSplit = draft ? splitThreshold(draft.expr) : undefined;
  // The chart: the query without its comparison (so values under the threshold show too), at a
  // step that gives about maxChartPoints points, in one query run beside the replay's queries.
  const chartSplit = savedSplit ?? draftSplit;
  const chartQuery = chartSplit?.query ?? (rules[0] as BacktestRuleSpec).expr;
  const maxChartPoints = input.maxChartPoints ?? 600;
  const maxChartSeries = input.maxChartSeries ?? 20;
  const chartStep = Math.max(1, Math.ceil((lastMs - countFromMs) / intervalMs / maxChartPoints)) * intervalMs;
  const chartAnswer: Promise<ResultSeries[]> =
    input.chart === false
      ? Promise.resolve([])
      : query(chartQuery, countFromMs - queryOffsetMs, lastMs - queryOffsetMs, chartStep, input.signal);
  // Settled here so a failure of the replay does not leave it unhandled; awaited at the end.
  chartAnswer.catch(() => undefined);

  for (let from = firstMs; from <= lastMs; ) {
    input.signal?.throwIfAborted();
    const to = Math.min(lastMs, from + (points - 1) * intervalMs);
    const answers = new Map<string, ResultSeries[]>();
    for (const text of queries) {
      const series = await query(text, from - queryOffsetMs, to - queryOffsetMs, intervalMs, input.signal);
      queryCount++;
      querySeries = Math.max(querySeries, series.length);
      // The query ran `query_offset` early; the rule saw it at the evaluation time.
      answers.set(
        text,
        queryOffsetMs === 0
          ? series
          : series.map((s) => ({
              metric: s.metric,
              values: s.values.map(([t, v]) => [t + queryOffsetMs / 1000, v] as const),
            })),
      );
    }
    for (const lane of lanes) {
      const answer = answers.get(lane.split ? lane.split.query : lane.rule.expr) ?? [];
      const series = lane.split ? applyThreshold(answer, lane.split, sampleValue) : answer;
      lane.engine.feed({ startMs: from, endMs: to, series });
    }
    input.onProgress?.({ done: (to - firstMs) / intervalMs + 1, total, queries: queryCount });
    from = to + intervalMs;
    // Keep each answer to about maxSamples samples, whatever the number of series.
    points = Math.max(10, Math.min(MAX_POINTS_PER_QUERY, Math.floor(maxSamples / Math.max(1, querySeries))));
  }

  const byRule = new Map(lanes.map((lane) => [lane.rule, lane.engine.result()]));
  const chartSeries = await chartAnswer;
  if (input.chart !== false) queryCount++;
  return {
    startMs: countFromMs,
    endMs: lastMs,
    intervalMs,
    evaluationOffsetMs,
    warmupMs,
    saved: saved ? byRule.get(saved) : undefined,
    draft: draft ? byRule.get(draft) : undefined,
    chart: {
      query: chartQuery,
      series: chartSeries.slice(0, maxChartSeries).map((line) => thin(line, maxChartPoints)),
      omittedSeries: Math.max(0, chartSeries.length - maxChartSeries),
      threshold:
        chartSplit && (!savedSplit || !draftSplit || savedSplit.query === draftSplit.query)
          ? {
              operator: chartSplit.operator,
              saved: savedSplit?.threshold,
              draft: draftSplit?.threshold,
            }
          : undefined,
    },
    querySeries,
    queries: queryCount,
  };
}
