import { z } from "zod";
import { DurationSchema, HttpUrlSchema, LabelNameSchema, SecretRefSchema, unknownTag } from "./common";

export const MatcherSchema = z.object({
  label: LabelNameSchema,
  op: z.enum(["=", "!=", "=~", "!~"]).default("="),
  value: z.string(),
  /**
   * Written as legacy `match` (for `=`) or `match_re` (for `=~`) in the file it was imported from,
   * and exported the same way so the file keeps its form; the routing is the same either way.
   */
  legacy: z.literal(true).optional(),
});
export type Matcher = z.infer<typeof MatcherSchema>;

/**
 * A secret of a receiver: the environment variable the bundle reads it from, plus, when it came
 * from an imported file, what the file held — a literal value (`importedValue`) or the file it
 * was read from (`importedFile`) — kept so nothing is lost until it is moved to encrypted storage.
 * Never printed in reports or shown unmasked.
 */
export const AlertingSecretSchema = SecretRefSchema.extend({
  importedValue: z.string().optional(),
  importedFile: z.string().optional(),
});
export type AlertingSecret = z.infer<typeof AlertingSecretSchema>;

/**
 * Configuration the model does not edit, kept as the file had it and exported verbatim.
 * `secretPaths` lists where literal secrets sit in it (`http_config.basic_auth.password`), so
 * they can be masked and moved to encrypted storage.
 */
export const VerbatimConfigSchema = z.object({
  config: z.record(z.string(), z.unknown()),
  secretPaths: z.array(z.string()).default([]),
  /**
   * Secrets moved out of `config` into the project's encrypted secrets: the path they held in it
   * (`api_key`, `http_config.basic_auth.password`) → the secret's name. The bundle writes each as
   * the `<key>_file` Alertmanager reads it from.
   */
  secretRefs: z.record(z.string(), SecretRefSchema.shape.secret).optional(),
});
export type VerbatimConfig = z.infer<typeof VerbatimConfigSchema>;

/** Fields of an imported integration the model does not edit (e.g. Slack `title`), exported over the generated ones. */
const extraField = { extra: z.record(z.string(), z.unknown()).optional() };

const integrationBase = { sendResolved: z.boolean().default(true), ...extraField };

