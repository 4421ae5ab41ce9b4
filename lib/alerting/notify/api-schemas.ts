/**
 * The HTTP contract of a receiver's notifications (`/api/projects/{id}/receivers/{name}/…`):
 * preview (rendered messages for a sample group), test send and the delivery log. Shared by the
 * route handlers, the OpenAPI document and the browser client.
 */
import { z } from "zod";
import { LabelsSchema } from "../../model/common";
import { ProjectObjectSchema } from "../../model/project";

export const ReceiverNameSchema = z.string().regex(/^[a-zA-Z0-9_.-]{1,100}$/, "not a receiver name");

export const SampleSelectionSchema = z.object({
  /** `group/rule` of a sample alert (GET the preview without it for the list); default the first. */
  sample: z.string().max(400).optional(),
  status: z.enum(["firing", "resolved"]).default("firing"),
  /** How many alerts of the rule the group holds (instances app-1, app-2, …). */
  count: z.int().min(1).max(50).default(1),
});
export type SampleSelection = z.infer<typeof SampleSelectionSchema>;

/**
 * The alerting section as edited in the browser (receivers, route tree, inhibit rules, global
 * settings, templates, time intervals), unsaved: the preview and the test send use it instead of
 * the saved one. Secrets in it are references only; their values are read on the server.
 */
export const AlertingDraftSchema = ProjectObjectSchema.pick({
  receivers: true,
  route: true,
  inhibitRules: true,
  alertmanager: true,
});
export type AlertingDraft = z.infer<typeof AlertingDraftSchema>;

export const PreviewBodySchema = SampleSelectionSchema.extend({
  /** Render the editor's unsaved draft; the saved configuration when absent. */
  draft: AlertingDraftSchema.optional(),
});
export type PreviewBody = z.infer<typeof PreviewBodySchema>;

export const TestSendBodySchema = PreviewBodySchema.extend({
  /** Only this integration of the receiver (its index); default all. */
  integration: z.int().min(0).max(100).optional(),
});
export type TestSendBody = z.infer<typeof TestSendBodySchema>;

const FieldErrorSchema = z.object({ field: z.string(), error: z.string() });

export const RenderedMessageSchema = z.object({
  index: z.int(),
  kind: z.enum(["slack", "pagerduty", "webhook", "email"]),
  /** `slack #alerts`, `email oncall@example.com`. */
  label: z.string(),
  /** false: this group is resolved and the integration does not send resolved notifications. */
  sends: z.boolean(),
  /** The body as Alertmanager would post it (secrets such as the routing key left out). */
  payload: z.unknown().optional(),
  errors: z.array(FieldErrorSchema),
});
export type RenderedMessage = z.infer<typeof RenderedMessageSchema>;

export const SampleSummarySchema = z.object({ id: z.string(), rule: z.string() });

/** The group the sample joins, as Alertmanager forms it for this receiver. */
export const SampleRouteSchema = z.object({
  /** `route.routes[0]`: the route that takes the sample alert to this receiver. */
  modelPath: z.string(),
  groupLabels: LabelsSchema,
  /** `{}/{severity="critical"}:{alertname="X"}`, as Alertmanager's webhook `groupKey`. */
  groupKey: z.string(),
  /** false: the sample alert is not routed to this receiver (the group shown is the route's that names it). */
  routed: z.boolean(),
});

export const PreviewResponseSchema = z.object({
  receiver: z.string(),
  /** Whether the saved project has a receiver of that name (a new one in the draft has not). */
  saved: z.boolean(),
  /** What was rendered: the draft sent, the saved configuration, or nothing (no such receiver). */
  source: z.enum(["draft", "saved", "none"]),
  /** Absent when nothing was rendered. */
  route: SampleRouteSchema.optional(),
  samples: z.array(SampleSummarySchema),
  sample: z.string(),
  status: z.enum(["firing", "resolved"]),
  messages: z.array(RenderedMessageSchema),
  /** Integrations the app does not render (imported verbatim: opsgenie_configs, …). */
  verbatim: z.array(z.string()),
});
export type PreviewResponse = z.infer<typeof PreviewResponseSchema>;

export const DeliverySchema = z.object({
  id: z.string(),
  sendId: z.string(),
  integration: z.string(),
  attempt: z.int(),
  outcome: z.enum(["delivered", "failed", "refused"]),
  httpStatus: z.int().nullable(),
  latencyMs: z.int(),
  /** The start of the answer or the error, at most 500 characters; never a secret. */
  excerpt: z.string(),
  createdAt: z.string(),
});
export type Delivery = z.infer<typeof DeliverySchema>;

export const DeliveryListSchema = z.object({ deliveries: z.array(DeliverySchema) });
export type DeliveryList = z.infer<typeof DeliveryListSchema>;

export const TestSendResponseSchema = z.object({
  sendId: z.string(),
  /** Every attempt of this send, oldest first (also in the delivery log). */
  deliveries: z.array(DeliverySchema),
});
export type TestSendResponse = z.infer<typeof TestSendResponseSchema>;
