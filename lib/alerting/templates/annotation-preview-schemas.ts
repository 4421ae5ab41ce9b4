import { z } from "zod";

/**
 * The contract of POST /api/projects/{id}/preview/annotations: a rule as it is being edited, and
 * its labels and annotations rendered for one series of its current result, shared by the route
 * handler, the OpenAPI document and the browser's client.
 */

const MAX_TEMPLATE = 64 * 1024;
const TemplatesSchema = z
  .record(z.string(), z.string().max(MAX_TEMPLATE, "a template is at most 64 KiB"))
  .refine((templates) => Object.keys(templates).length <= 100, "at most 100 labels or annotations");

export const AnnotationPreviewBodySchema = z.object({
  rule: z.object({
    alert: z.string().min(1, "an alert needs a name"),
    expr: z.string().min(1, "a PromQL expression is required").max(MAX_TEMPLATE),
    labels: TemplatesSchema.default({}),
    annotations: TemplatesSchema.default({}),
  }),
  /** The project's Prometheus datasource to evaluate on (default: the default one). */
  datasource: z.string().optional(),
  /** The series to render for, by its labels as a previous answer listed them; default: the first. */
  series: z.record(z.string(), z.string()).optional(),
  /** Evaluation time in unix seconds; default: now. */
  time: z.number().finite().optional(),
  /** `$externalLabels` and `$externalURL` as the Prometheus running the rule has them. */
  externalLabels: z.record(z.string(), z.string()).optional(),
  externalURL: z.string().optional(),
});
/** What the browser sends (defaults may be left out). */
export type AnnotationPreviewBody = z.input<typeof AnnotationPreviewBodySchema>;
/** What the handler has after parsing. */
export type AnnotationPreviewRequest = z.infer<typeof AnnotationPreviewBodySchema>;

export const RenderedTemplateSchema = z.object({
  key: z.string(),
  template: z.string(),
  ok: z.boolean(),
  /** The rendered text, or on failure what Prometheus puts there: `<error expanding template: …>`. */
  text: z.string(),
  /** `error parsing template …` / `error executing template …`, when it fails. */
  error: z.string().optional(),
  stage: z.enum(["parse", "execute"]).optional(),
});
export type RenderedTemplate = z.infer<typeof RenderedTemplateSchema>;

export const PreviewSeriesSchema = z.object({
  labels: z.record(z.string(), z.string()),
  /** As Prometheus's API gives it (a string, so NaN and ±Inf survive). */
  value: z.string(),
});
export type PreviewSeries = z.infer<typeof PreviewSeriesSchema>;

export const AnnotationPreviewResponseSchema = z.object({
  /** The evaluation time, unix seconds. */
  time: z.number(),
  /** The rule expression's result at that time (the first 100 series). */
  series: z.array(PreviewSeriesSchema),
  seriesTotal: z.number().int(),
  /** Index into `series` of the one rendered for; null when the expression returned nothing. */
  selected: z.number().int().nullable(),
  labels: z.array(RenderedTemplateSchema),
  annotations: z.array(RenderedTemplateSchema),
  /** The `query` calls the templates made, each answered by the same Prometheus at the same time. */
  queries: z.array(z.object({ expr: z.string(), samples: z.number().int(), error: z.string().optional() })),
  source: z.enum(["previewUrl", "url", "demo"]),
});
export type AnnotationPreviewResponse = z.infer<typeof AnnotationPreviewResponseSchema>;
