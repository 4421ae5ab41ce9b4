import { expandAlertTemplate } from "../templates/render";
import { summarize } from "./summary";
import type {
  AlertTimeline,
  BacktestGroup,
  BacktestResult,
  BacktestRule,
  EvaluationError,
  ResultChunk,
  ResultSeries,
  StateSegment,
} from "./types";

/**
 * Prometheus's alerting-rule state machine (rules/alerting.go, AlertingRule.Eval), replayed over the
 * expression's values at each evaluation time. What it reproduces, line for line:
 * - an alert's identity is the result's labels without `__name__`, with the rule's labels set over
 *   them and `alertname`; two results with one identity fail the whole evaluation (state unchanged);
 * - a new identity is pending with ActiveAt = that evaluation; it fires at the first evaluation
 *   where `ts - ActiveAt >= for` (at once without `for`);
 * - a pending alert whose series is absent is deleted at once;
 * - a firing alert whose series is absent keeps firing while `ts - KeepFiringSince < keep_firing_for`,
 *   KeepFiringSince being the first evaluation without it; the series coming back resets that clock;
 * - a resolved alert is kept 15 min by Prometheus (for resend), but a new result for it starts a
 *   new pending alert, so only the state matters here and it is dropped at once;
 * - more pending/firing alerts than the group's `limit` clear every alert and fail the evaluation.
 * The expression's values come from range queries whose steps are the evaluation times, which
 * gives exactly the instant queries the rule would run (same lookback delta, same staleness).
 */

interface ActiveAlert {
  key: string;
  labels: Record<string, string>;
  state: "pending" | "firing";
  activeAt: number;
  keepFiringSince: number | undefined;
  /** Evaluation at which the current state began. */
  since: number;
  value: number;
}

interface AlertRecord {
  labels: Record<string, string>;
  segments: StateSegment[];
  pendingWithoutFiring: number;
  lastValue: number;
}

export interface BacktestEngineOptions {
  /**
   * Evaluations before this time only build up state (a warm-up: an alert may already be pending
   * or firing when the window starts); segments and counts start here. Default: the first evaluation.
   */
  countFromMs?: number;
  /** At most this many timelines in the result (the rest are counted). Default 200. */
  maxTimelines?: number;
  /** At most this many errors listed (all are counted). Default 20. */
  maxErrors?: number;
}

const SEPARATOR = "\xff";

/** A sample value as Prometheus's JSON writes it (`"NaN"`, `"+Inf"`, `"-Inf"`, decimal). */
export function sampleValue(text: string): number {
  if (text === "+Inf" || text === "Inf") return Number.POSITIVE_INFINITY;
  if (text === "-Inf") return Number.NEGATIVE_INFINITY;
  return Number(text);
}

function labelKey(labels: Record<string, string>): string {
  return Object.keys(labels)
    .sort()
    .map((name) => `${name}${SEPARATOR}${labels[name]}`)
    .join(SEPARATOR);
}

function sortedLabels(labels: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of Object.keys(labels).sort()) out[name] = labels[name] as string;
  return out;
}

/** Prometheus expands rule labels as templates over the result's labels and value. */
function expandLabel(template: string, labels: Record<string, string>, value: number, alert: string): string {
  if (!template.includes("{{")) return template;
  return expandAlertTemplate(template, { labels, value }, { alertName: alert }).text;
}

export class BacktestEngine {
  private readonly active = new Map<string, ActiveAlert>();
  private readonly records = new Map<string, AlertRecord>();
  private readonly errors: EvaluationError[] = [];
  private errorCount = 0;
  private evaluations = 0;
  private firstMs: number | undefined;
  private lastMs: number | undefined;
  private readonly templated: boolean;

  constructor(
    private readonly rule: BacktestRule,
    private readonly group: BacktestGroup,
    private readonly options: BacktestEngineOptions = {},
  ) {
    if (!(group.intervalMs > 0)) throw new Error("the group's interval must be positive");
    this.templated = Object.values(rule.labels).some((value) => value.includes("{{"));
  }

  /** The last evaluation fed so far. */
  get lastEvaluationMs(): number | undefined {
    return this.lastMs;
  }

  /** Feeds one range query's answer; chunks must follow each other, one interval apart. */
  feed(chunk: ResultChunk): void {
    const { intervalMs } = this.group;
    if ((chunk.endMs - chunk.startMs) % intervalMs !== 0 || chunk.endMs < chunk.startMs) {
      throw new Error(`a chunk must span whole intervals of ${intervalMs} ms`);
    }
    const count = (chunk.endMs - chunk.startMs) / intervalMs + 1;
    const times = Array.from({ length: count }, (_, i) => chunk.startMs + i * intervalMs);
    this.feedAt(times, chunk.series);
  }

