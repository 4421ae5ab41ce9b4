import { z } from "zod";
import { DurationSchema, parseDuration } from "../../model/common";

/**
 * The backtest API's contract (POST /api/projects/{id}/rule-groups/{name}/backtest), shared by the
 * route and the browser. The answer is NDJSON: progress lines, then one result or error line.
 */

export const BACKTEST_WINDOWS = ["1h", "6h", "24h", "7d"] as const;
export const MIN_WINDOW_MS = 3_600_000;
export const MAX_WINDOW_MS = 7 * 86_400_000;

/** An alerting rule being edited, not yet saved: what a backtest needs of it. */
export const DraftRuleSchema = z.object({
  alert: z.string().min(1).optional(),
  expr: z.string().min(1, "a PromQL expression is required"),
  for: DurationSchema.optional(),
  keepFiringFor: DurationSchema.optional(),
  labels: z.record(z.string(), z.string()).default({}),
  annotations: z.record(z.string(), z.string()).default({}),
});
export type DraftRule = z.infer<typeof DraftRuleSchema>;

export const BacktestBodySchema = z
  .object({
    /** The saved rule: its index in the group, or its alert name. */
    rule: z.union([z.int().min(0), z.string().min(1)]).optional(),
    /** The edited rule, backtested beside the saved one (or alone for a new rule). */
    draft: DraftRuleSchema.optional(),
    /** The window, ending at `end`. */
    window: z.enum(BACKTEST_WINDOWS).optional(),
    /** Or explicit bounds, unix seconds, 1 h to 7 d apart. */
    start: z.number().optional(),
    /** Unix seconds; default now. */
    end: z.number().optional(),
    /** The project's Prometheus datasource (default: its default one). */
    datasource: z.string().optional(),
    /**
     * `interval` (default): evaluations at multiples of the interval, as promtool; `bundle`: at the
     * phase the bundle's Prometheus gives the group (its name and file /etc/prometheus/rules/…).
     */
    alignment: z.enum(["interval", "bundle"]).default("interval"),
  })
  .superRefine((body, context) => {
    if (body.rule === undefined && body.draft === undefined) {
      context.addIssue({
        code: "custom",
        path: ["rule"],
        message: "give the saved rule (index or name), a draft, or both",
      });
    }
    if (body.start !== undefined && body.window !== undefined) {
      context.addIssue({ code: "custom", path: ["start"], message: "give either window or start, not both" });
    }
  });
export type BacktestBody = z.infer<typeof BacktestBodySchema>;

/** The window's bounds in ms, or why they are refused. */
export function windowBounds(
  body: Pick<BacktestBody, "window" | "start" | "end">,
  nowMs: number,
): { startMs: number; endMs: number } | { error: string; path: string } {
  const endMs = body.end === undefined ? nowMs : Math.round(body.end * 1000);
  const startMs =
    body.start !== undefined
      ? Math.round(body.start * 1000)
      : endMs - (parseDuration(body.window ?? "24h") as number);
  const span = endMs - startMs;
  if (!(span >= MIN_WINDOW_MS && span <= MAX_WINDOW_MS)) {
    return { path: body.start !== undefined ? "start" : "window", error: "a backtest covers 1h to 7d" };
  }
  return { startMs, endMs };
}

const SeriesSchema = z.object({
  metric: z.record(z.string(), z.string()),
  values: z.array(z.tuple([z.number(), z.string()]).readonly()).readonly(),
});

const SegmentSchema = z.object({
  state: z.enum(["pending", "firing"]),
  fromMs: z.number(),
  toMs: z.number(),
  open: z.boolean(),
});

export const BacktestResultSchema = z.object({
  startMs: z.number(),
  endMs: z.number(),
  intervalMs: z.number(),
  summary: z.object({
    evaluations: z.number(),
    alerts: z.number(),
    firedCount: z.number(),
    firingAlerts: z.number(),
    firingMs: z.number(),
    longestFiringMs: z.number(),
    pendingWithoutFiring: z.number(),
    errors: z.number(),
    text: z.string(),
  }),
  timelines: z.array(
    z.object({
      labels: z.record(z.string(), z.string()),
      segments: z.array(SegmentSchema),
      firedCount: z.number(),
      firingMs: z.number(),
      longestFiringMs: z.number(),
      pendingWithoutFiring: z.number(),
      lastValue: z.number().nullable(),
    }),
  ),
  omittedTimelines: z.number(),
  errors: z.array(z.object({ atMs: z.number(), message: z.string() })),
});

export const BacktestRunSchema = z.object({
  startMs: z.number(),
  endMs: z.number(),
  intervalMs: z.number(),
  evaluationOffsetMs: z.number(),
  warmupMs: z.number(),
  saved: BacktestResultSchema.optional(),
  draft: BacktestResultSchema.optional(),
  chart: z.object({
    query: z.string(),
    series: z.array(SeriesSchema),
    omittedSeries: z.number(),
    threshold: z
      .object({ operator: z.string(), saved: z.number().optional(), draft: z.number().optional() })
      .optional(),
  }),
  querySeries: z.number(),
  queries: z.number(),
  /** What the backtest ran: the rules, the group's timing, the alignment. */
  rules: z.object({ saved: z.string().optional(), draft: z.string().optional() }),
  alignment: z.enum(["interval", "bundle"]),
});
export type BacktestRunResponse = z.infer<typeof BacktestRunSchema>;

/** One NDJSON line of the answer. */
export const BacktestEventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("progress"), done: z.number(), total: z.number(), queries: z.number() }),
  z.object({ type: z.literal("result"), result: BacktestRunSchema }),
  z.object({ type: z.literal("error"), error: z.string(), status: z.number() }),
]);
export type BacktestEvent = z.infer<typeof BacktestEventSchema>;
