/**
 * What a backtest reads and writes. Plain parameters (not the project model's rule type) so the
 * engine stays a pure function of numbers and label sets, testable against promtool on its own.
 */

/** The parts of an alerting rule that decide its states: Prometheus's `rules.AlertingRule`. */
export interface BacktestRule {
  /** The alert name: Prometheus sets it as the `alertname` label. */
  alert: string;
  /** `for`, in ms (0: an alert fires at its first active evaluation). */
  forMs: number;
  /** `keep_firing_for`, in ms (0: none). */
  keepFiringForMs: number;
  /** The rule's labels, set over the result's labels (they decide the alert's identity). */
  labels: Readonly<Record<string, string>>;
}

/** The parts of a rule group that decide when its rules are evaluated. */
export interface BacktestGroup {
  intervalMs: number;
  /** `limit`: more pending/firing alerts than this at one evaluation clears them all (an error). */
  limit?: number;
}

/** One series of the expression's range query: Prometheus's JSON `[unix seconds, "value"]` pairs. */
export interface ResultSeries {
  metric: Readonly<Record<string, string>>;
  values: ReadonlyArray<readonly [number, string]>;
}

/** One range query's answer: the expression evaluated at `startMs`, `startMs + interval`, … `endMs`. */
export interface ResultChunk {
  startMs: number;
  endMs: number;
  series: readonly ResultSeries[];
}

export type AlertState = "inactive" | "pending" | "firing";

/**
 * One stretch of an alert in a state, `[fromMs, toMs)` in evaluation times: it entered the state at
 * the evaluation `fromMs` and left it at the evaluation `toMs` (or was still in it when the window
 * ended: `open`).
 */
export interface StateSegment {
  state: "pending" | "firing";
  fromMs: number;
  toMs: number;
  /** Still in this state at the window's last evaluation. */
  open: boolean;
}

/** How one pending episode ended. */
export type PendingOutcome = "fired" | "dropped" | "open" | "cleared";

export interface AlertTimeline {
  /** The alert's labels as Prometheus has them: the result's labels without `__name__`, the rule's labels, `alertname`. */
  labels: Record<string, string>;
  segments: StateSegment[];
  /** Times it started firing in the window (an alert already firing at the window's start counts once). */
  firedCount: number;
  firingMs: number;
  longestFiringMs: number;
  /** Pending episodes that ended without firing (dropped at the first evaluation without the series). */
  pendingWithoutFiring: number;
  /** The expression's last value for this alert. */
  lastValue: number;
}

/** An evaluation Prometheus would have failed (its state unchanged, or cleared by the limit). */
export interface EvaluationError {
  atMs: number;
  message: string;
}

export interface BacktestSummary {
  evaluations: number;
  /** Distinct alerts (label sets) the expression produced at least once. */
  alerts: number;
  firedCount: number;
  /** Alerts that fired at least once. */
  firingAlerts: number;
  firingMs: number;
  longestFiringMs: number;
  pendingWithoutFiring: number;
  errors: number;
  /** "would have fired 3 times on 2 series, 41 min in all; longest 22 min; pending 5 times without firing" */
  text: string;
}

export interface BacktestResult {
  startMs: number;
  endMs: number;
  intervalMs: number;
  summary: BacktestSummary;
  /** The alerts with most firing time first, then most pending; at most `maxTimelines` of them. */
  timelines: AlertTimeline[];
  /** Alerts left out of `timelines` by the cap (still counted in the summary). */
  omittedTimelines: number;
  /** The first few failed evaluations, and how many there were in all (summary.errors). */
  errors: EvaluationError[];
}
