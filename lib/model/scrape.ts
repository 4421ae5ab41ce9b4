import { z } from "zod";
import { DurationSchema, LabelNameSchema, LabelsSchema, SecretRefSchema } from "./common";

export const RelabelConfigSchema = z.object({
  sourceLabels: z.array(LabelNameSchema).default([]),
  separator: z.string().optional(),
  regex: z.string().optional(),
  targetLabel: z.string().optional(),
  replacement: z.string().optional(),
  action: z
    .enum([
      "replace",
      "keep",
      "drop",
      "labelmap",
      "labeldrop",
      "labelkeep",
      "hashmod",
      "lowercase",
      "uppercase",
    ])
    .default("replace"),
});
export type RelabelConfig = z.infer<typeof RelabelConfigSchema>;

export const ScrapeTargetKindSchema = z.enum([
  "app",
  "postgres-exporter",
  "node-exporter",
  "cadvisor",
  "custom",
]);
export type ScrapeTargetKind = z.infer<typeof ScrapeTargetKindSchema>;

export const ScrapeTargetSchema = z.object({
  job: z.string().regex(/^[a-zA-Z0-9_.-]{1,100}$/, "job names are letters, digits, _, . or -"),
  kind: ScrapeTargetKindSchema.default("custom"),
  targets: z
    .array(z.string().regex(/^[^\s/:]+:\d{1,5}$/, "targets are host:port"))
    .min(1, "at least one host:port target"),
  metricsPath: z.string().startsWith("/").default("/metrics"),
  scheme: z.enum(["http", "https"]).default("http"),
  interval: DurationSchema.optional(),
  timeout: DurationSchema.optional(),
  /** Bearer token read from a file at scrape time (FraiseQL v2 requires one for /metrics). */
  bearerToken: SecretRefSchema.optional(),
  labels: LabelsSchema.default({}),
  relabelings: z.array(RelabelConfigSchema).default([]),
  metricRelabelings: z.array(RelabelConfigSchema).default([]),
});
export type ScrapeTarget = z.infer<typeof ScrapeTargetSchema>;
