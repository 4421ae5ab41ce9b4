/**
 * The HTTP contract of a receiver's notifications (`/api/projects/{id}/receivers/{name}/…`):
 * preview (rendered messages for a sample group), test send and the delivery log. Shared by the
 * route handlers, the OpenAPI document and the browser client.
 */
import { z } from "zod";

export const ReceiverNameSchema = z.string().regex(/^[a-zA-Z0-9_.-]{1,100}$/, "not a receiver name");

export const SampleSelectionSchema = z.object({
  /** `group/rule` of a sample alert (GET the preview without it for the list); default the first. */
  sample: z.string().max(400).optional(),
  status: z.enum(["firing", "resolved"]).default("firing"),
  /** How many alerts of the rule the group holds (instances app-1, app-2, …). */
  count: z.int().min(1).max(50).default(1),
});
export type SampleSelection = z.infer<typeof SampleSelectionSchema>;

export const PreviewBodySchema = SampleSelectionSchema;

export const TestSendBodySchema = SampleSelectionSchema.extend({
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

export const PreviewResponseSchema = z.object({
  receiver: z.string(),
  /** false: the saved project has no receiver of that name yet (a draft); nothing is rendered. */
  saved: z.boolean(),
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
