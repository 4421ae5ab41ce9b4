import { z } from "zod";
import { parseDuration } from "../../model/common";

/**
 * Alertmanager's API v2 as the live alerts page reads it (api/v2/openapi.yaml of Alertmanager
 * 0.25): alerts, alert groups and silences, validated when they arrive; plus the bodies the live
 * API takes. Fields the page does not read are let through untouched.
 */

const LabelSetSchema = z.record(z.string(), z.string());

export const AlertStateSchema = z.enum(["active", "suppressed", "unprocessed"]);
export type AlertState = z.infer<typeof AlertStateSchema>;

export const LiveAlertSchema = z.object({
  fingerprint: z.string(),
  labels: LabelSetSchema,
  annotations: LabelSetSchema.default({}),
  startsAt: z.string(),
  endsAt: z.string(),
  updatedAt: z.string().optional(),
  generatorURL: z.string().optional(),
  receivers: z.array(z.object({ name: z.string() })).default([]),
  status: z.object({
    state: AlertStateSchema,
    silencedBy: z.array(z.string()).default([]),
    inhibitedBy: z.array(z.string()).default([]),
  }),
});
export type LiveAlert = z.infer<typeof LiveAlertSchema>;

export const LiveAlertGroupSchema = z.object({
  labels: LabelSetSchema,
  receiver: z.object({ name: z.string() }),
  alerts: z.array(LiveAlertSchema),
});
export type LiveAlertGroup = z.infer<typeof LiveAlertGroupSchema>;

export const SilenceMatcherSchema = z.object({
  name: z.string(),
  value: z.string(),
  isRegex: z.boolean(),
  /** Absent in answers of Alertmanager before 0.22: then it is an equality matcher. */
  isEqual: z.boolean().default(true),
});
export type SilenceMatcher = z.infer<typeof SilenceMatcherSchema>;

export const SilenceStateSchema = z.enum(["active", "pending", "expired"]);

export const SilenceSchema = z.object({
  id: z.string(),
  status: z.object({ state: SilenceStateSchema }),
  matchers: z.array(SilenceMatcherSchema),
  startsAt: z.string(),
  endsAt: z.string(),
  updatedAt: z.string().optional(),
  createdBy: z.string(),
  comment: z.string(),
});
export type Silence = z.infer<typeof SilenceSchema>;

export const CreatedSilenceSchema = z.object({ silenceID: z.string() });

/** The live API's alert list filter: `?receiver=` (a receiver's name) and `?state=`. */
export const AlertFilterSchema = z.object({
  receiver: z.string().min(1).optional(),
  state: AlertStateSchema.optional(),
});
export type AlertFilter = z.infer<typeof AlertFilterSchema>;

/** POST …/live/alerts/{fingerprint}/acknowledge: a silence of the alert, by whom, why, for how long. */
export const AcknowledgeBodySchema = z.object({
  author: z.string().trim().min(1, "who acknowledges: a name or an email").max(200),
  comment: z.string().trim().min(1, "a comment: why it is acknowledged").max(2000),
  duration: z.string().superRefine((text, context) => {
    const ms = parseDuration(text);
    if (ms === undefined)
      context.addIssue({
        code: "custom",
        message: `bad duration "${text}": expected a Prometheus duration such as 30m, 2h or 1d`,
      });
    else if (ms <= 0)
      context.addIssue({ code: "custom", message: "a duration longer than zero, such as 2h" });
  }),
});
export type AcknowledgeBody = z.infer<typeof AcknowledgeBodySchema>;

export const AcknowledgedSchema = z.object({ silenceId: z.string(), endsAt: z.string() });
export type Acknowledged = z.infer<typeof AcknowledgedSchema>;

export const UnacknowledgedSchema = z.object({
  /** The silences expired: every active one that silenced the alert. */
  expired: z.array(z.string()),
});
export type Unacknowledged = z.infer<typeof UnacknowledgedSchema>;

export const LiveAlertsResponseSchema = z.object({ alerts: z.array(LiveAlertSchema) });
export const LiveGroupsResponseSchema = z.object({ groups: z.array(LiveAlertGroupSchema) });
export const LiveSilencesResponseSchema = z.object({ silences: z.array(SilenceSchema) });
