import { z } from "zod";
import { LabelNameSchema, LabelsSchema, MetricNameSchema, unknownTag } from "./common";

/**
 * How an SLO becomes alerts:
 * - `sre-workbook`: the Google SRE workbook's table ("Alerting on SLOs", multiwindow, multi-burn-rate):
 *   page on 1h/5m at 14.4 or 6h/30m at 6, ticket on 3d/6h at 1.
 * - `sloth`: Sloth's default "google" alert windows (2 % of the budget in 1h/5m, 5 % in 6h/30m page;
 *   10 % in 1d/2h, 10 % in 3d/6h ticket), its rule names and `sloth_*` labels.
 * - `pyrra`: Pyrra's four windows scaled to the SLO window (14, 7 critical; 2, 1 warning, each with
 *   a `for`), its `<metric>:burnrate<window>` names and its `ErrorBudgetBurn` alert.
 */
export const SloPolicySchema = z.enum(["sre-workbook", "sloth", "pyrra"]);
export type SloPolicy = z.infer<typeof SloPolicySchema>;

/** The SLO window: what the error budget is counted over. */
export const SloWindowSchema = z.enum(["28d", "30d"]);
export type SloWindow = z.infer<typeof SloWindowSchema>;

/**
 * A counter query. A plain series selector (`http_requests_total{code=~"5.."}`) is summed as
 * `sum(rate(<selector>[<window>]))`; a query that writes `$window` itself (`sum(rate(x[$window]))`)
 * is used as written with each window put in its place, as Sloth's `{{.window}}` is.
 */
const CounterQuerySchema = z.string().trim().min(1, "a counter query is required");

const AvailabilityObject = z.object({
  kind: z.literal("availability"),
  /** Failed events; give this or `good`. */
  errors: CounterQuerySchema.optional(),
  /** Successful events; give this or `errors`. */
  good: CounterQuerySchema.optional(),
  total: CounterQuerySchema,
});

const LatencyObject = z.object({
  kind: z.literal("latency"),
  /** The histogram's base name: `<name>_bucket` and `<name>_count` are read. */
  histogram: MetricNameSchema,
  /** The bucket bound a fast request falls under, exactly as its `le` label writes it (`0.3`). */
  threshold: z
    .string()
    .trim()
    .regex(/^(?:\d+(?:\.\d+)?(?:e[+-]?\d+)?|\+Inf)$/, "must be a bucket bound such as 0.3 or 1"),
  /** Label matchers that select the service's series, without braces: `job="api",handler!="/health"`. */
  matchers: z.string().trim().default(""),
});

export const SloIndicatorSchema = z
  .discriminatedUnion("kind", [AvailabilityObject, LatencyObject], {
    error: unknownTag("SLO indicator", "kind", ["availability", "latency"]),
  })
  .superRefine((indicator, ctx) => {
    if (indicator.kind !== "availability") return;
    const given = [indicator.errors, indicator.good].filter((q) => q !== undefined).length;
    if (given !== 1) {
      ctx.addIssue({
        code: "custom",
        path: [indicator.errors === undefined ? "errors" : "good"],
        message:
          "an availability SLO needs either an errors query or a good query (exactly one) besides total",
      });
    }
  });
export type SloIndicator = z.infer<typeof SloIndicatorSchema>;

export const SloSpecSchema = z.object({
  /** Names the SLO in rule labels (`slo`, `sloth_slo`), so it must be a label value people can read. */
  name: z
    .string()
    .regex(
      /^[A-Za-z0-9][-A-Za-z0-9_.]*$/,
      "must start with a letter or digit and hold only letters, digits, '.', '_' and '-'",
    ),
  description: z.string().optional(),
  indicator: SloIndicatorSchema,
  /** Percent of good events over the window, e.g. 99.9. */
  objective: z
    .number()
    .gt(0, "the objective is a percentage above 0")
    .lt(100, "an objective of 100 % leaves no error budget to alert on"),
  window: SloWindowSchema.default("30d"),
  policy: SloPolicySchema.default("sre-workbook"),
  /** `sum by (…)`: one SLO per value of these labels (per route, per tenant). */
  groupBy: z.array(LabelNameSchema).default([]),
  /** Alert name; each policy has its own default. */
  alertName: z.string().min(1).optional(),
  /** Labels on the alerts that page, and on the ones that open a ticket. */
  pageLabels: LabelsSchema.default({ severity: "critical" }),
  ticketLabels: LabelsSchema.default({ severity: "warning" }),
});
export type SloSpec = z.infer<typeof SloSpecSchema>;
export type SloSpecInput = z.input<typeof SloSpecSchema>;

/** A fresh availability SLO for the form. */
export function defaultSloSpec(): SloSpec {
  return {
    name: "api-availability",
    indicator: {
      kind: "availability",
      errors: 'http_requests_total{code=~"5.."}',
      total: "http_requests_total",
    },
    objective: 99.9,
    window: "30d",
    policy: "sre-workbook",
    groupBy: [],
    pageLabels: { severity: "critical" },
    ticketLabels: { severity: "warning" },
  };
}
