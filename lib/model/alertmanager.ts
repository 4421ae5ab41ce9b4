import { z } from "zod";
import { DurationSchema, HttpUrlSchema, LabelNameSchema, SecretRefSchema, unknownTag } from "./common";

export const MatcherSchema = z.object({
  label: LabelNameSchema,
  op: z.enum(["=", "!=", "=~", "!~"]).default("="),
  value: z.string(),
});
export type Matcher = z.infer<typeof MatcherSchema>;

const integrationBase = { sendResolved: z.boolean().default(true) };

export const SlackIntegrationSchema = z.object({
  ...integrationBase,
  type: z.literal("slack"),
  channel: z.string().regex(/^[#@]?[\w.-]+$/, "a Slack channel such as #alerts"),
  apiUrl: SecretRefSchema,
});

export const EmailIntegrationSchema = z.object({
  ...integrationBase,
  type: z.literal("email"),
  to: z.email(),
  from: z.email().default("alertmanager@example.com"),
  smarthost: z
    .string()
    .regex(/^[^:\s]+:\d+$/, "host:port of the SMTP server")
    .default("smtp.example.com:587"),
  authUsername: z.string().optional(),
  authPassword: SecretRefSchema.optional(),
  requireTls: z.boolean().default(true),
});

export const PagerdutyIntegrationSchema = z.object({
  ...integrationBase,
  type: z.literal("pagerduty"),
  routingKey: SecretRefSchema,
});

export const WebhookIntegrationSchema = z.object({
  ...integrationBase,
  type: z.literal("webhook"),
  url: HttpUrlSchema,
  /** Sent as `Authorization: <scheme> <credentials>`. */
  authorization: z.object({ scheme: z.string().default("Bearer"), credentials: SecretRefSchema }).optional(),
  maxAlerts: z.int().min(0).default(0),
});

export const IntegrationSchema = z.discriminatedUnion(
  "type",
  [SlackIntegrationSchema, EmailIntegrationSchema, PagerdutyIntegrationSchema, WebhookIntegrationSchema],
  { error: unknownTag("receiver integration", "type", ["slack", "email", "pagerduty", "webhook"]) },
);
export type Integration = z.infer<typeof IntegrationSchema>;
export type IntegrationType = Integration["type"];

export const ReceiverSchema = z.object({
  name: z.string().regex(/^[a-zA-Z0-9_.-]{1,100}$/, "receiver names are letters, digits, _, . or -"),
  integrations: z.array(IntegrationSchema).default([]),
});
export type Receiver = z.infer<typeof ReceiverSchema>;

export interface Route {
  receiver?: string;
  matchers: Matcher[];
  groupBy?: string[];
  groupWait?: string;
  groupInterval?: string;
  repeatInterval?: string;
  continue: boolean;
  routes: Route[];
}

export interface RouteInput {
  receiver?: string;
  matchers?: z.input<typeof MatcherSchema>[];
  groupBy?: string[];
  groupWait?: string;
  groupInterval?: string;
  repeatInterval?: string;
  continue?: boolean;
  routes?: RouteInput[];
}

/** The Alertmanager route tree; written out by hand because recursive inference stops at defaults. */
export const RouteSchema: z.ZodType<Route, RouteInput> = z.object({
  receiver: z.string().optional(),
  matchers: z.array(MatcherSchema).default([]),
  groupBy: z.array(z.string()).optional(),
  groupWait: DurationSchema.optional(),
  groupInterval: DurationSchema.optional(),
  repeatInterval: DurationSchema.optional(),
  continue: z.boolean().default(false),
  routes: z.lazy(() => z.array(RouteSchema)).default([]),
});

export const InhibitRuleSchema = z.object({
  sourceMatchers: z.array(MatcherSchema).min(1),
  targetMatchers: z.array(MatcherSchema).min(1),
  equal: z.array(LabelNameSchema).default([]),
});
export type InhibitRule = z.infer<typeof InhibitRuleSchema>;