export const SlackIntegrationSchema = z.object({
  ...integrationBase,
  type: z.literal("slack"),
  channel: z.string().regex(/^[#@]?[\w.-]+$/, "a Slack channel such as #alerts"),
  apiUrl: AlertingSecretSchema,
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
  authPassword: AlertingSecretSchema.optional(),
  requireTls: z.boolean().default(true),
});

export const PagerdutyIntegrationSchema = z.object({
  ...integrationBase,
  type: z.literal("pagerduty"),
  routingKey: AlertingSecretSchema,
});

/** Query parameters that carry a credential: typed into a URL, they would be stored and exported as text. */
const CREDENTIAL_PARAM =
  /^(?:.*[-_])?(?:token|key|apikey|secret|password|passwd|pass|pwd|auth|signature|sig|credentials?)$/i;

/**
 * A webhook URL holds no credential: the model stores and exports it as text, while a secret is
 * encrypted and kept out of the bundle. User info and credential-like query parameters are refused.
 */
export const WebhookUrlSchema = HttpUrlSchema.superRefine((text, ctx) => {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return; // HttpUrlSchema has said why.
  }
  if (url.username !== "" || url.password !== "")
    ctx.addIssue({
      code: "custom",
      message:
        "a webhook URL must not hold a user name or password: use basic auth or the Authorization header, whose credentials are a secret",
    });
  for (const name of url.searchParams.keys())
    if (CREDENTIAL_PARAM.test(name))
      ctx.addIssue({
        code: "custom",
        message: `a webhook URL must not carry the credential "${name}": send it in the Authorization header, whose credentials are a secret`,
      });
});

export const WebhookIntegrationSchema = z.object({
  ...integrationBase,
  type: z.literal("webhook"),
  url: WebhookUrlSchema,
  /** Sent as `Authorization: <scheme> <credentials>`. */
  authorization: z
    .object({
      // One HTTP token (RFC 9110), so a credential typed after the scheme is refused, not stored as text.
      scheme: z
        .string()
        .regex(
          /^[A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]{0,39}$/,
          "the scheme only, such as Bearer: the credentials go in the secret",
        )
        .default("Bearer"),
      credentials: AlertingSecretSchema,
    })
    .optional(),
  /** HTTP basic authentication (`http_config.basic_auth`). */
  basicAuth: z
    .object({
      username: z
        .string()
        .max(200)
        .refine(
          (name) => !name.includes(":"),
          "a user name cannot hold ':': the password goes in the secret",
        ),
      password: AlertingSecretSchema,
    })
    .optional(),
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
  /**
   * Integrations the model does not edit (Opsgenie, Teams, VictorOps, Pushover, …, or a Slack
   * config it cannot represent), keyed as in the file (`opsgenie_configs`), exported verbatim.
   */
  verbatim: z
    .array(VerbatimConfigSchema.extend({ key: z.string().regex(/^[a-z0-9_]+_configs$/, "a *_configs key") }))
    .optional(),
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
  /** Names of time intervals during which this route sends nothing; not inherited. */
  muteTimeIntervals?: string[];
  /** Names of time intervals outside which this route sends nothing; not inherited. */
  activeTimeIntervals?: string[];
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
  muteTimeIntervals?: string[];
  activeTimeIntervals?: string[];
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
  muteTimeIntervals: z.array(z.string().min(1)).optional(),
  activeTimeIntervals: z.array(z.string().min(1)).optional(),
  routes: z.lazy(() => z.array(RouteSchema)).default([]),
});

export const InhibitRuleSchema = z.object({
  /** Empty matches every alert, as in Alertmanager (kube-prometheus-stack relies on it). */
  sourceMatchers: z.array(MatcherSchema).default([]),
  targetMatchers: z.array(MatcherSchema).default([]),
  equal: z.array(LabelNameSchema).default([]),
});
export type InhibitRule = z.infer<typeof InhibitRuleSchema>;

const clock = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** One `time_intervals[].time_intervals[]` entry: every field it sets must hold at once. */
export const TimeIntervalRangeSchema = z.object({
  times: z
    .array(
      z.object({
        startTime: z.string().regex(clock, "a time of day such as 09:00"),
        endTime: z.string().regex(clock, "a time of day such as 17:00"),
      }),
    )
    .optional(),
  /** `monday`, `monday:friday`. */
  weekdays: z.array(z.string().min(1)).optional(),
  /** `1`, `1:5`, `-3:-1`. */
  daysOfMonth: z.array(z.string().min(1)).optional(),
  /** `january`, `1:3`. */
  months: z.array(z.string().min(1)).optional(),
  /** `2024`, `2024:2026`. */
  years: z.array(z.string().min(1)).optional(),
  /** An IANA time zone, e.g. Europe/Paris; UTC when absent. */
  location: z.string().min(1).optional(),
});
export type TimeIntervalRange = z.infer<typeof TimeIntervalRangeSchema>;

export const TimeIntervalSchema = z.object({
  name: z.string().min(1, "a time interval needs a name"),
  timeIntervals: z.array(TimeIntervalRangeSchema).default([]),
});
export type TimeInterval = z.infer<typeof TimeIntervalSchema>;

/**
 * The rest of an Alertmanager configuration: `global` settings kept verbatim (with its literal
 * secrets marked), extra `templates` paths, and the time intervals routes name.
 */
export const AlertmanagerSettingsSchema = z.object({
  global: VerbatimConfigSchema.optional(),
  templates: z.array(z.string().min(1)).default([]),
  timeIntervals: z.array(TimeIntervalSchema).default([]),
});
export type AlertmanagerSettings = z.infer<typeof AlertmanagerSettingsSchema>;

export function defaultAlertmanagerSettings(): AlertmanagerSettings {
  return { templates: [], timeIntervals: [] };
}