  /**
   * Feeds the expression's values at the given evaluation times, ascending (for a live comparison,
   * the times a real Prometheus did evaluate at, skipped iterations and all).
   */
  feedAt(times: readonly number[], series: readonly ResultSeries[]): void {
    if (times.length === 0) return;
    const first = times[0] as number;
    if (this.lastMs !== undefined && first <= this.lastMs) {
      throw new Error(`evaluation ${first} is not after the last one fed (${this.lastMs})`);
    }
    const index = new Map<number, number>();
    times.forEach((t, i) => {
      index.set(t, i);
    });
    // Per series, the value at each evaluation (undefined: absent then).
    const columns = series.map((s) => {
      const values: (number | undefined)[] = new Array(times.length);
      for (const [seconds, text] of s.values) {
        const i = index.get(Math.round(seconds * 1000));
        if (i !== undefined) values[i] = sampleValue(text);
      }
      const base: Record<string, string> = { ...s.metric };
      delete base.__name__;
      return { metric: s.metric, base, values, key: this.templated ? undefined : this.identity(base, 0) };
    });
    for (let i = 0; i < times.length; i++) {
      const ts = times[i] as number;
      const results = new Map<string, { labels: Record<string, string>; value: number }>();
      let duplicate = false;
      for (const column of columns) {
        const value = column.values[i];
        if (value === undefined) continue;
        const identity = column.key ?? this.identity(column.base, value, column.metric);
        if (results.has(identity.key)) {
          duplicate = true;
          break;
        }
        results.set(identity.key, { labels: identity.labels, value });
      }
      this.evaluations++;
      this.firstMs ??= ts;
      this.lastMs = ts;
      if (duplicate) {
        this.fail(ts, "vector contains metrics with the same labelset after applying alert labels");
        continue;
      }
      this.evaluate(ts, results);
    }
  }

  private identity(
    base: Record<string, string>,
    value: number,
    metric?: Readonly<Record<string, string>>,
  ): { key: string; labels: Record<string, string> } {
    const labels: Record<string, string> = { ...base };
    for (const [name, template] of Object.entries(this.rule.labels)) {
      labels[name] = this.templated
        ? expandLabel(template, { ...(metric ?? base) }, value, this.rule.alert)
        : template;
    }
    labels.alertname = this.rule.alert;
    const sorted = sortedLabels(labels);
    return { key: labelKey(sorted), labels: sorted };
  }

  private fail(ts: number, message: string): void {
    this.errorCount++;
    if (this.errors.length < (this.options.maxErrors ?? 20)) this.errors.push({ atMs: ts, message });
  }

  /** One evaluation, as AlertingRule.Eval after its query. */
  private evaluate(
    ts: number,
    results: Map<string, { labels: Record<string, string>; value: number }>,
  ): void {
    const { forMs, keepFiringForMs } = this.rule;
    for (const [key, result] of results) {
      const alert = this.active.get(key);
      if (alert) {
        alert.value = result.value;
        continue;
      }
      this.active.set(key, {
        key,
        labels: result.labels,
        state: "pending",
        activeAt: ts,
        keepFiringSince: undefined,
        since: ts,
        value: result.value,
      });
    }
    for (const alert of this.active.values()) {
      if (!results.has(alert.key)) {
        let keepFiring = false;
        if (alert.state === "firing" && keepFiringForMs > 0) {
          alert.keepFiringSince ??= ts;
          keepFiring = ts - alert.keepFiringSince < keepFiringForMs;
        }
        if (!keepFiring) {
          this.close(alert, ts, alert.state === "pending" ? "dropped" : "resolved");
          this.active.delete(alert.key);
          continue;
        }
      } else {
        alert.keepFiringSince = undefined;
      }
      if (alert.state === "pending" && ts - alert.activeAt >= forMs) {
        this.close(alert, ts, "fired");
        alert.state = "firing";
        alert.since = ts;
      }
    }
    const limit = this.group.limit ?? 0;
    const count = this.active.size;
    if (limit > 0 && count > limit) {
      for (const alert of this.active.values()) this.close(alert, ts, "cleared");
      this.active.clear();
      this.fail(ts, `exceeded limit of ${limit} with ${count} alerts`);
    }
  }

  private record(alert: ActiveAlert): AlertRecord {
    let record = this.records.get(alert.key);
    if (!record) {
      record = { labels: alert.labels, segments: [], pendingWithoutFiring: 0, lastValue: alert.value };
      this.records.set(alert.key, record);
    }
    record.lastValue = alert.value;
    return record;
  }

