import { z } from "zod";
import { DurationSchema, LabelsSchema, MetricNameSchema, unknownTag } from "./common";
import { upgradeStoredRule } from "./rule-upgrade";
import { SloSpecSchema } from "./slo";

/** The catalog's rule categories; on a rule the category is an ordinary `category` label. */
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

/**
 * Annotations exactly as the rule file has them: any keys, in the order written. `summary`,
 * `description` and `runbook_url` are ordinary keys the editor shows first. Names Prometheus
 * refuses are reported by the rule checks (promtool's "invalid annotation name"), not refused
 * here, so an imported file can be shown with its problems.
 */
export const AnnotationsSchema = z.record(z.string().min(1, "an annotation needs a name"), z.string());
export type Annotations = z.infer<typeof AnnotationsSchema>;
/** Old name, kept for callers: the annotations are plain keys now. */
export const AlertAnnotationsSchema = AnnotationsSchema;

/** A link from a rule to the dashboard panel that graphs it; shown in the UI, never exported. */
export const PanelLinkSchema = z.object({
  dashboardUid: z.string().min(1),
  panelId: z.int().min(1),
});
export type PanelLink = z.infer<typeof PanelLinkSchema>;

const AlertingRuleObject = z.object({
  kind: z.literal("alert"),
  /** Prometheus 2.x accepts any non-empty alert name (`JvmNon-heapMemoryFillingUp`, brackets, `%`). */
  alert: z.string().min(1, "an alert needs a name"),
  expr: z.string().min(1, "a PromQL expression is required"),
  for: DurationSchema.optional(),
  keepFiringFor: DurationSchema.optional(),
  /** Exported as written; `severity` and `category` are ordinary labels. */
  labels: LabelsSchema.default({}),
  annotations: AnnotationsSchema.default({}),
  enabled: z.boolean().default(true),
  /**
   * Markdown body of a generated runbook page (catalog rules). Only a rule with one gets a page in
   * the bundle, and a `runbook_url` annotation linking it when the rule has none of its own.
   */
  runbook: z.string().optional(),
  panel: PanelLinkSchema.optional(),
  tests: z.array(AlertTestCaseSchema).default([]),
});

/** Projects stored before labels and annotations were plain maps are upgraded on read. */
export const AlertingRuleSchema = z.preprocess((input) => upgradeStoredRule(input), AlertingRuleObject);
export type AlertingRule = z.infer<typeof AlertingRuleObject>;
export type AlertingRuleInput = z.input<typeof AlertingRuleObject>;

export const RecordingRuleSchema = z.object({
  kind: z.literal("record"),
  record: MetricNameSchema,
  expr: z.string().min(1, "a PromQL expression is required"),
  labels: LabelsSchema.default({}),
  enabled: z.boolean().default(true),
});
export type RecordingRule = z.infer<typeof RecordingRuleSchema>;

const RuleUnion = z.discriminatedUnion("kind", [AlertingRuleObject, RecordingRuleSchema], {
  error: unknownTag("rule", "kind", ["alert", "record"]),
});
export const RuleSchema = z.preprocess((input) => upgradeStoredRule(input), RuleUnion);
export type Rule = z.infer<typeof RuleUnion>;
export type RuleInput = z.input<typeof RuleUnion>;

export const RuleGroupSchema = z.object({
  /** Prometheus accepts any non-empty name, unique per file; the file name is derived safely. */
  name: z.string().min(1, "Groupname must not be empty"),
  interval: DurationSchema.optional(),
  /** Alerts (or series) a group evaluation may produce; 0 is no limit. */
  limit: z.int().min(0).optional(),
  /** `query_offset`, Prometheus >= 2.53. */
  queryOffset: DurationSchema.optional(),
  /** Labels added to every rule of the group, Prometheus >= 3.0. */
  labels: LabelsSchema.optional(),
  rules: z.array(RuleSchema).default([]),
  /** The SLO this group's generated rules come from (lib/alerting/slo); the UI only, never exported. */
  slo: SloSpecSchema.optional(),
});
export type RuleGroup = z.infer<typeof RuleGroupSchema>;
export type RuleGroupInput = z.input<typeof RuleGroupSchema>;
