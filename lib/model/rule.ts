import { z } from "zod";
import {
  DurationSchema,
  LabelNameSchema,
  LabelsSchema,
  MetricNameSchema,
  SeveritySchema,
  unknownTag,
} from "./common";

export const RuleCategorySchema = z.enum([
  "performance",
  "availability",
  "security",
  "resources",
  "compliance",
  "custom",
]);
export type RuleCategory = z.infer<typeof RuleCategorySchema>;

/** One input series of a promtool unit test, in promtool's expanding notation (`0+10x30`). */
export const TestSeriesSchema = z.object({
  series: z.string().min(1),
  values: z.string().min(1),
});

/**
 * A promtool unit-test case for one alert rule: input series, when to evaluate, and whether the
 * alert must be firing then. `labels` are the labels the expression's result carries (the generator
 * adds the rule's own labels); `value` is the expression's value at `evalTime`, used to render
 * the expected annotations.
 */
export const AlertTestCaseSchema = z.object({
  description: z.string().optional(),
  interval: DurationSchema.default("1m"),
  inputSeries: z.array(TestSeriesSchema).min(1),
  evalTime: DurationSchema,
  fires: z.boolean(),
  labels: LabelsSchema.default({}),
  value: z.number().optional(),
});
export type AlertTestCase = z.infer<typeof AlertTestCaseSchema>;

export const AlertAnnotationsSchema = z.object({
  summary: z.string().min(1),
  description: z.string().min(1),
  /** Explicit runbook URL; when absent the generated runbook for this alert is linked. */
  runbookUrl: z.string().optional(),
  /** uid of a project dashboard to link from notifications. */
  dashboardUid: z.string().optional(),
});

export const AlertingRuleSchema = z.object({
  kind: z.literal("alert"),
  alert: LabelNameSchema,
  expr: z.string().min(1, "a PromQL expression is required"),
  for: DurationSchema.optional(),
  keepFiringFor: DurationSchema.optional(),
  severity: SeveritySchema,
  labels: LabelsSchema.default({}),
  annotations: AlertAnnotationsSchema,
  enabled: z.boolean().default(true),
  category: RuleCategorySchema.default("custom"),
  /** Markdown body of the generated runbook: what it means, how to diagnose, how to fix. */
  runbook: z.string().optional(),
  tests: z.array(AlertTestCaseSchema).default([]),
});
export type AlertingRule = z.infer<typeof AlertingRuleSchema>;
export type AlertingRuleInput = z.input<typeof AlertingRuleSchema>;

export const RecordingRuleSchema = z.object({
  kind: z.literal("record"),
  record: MetricNameSchema,
  expr: z.string().min(1, "a PromQL expression is required"),
  labels: LabelsSchema.default({}),
  enabled: z.boolean().default(true),
});
export type RecordingRule = z.infer<typeof RecordingRuleSchema>;

export const RuleSchema = z.discriminatedUnion("kind", [AlertingRuleSchema, RecordingRuleSchema], {
  error: unknownTag("rule", "kind", ["alert", "record"]),
});
export type Rule = z.infer<typeof RuleSchema>;

export const RuleGroupSchema = z.object({
  name: z.string().regex(/^[a-zA-Z0-9_.-]{1,100}$/, "group names are letters, digits, _, . or -"),
  interval: DurationSchema.optional(),
  rules: z.array(RuleSchema).default([]),
});
export type RuleGroup = z.infer<typeof RuleGroupSchema>;
export type RuleGroupInput = z.input<typeof RuleGroupSchema>;
