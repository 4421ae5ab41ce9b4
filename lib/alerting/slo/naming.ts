import type { SloPolicy, SloSpec } from "@/lib/model/slo";
import { prometheusDuration } from "./durations";
import type { SloAlertSeverity } from "./policies";

/**
 * Labels that tell one generated rule from another of the same name; with the rule's kind and name
 * they identify the rules a generator owns in a group, so regenerating replaces exactly those.
 */
export const SLO_IDENTITY_LABELS = [
  "slo",
  "slo_severity",
  "sloth_id",
  "sloth_slo",
  "sloth_window",
  "sloth_severity",
  "long",
  "short",
] as const;

/** The metric Pyrra names its recordings after: the total counter, `_total`/`_count` trimmed. */
function pyrraMetric(spec: SloSpec): string {
  const indicator = spec.indicator;
  const source =
    indicator.kind === "latency"
      ? indicator.histogram
      : /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(indicator.total)?.[0];
  const metric = source?.replace(/_total$|_count$/, "");
  return metric === undefined || metric === "" || metric === "sum" ? "slo_requests" : metric;
}

/** The recording rule's name for one window, in the policy's own convention. */
export function recordName(spec: SloSpec, windowMs: number): string {
  const window = prometheusDuration(windowMs);
  const policy: SloPolicy = spec.policy;
  switch (policy) {
    case "sre-workbook":
      return `slo:errors_per_request:ratio_rate${window}`;
    case "sloth":
      return `slo:sli_error:ratio_rate${window}`;
    case "pyrra":
      return `${pyrraMetric(spec)}:burnrate${window}`;
  }
}

/** Labels of every recording and alert of the SLO: what `and` matches the windows on. */
export function sloSeriesLabels(spec: SloSpec): Record<string, string> {
  switch (spec.policy) {
    case "sre-workbook":
    case "pyrra":
      return { slo: spec.name };
    case "sloth":
      return { sloth_id: spec.name, sloth_slo: spec.name };
  }
}

/** Sloth also labels each recording with its window, which its alerts drop with `max … without`. */
export function recordLabels(spec: SloSpec, windowMs: number): Record<string, string> {
  const labels = sloSeriesLabels(spec);
  return spec.policy === "sloth" ? { ...labels, sloth_window: prometheusDuration(windowMs) } : labels;
}

function pascal(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part !== "")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");
}

/** Pyrra's default is `ErrorBudgetBurn` for every SLO; the others name the SLO. */
export function alertName(spec: SloSpec): string {
  if (spec.alertName !== undefined) return spec.alertName;
  return spec.policy === "pyrra" ? "ErrorBudgetBurn" : `${pascal(spec.name)}ErrorBudgetBurn`;
}

/** The label that tells the page alert from the ticket one, in the policy's words. */
export function severityLabel(spec: SloSpec, severity: SloAlertSeverity): Record<string, string> {
  switch (spec.policy) {
    case "sre-workbook":
      return { slo_severity: severity };
    case "sloth":
      return { sloth_severity: severity };
    case "pyrra":
      return {};
  }
}
