import type { FieldIssue } from "@/components/form/field-issues";
import { type SloPolicy, type SloSpec, SloSpecSchema, type SloWindow } from "@/lib/model/slo";

/** The SLO form as typed: text fields stay text until the spec is parsed. */
export interface SloDraft {
  name: string;
  kind: "availability" | "latency";
  /** Which events the first query counts. */
  counts: "errors" | "good";
  eventsQuery: string;
  totalQuery: string;
  histogram: string;
  threshold: string;
  matchers: string;
  objective: string;
  window: SloWindow;
  policy: SloPolicy;
  groupBy: string;
  alertName: string;
  pageLabels: string;
  ticketLabels: string;
}

function labelsText(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([name, value]) => `${name}=${value}`)
    .join(", ");
}

export function specToDraft(spec: SloSpec): SloDraft {
  const indicator = spec.indicator;
  const availability = indicator.kind === "availability" ? indicator : undefined;
  const latency = indicator.kind === "latency" ? indicator : undefined;
  return {
    name: spec.name,
    kind: indicator.kind,
    counts: availability?.good !== undefined ? "good" : "errors",
    eventsQuery: availability?.errors ?? availability?.good ?? "",
    totalQuery: availability?.total ?? "",
    histogram: latency?.histogram ?? "",
    threshold: latency?.threshold ?? "",
    matchers: latency?.matchers ?? "",
    objective: String(spec.objective),
    window: spec.window,
    policy: spec.policy,
    groupBy: spec.groupBy.join(", "),
    alertName: spec.alertName ?? "",
    pageLabels: labelsText(spec.pageLabels),
    ticketLabels: labelsText(spec.ticketLabels),
  };
}

type LabelsParse = { labels: Record<string, string>; issues: FieldIssue[] };

/** `severity=critical, team=api` → labels; a pair without `=` is an issue on the field. */
function parseLabels(text: string, path: string): LabelsParse {
  const labels: Record<string, string> = {};
  const issues: FieldIssue[] = [];
  for (const pair of text.split(",")) {
    const item = pair.trim();
    if (item === "") continue;
    const at = item.indexOf("=");
    if (at <= 0) {
      issues.push({ path, message: `"${item}" is not name=value` });
      continue;
    }
    labels[item.slice(0, at).trim()] = item.slice(at + 1).trim();
  }
  return { labels, issues };
}

export type SloDraftParse = { ok: true; spec: SloSpec } | { ok: false; issues: FieldIssue[] };

/** The draft as a spec, or every problem with the path of its field (`objective`, `indicator.total` …). */
export function draftToSpec(draft: SloDraft): SloDraftParse {
  const page = parseLabels(draft.pageLabels, "pageLabels");
  const ticket = parseLabels(draft.ticketLabels, "ticketLabels");
  const objective = draft.objective.trim() === "" ? Number.NaN : Number(draft.objective);
  const indicator =
    draft.kind === "availability"
      ? {
          kind: "availability",
          [draft.counts]: draft.eventsQuery,
          total: draft.totalQuery,
        }
      : {
          kind: "latency",
          histogram: draft.histogram.trim(),
          threshold: draft.threshold,
          matchers: draft.matchers,
        };
  const parsed = SloSpecSchema.safeParse({
    name: draft.name.trim(),
    indicator,
    objective: Number.isNaN(objective) ? draft.objective : objective,
    window: draft.window,
    policy: draft.policy,
    groupBy: draft.groupBy
      .split(",")
      .map((label) => label.trim())
      .filter((label) => label !== ""),
    alertName: draft.alertName.trim() === "" ? undefined : draft.alertName.trim(),
    pageLabels: page.labels,
    ticketLabels: ticket.labels,
  });
  const issues: FieldIssue[] = [...page.issues, ...ticket.issues];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String);
      // The form has one field for "errors or good": its issues land there.
      if (path[0] === "indicator" && (path[1] === "errors" || path[1] === "good")) path[1] = "events";
      issues.push({ path: path.join("."), message: issue.message });
    }
  }
  if (issues.length > 0 || !parsed.success) return { ok: false, issues };
  return { ok: true, spec: parsed.data };
}

/** The rule group an SLO is saved as, unless it is already saved in one. */
export function defaultGroupName(spec: SloSpec): string {
  return `slo-${spec.name}`;
}
