import type { ModelIssue } from "@/lib/model/issues";
import type { SloSpec } from "@/lib/model/slo";
import { checkPromql } from "@/lib/promql/parse";
import { prometheusDuration, spokenDuration } from "./durations";
import type { SloAlertExplanation } from "./generate";
import { percent, tidyNumber } from "./numbers";
import { counterRate } from "./queries";

function warning(path: string, message: string): ModelIssue {
  return { path, message, severity: "warning" };
}

/** Each counter query must read as PromQL once a window is put in, else every rule fails. */
function queryProblems(spec: SloSpec): ModelIssue[] {
  const indicator = spec.indicator;
  if (indicator.kind !== "availability") return [];
  const queries: Array<[string, string | undefined]> = [
    ["errors", indicator.errors],
    ["good", indicator.good],
    ["total", indicator.total],
  ];
  const issues: ModelIssue[] = [];
  for (const [field, query] of queries) {
    if (query === undefined) continue;
    const problem = checkPromql(counterRate(query, "5m", spec.groupBy));
    if (problem) {
      issues.push({
        path: `slo.indicator.${field}`,
        message: `${problem.message} (a counter selector such as http_requests_total{code=~"5.."}, or a query with [$window])`,
        severity: "error",
      });
    } else if (query.includes("$window") && spec.groupBy.length > 0) {
      issues.push(
        warning(
          `slo.indicator.${field}`,
          "a query with $window is used as written: group by is not applied to it",
        ),
      );
    }
  }
  return issues;
}

/**
 * What the user should know before saving: conditions the objective makes unreachable, the
 * low-traffic caveat for the fastest page, and label formats that silently match nothing.
 */
export function sloWarnings(spec: SloSpec, alerts: readonly SloAlertExplanation[]): ModelIssue[] {
  const issues = queryProblems(spec);
  for (const alert of alerts) {
    for (const w of alert.windows) {
      if (w.reachable) continue;
      issues.push(
        warning(
          "slo.objective",
          `with an objective of ${tidyNumber(spec.objective)} % the ${tidyNumber(w.factor)}× burn rate (${alert.severity}, ` +
            `${prometheusDuration(w.longMs)}/${prometheusDuration(w.shortMs)}) is unreachable: it needs an error ratio above ` +
            `${percent(w.threshold)}, so that condition never fires`,
        ),
      );
    }
  }
  const fastest = alerts.find((a) => a.severity === "page")?.windows.find((w) => w.reachable);
  if (fastest) {
    const perSecond = fastest.lowTrafficEvents / (fastest.longMs / 1000);
    issues.push(
      warning(
        "slo.indicator",
        `low traffic: with fewer than ${fastest.lowTrafficEvents} requests in ${spokenDuration(fastest.longMs)} ` +
          `(about ${tidyNumber(Number(perSecond.toPrecision(2)))} per second), a single failed request is enough to page. ` +
          "For a service that quiet, use a longer window, synthetic traffic, or a minimum request count.",
      ),
    );
  }
  if (spec.indicator.kind === "latency" && /^\d+$/.test(spec.indicator.threshold)) {
    issues.push(
      warning(
        "slo.indicator.threshold",
        `le="${spec.indicator.threshold}" must be written exactly as the bucket's label: ` +
          `Prometheus 3 and some clients write it ${spec.indicator.threshold}.0`,
      ),
    );
  }
  return issues;
}
