import { z } from "zod";
import { DurationSchema, LevelSchema, SeveritySchema } from "../model";

/** The short `deployment.yaml` of seed 000, with a few optional extensions (version, shipper, k8s). */
export const DeploymentChannelSchema = z.discriminatedUnion(
  "type",
  [
    z.object({
      type: z.literal("email"),
      to: z.email(),
      from: z.email().optional(),
      smarthost: z.string().optional(),
    }),
    z.object({
      type: z.literal("slack"),
      channel: z.string().optional(),
      // The value is a secret: it is never copied into the bundle, only its variable name is.
      webhook_url: z.string().optional(),
      webhook_url_env: z.string().optional(),
    }),
    z.object({
      type: z.literal("pagerduty"),
      routing_key: z.string().optional(),
      routing_key_env: z.string().optional(),
    }),
    z.object({ type: z.literal("webhook"), url: z.url(), token_env: z.string().optional() }),
  ],
  {
    error: (issue) => {
      const value = (issue.input as { type?: unknown } | undefined)?.type;
      return `unknown alert channel type "${String(value)}": expected one of email, slack, pagerduty, webhook`;
    },
  },
);

export const DeploymentRuleSchema = z.object({
  name: z
    .string()
    .regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, "rule names are letters, digits and _ (they become alert names)"),
  condition: z.string().min(1),
  duration: DurationSchema.default("5m"),
  severity: SeveritySchema.default("warning"),
  description: z.string().optional(),
});

export const DeploymentSchema = z.object({
  deployment: z.object(
    {
      // The project's name: the model keeps names to 100 characters.
      name: z.string().min(1).max(100),
      framework: z.enum(["fraiseql", "generic"]).default("fraiseql"),
      version: z.enum(["v2", "v1"]).default("v2"),
      pattern: z.string().optional(),
      environment: z.string().default("production"),
      metrics_target: z
        .string()
        .regex(/^[^\s/:]+:\d{1,5}$/, "host:port")
        .optional(),
    },
    {
      error: (issue) =>
        issue.input === undefined ? "missing: add a deployment: section with at least a name" : undefined,
    },
  ),
  monitoring: z
    .object({
      level: LevelSchema.default("standard"),
      metrics: z
        .object({ prometheus: z.boolean().default(true), retention: DurationSchema.default("30d") })
        .prefault({}),
      logs: z
        .object({
          loki: z.boolean().default(true),
          retention: DurationSchema.default("30d"),
          shipper: z.enum(["alloy", "promtail"]).default("alloy"),
        })
        .prefault({}),
      dashboards: z.array(z.string()).default([]),
      alerts: z
        .object({
          channels: z.array(DeploymentChannelSchema).default([]),
          rules: z.array(DeploymentRuleSchema).default([]),
        })
        .prefault({}),
      kubernetes: z
        .object({
          enabled: z.boolean().default(true),
          namespace: z.string().default("monitoring"),
          release: z.string().default("kube-prometheus-stack"),
        })
        .prefault({}),
    })
    .prefault({}),
});
export type Deployment = z.infer<typeof DeploymentSchema>;
export type DeploymentRule = z.infer<typeof DeploymentRuleSchema>;