  /** The alert's current state as a segment ending at `ts`, clipped to the counted window. */
  private segment(alert: ActiveAlert, ts: number, open: boolean): StateSegment | undefined {
    const countFrom = this.options.countFromMs ?? Number.NEGATIVE_INFINITY;
    if (open ? ts < countFrom : ts <= countFrom) return undefined;
    const fromMs = Math.max(alert.since, countFrom);
    return ts > fromMs || open ? { state: alert.state, fromMs, toMs: ts, open } : undefined;
  }

  /** Ends the alert's current state at the evaluation `ts`. */
  private close(alert: ActiveAlert, ts: number, how: "fired" | "dropped" | "resolved" | "cleared"): void {
    const record = this.record(alert);
    const segment = this.segment(alert, ts, false);
    if (segment) record.segments.push(segment);
    if (how === "dropped" && ts > (this.options.countFromMs ?? Number.NEGATIVE_INFINITY)) {
      record.pendingWithoutFiring++;
    }
  }

  /** The result so far: alerts still pending or firing end in an `open` segment at the last evaluation. */
  result(): BacktestResult {
    const lastMs = this.lastMs ?? 0;
    const finished = new Map<string, AlertRecord>();
    for (const [key, record] of this.records)
      finished.set(key, { ...record, segments: [...record.segments] });
    for (const alert of this.active.values()) {
      const record = finished.get(alert.key) ?? {
        labels: alert.labels,
        segments: [],
        pendingWithoutFiring: 0,
        lastValue: alert.value,
      };
      record.lastValue = alert.value;
      const segment = this.segment(alert, lastMs, true);
      if (segment) record.segments.push(segment);
      finished.set(alert.key, record);
    }
    const timelines = [...finished.values()].filter((record) => record.segments.length > 0).map(toTimeline);
    timelines.sort(
      (a, b) =>
        b.firingMs - a.firingMs ||
        b.firedCount - a.firedCount ||
        pendingMs(b) - pendingMs(a) ||
        labelKey(a.labels).localeCompare(labelKey(b.labels)),
    );
    const max = this.options.maxTimelines ?? 200;
    const startMs = Math.max(this.firstMs ?? 0, this.options.countFromMs ?? Number.NEGATIVE_INFINITY);
    return {
      startMs,
      endMs: lastMs,
      intervalMs: this.group.intervalMs,
      summary: summarize(timelines, {
        evaluations: this.evaluations,
        alerts: timelines.length,
        errors: this.errorCount,
      }),
      timelines: timelines.slice(0, max),
      omittedTimelines: Math.max(0, timelines.length - max),
      errors: [...this.errors],
    };
  }
}

function pendingMs(timeline: AlertTimeline): number {
  return timeline.segments.reduce((sum, s) => sum + (s.state === "pending" ? s.toMs - s.fromMs : 0), 0);
}

function toTimeline(record: AlertRecord): AlertTimeline {
  const firing = record.segments.filter((segment) => segment.state === "firing");
  const lengths = firing.map((segment) => segment.toMs - segment.fromMs);
  return {
    labels: record.labels,
    segments: record.segments,
    firedCount: firing.length,
    firingMs: lengths.reduce((sum, ms) => sum + ms, 0),
    longestFiringMs: lengths.reduce((max, ms) => Math.max(max, ms), 0),
    pendingWithoutFiring: record.pendingWithoutFiring,
    lastValue: record.lastValue,
  };
}

/** One backtest over chunks already fetched (tests, the CLI). */
export function backtest(
  rule: BacktestRule,
  group: BacktestGroup,
  chunks: readonly ResultChunk[],
  options: BacktestEngineOptions = {},
): BacktestResult {
  const engine = new BacktestEngine(rule, group, options);
  for (const chunk of chunks) engine.feed(chunk);
  return engine.result();
}

/** The alerts firing right after the evaluation at `atMs`, from a result's timelines. */
export function firingAt(result: Pick<BacktestResult, "timelines">, atMs: number): AlertTimeline[] {
  return result.timelines.filter((timeline) =>
    timeline.segments.some(
      (segment) =>
        segment.state === "firing" &&
        segment.fromMs <= atMs &&
        (atMs < segment.toMs || (segment.open && atMs === segment.toMs)),
    ),
  );
}

/** Every alert pending or firing right after the evaluation at `atMs`, by its labels. */
export function statesAt(
  result: Pick<BacktestResult, "timelines">,
  atMs: number,
): { labels: Record<string, string>; state: "pending" | "firing" }[] {
  const out: { labels: Record<string, string>; state: "pending" | "firing" }[] = [];
  for (const timeline of result.timelines) {
    const segment = timeline.segments.find(
      (s) => s.fromMs <= atMs && (atMs < s.toMs || (s.open && atMs === s.toMs)),
    );
    if (segment) out.push({ labels: timeline.labels, state: segment.state });
  }
  return out;
}
