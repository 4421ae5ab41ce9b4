import type { AlertsData } from "@/lib/prometheus/schemas";

/** The alert list panel's filters, applied to Prometheus's /api/v1/alerts answer. */

export type PreviewAlert = AlertsData["alerts"][number];

export interface LabelMatcher {
  name: string;
  op: "=" | "!=" | "=~" | "!~";
  value: string;
}

/** `severity="critical", team=~"db.*"` (braces optional) as matchers; unreadable parts are skipped. */
export function parseLabelFilter(text: string): LabelMatcher[] {
  const body = text.trim().replace(/^\{/, "").replace(/\}$/, "");
  const matchers: LabelMatcher[] = [];
  for (const match of body.matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*"((?:[^"\\]|\\.)*)"/g)) {
    const [, name = "", op = "=", value = ""] = match;
    matchers.push({ name, op: op as LabelMatcher["op"], value: value.replace(/\\(.)/g, "$1") });
  }
  return matchers;
}

function matches(labels: Record<string, string>, matcher: LabelMatcher): boolean {
  const actual = labels[matcher.name] ?? "";
  switch (matcher.op) {
    case "=":
      return actual === matcher.value;
    case "!=":
      return actual !== matcher.value;
    case "=~":
    case "!~": {
      let hit: boolean;
      try {
        hit = new RegExp(`^(?:${matcher.value})$`).test(actual);
      } catch {
        hit = false;
      }
      return matcher.op === "=~" ? hit : !hit;
    }
    default: {
      const never: never = matcher.op;
      throw new Error(`unknown operator ${String(never)}`);
    }
  }
}

const STATE_ORDER: Record<PreviewAlert["state"], number> = { firing: 0, pending: 1, inactive: 2 };

/** Alerts in the chosen states whose labels match, firing first, at most `maxItems`. */
export function filterAlerts(
  alerts: readonly PreviewAlert[],
  options: { stateFilter: readonly string[]; labelFilter: string; maxItems: number },
): PreviewAlert[] {
  const matchers = parseLabelFilter(options.labelFilter);
  return alerts
    .filter((alert) => options.stateFilter.length === 0 || options.stateFilter.includes(alert.state))
    .filter((alert) => matchers.every((matcher) => matches(alert.labels, matcher)))
    .sort(
      (a, b) =>
        STATE_ORDER[a.state] - STATE_ORDER[b.state] ||
        (a.labels.alertname ?? "").localeCompare(b.labels.alertname ?? ""),
    )
    .slice(0, options.maxItems);
}
