import type { ModelIssue } from "@/lib/model/issues";
import type { AlertingRule, RecordingRule, Rule } from "@/lib/model/rule";
import type { SloSpec } from "@/lib/model/slo";
import { burnMaths } from "./budget";
import { prometheusDuration } from "./durations";
import { type ExplainedWindow, explainWindow } from "./explain";
import { alertName, recordLabels, recordName, severityLabel, sloSeriesLabels } from "./naming";
import { tidyNumber } from "./numbers";
import { type BurnWindow, policyAlerts, policyWindows, type SloAlertSeverity, sloWindowMs } from "./policies";
import { budgetRemainingQuery, errorBudget, errorRatioQuery, windowErrorRatioQuery } from "./queries";
import { sloWarnings } from "./warnings";

/** One generated alerting rule with what it means. */
export interface SloAlertExplanation {
  alert: string;
  severity: SloAlertSeverity;
  labels: Record<string, string>;
  windows: ExplainedWindow[];
  /**
   * The alert's expression over the raw counters instead of the recorded ratios: the same alerts
   * (its rule labels carry the SLO's labels), for a backtest on a Prometheus that does not run the
   * recording rules yet.
   */
  rawExpr: string;
}

export interface SloGeneration {
  /** Recording rules (one per window), then alerting rules, in the order they go into the group. */
  rules: Rule[];
  alerts: SloAlertExplanation[];
  /** Problems and caveats, paths relative to the group (`slo.objective`). */
  warnings: ModelIssue[];
  /** Budget left over the SLO window (1 = untouched), for the live figure. */
  budgetRemainingQuery: string;
  /** The error ratio over the whole SLO window. */
  windowErrorRatioQuery: string;
}

function selector(labels: Record<string, string>): string {
  return `{${Object.entries(labels)
    .map(([name, value]) => `${name}="${value}"`)
    .join(", ")}}`;
}

/** One condition: both windows above the threshold, in the policy's own spelling. */
/** How an alert reads a window's error ratio: the recorded series, or the ratio's own query. */
type RatioRef = (spec: SloSpec, windowMs: number) => string;

const recorded: RatioRef = (spec, windowMs) =>
  `${recordName(spec, windowMs)}${selector(sloSeriesLabels(spec))}`;
const raw: RatioRef = (spec, windowMs) => `(${errorRatioQuery(spec, windowMs)})`;

function condition(spec: SloSpec, window: BurnWindow, ref: RatioRef): string {
  const longName = ref(spec, window.longMs);
  const shortName = ref(spec, window.shortMs);
  const budget = tidyNumber(errorBudget(spec.objective));
  switch (spec.policy) {
    case "sre-workbook": {
      const threshold = `(${tidyNumber(window.factor)} * ${budget})`;
      return `${longName} > ${threshold}\nand\n${shortName} > ${threshold}`;
    }
    case "sloth": {
      const threshold = `(${tidyNumber(window.factor)} * ${budget})`;
      return (
        `max(${shortName} > ${threshold}) without (sloth_window)\nand\n` +
        `max(${longName} > ${threshold}) without (sloth_window)`
      );
    }
    case "pyrra": {
      const threshold = `(${Math.round(window.factor)} * (1-${tidyNumber(spec.objective / 100)}))`;
      return `${shortName} > ${threshold} and ${longName} > ${threshold}`;
    }
  }
}

function alertExpr(spec: SloSpec, windows: readonly BurnWindow[], ref: RatioRef): string {
  if (windows.length === 1 && windows[0]) return condition(spec, windows[0], ref);
  return windows.map((w) => `(\n${condition(spec, w, ref)}\n)`).join("\nor\n");
}

function alertLabels(spec: SloSpec, severity: SloAlertSeverity, window: BurnWindow): Record<string, string> {
  const own = severity === "page" ? spec.pageLabels : spec.ticketLabels;
  if (spec.policy === "pyrra") {
    return {
      ...sloSeriesLabels(spec),
      long: prometheusDuration(window.longMs),
      short: prometheusDuration(window.shortMs),
      exhaustion: prometheusDuration(Math.trunc(sloWindowMs(spec.window) / window.factor / 1000) * 1000),
      ...own,
    };
  }
  return { ...sloSeriesLabels(spec), ...severityLabel(spec, severity), ...own };
}

function annotations(
  spec: SloSpec,
  severity: SloAlertSeverity,
  windows: readonly ExplainedWindow[],
): Record<string, string> {
  const pace = severity === "page" ? "fast" : "steadily";
  return {
    summary: `SLO ${spec.name} (${tidyNumber(spec.objective)} % over ${spec.window}) is burning its error budget ${pace}`,
    description: windows.map((w) => w.text).join(" Or: "),
  };
}

/**
 * SloSpec → rules of the model: one recording rule per window the policy reads (the error ratio over
 * it) and its multiwindow, multi-burn-rate alerts, each explained in plain words. Pure: the same
 * spec gives the same rules in the same order.
 */
export function generateSloRules(spec: SloSpec): SloGeneration {
  const windowMs = sloWindowMs(spec.window);
  const budget = errorBudget(spec.objective);
  const plan = policyAlerts(spec.policy, spec.window);

  const recordings: RecordingRule[] = policyWindows(plan).map((w) => ({
    kind: "record",
    record: recordName(spec, w),
    expr: errorRatioQuery(spec, w),
    labels: recordLabels(spec, w),
    enabled: true,
  }));

  const alerts: SloAlertExplanation[] = [];
  const alerting: AlertingRule[] = [];
  for (const item of plan) {
    const windows = item.windows.map((w): ExplainedWindow => {
      const maths = burnMaths(w, budget, windowMs);
      return { ...w, ...maths, text: explainWindow(spec, item.severity, w, maths, windowMs) };
    });
    const first = item.windows[0];
    if (!first) continue;
    const labels = alertLabels(spec, item.severity, first);
    const rule: AlertingRule = {
      kind: "alert",
      alert: alertName(spec),
      expr: alertExpr(spec, item.windows, recorded),
      labels,
      annotations: annotations(spec, item.severity, windows),
      enabled: true,
      tests: [],
    };
    if (first.forMs) rule.for = prometheusDuration(first.forMs);
    alerting.push(rule);
    alerts.push({
      alert: rule.alert,
      severity: item.severity,
      labels,
      windows,
      rawExpr: alertExpr(spec, item.windows, raw),
    });
  }

  return {
    rules: [...recordings, ...alerting],
    alerts,
    warnings: sloWarnings(spec, alerts),
    budgetRemainingQuery: budgetRemainingQuery(spec),
    windowErrorRatioQuery: windowErrorRatioQuery(spec),
  };
}
