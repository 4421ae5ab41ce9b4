import { z } from "zod";
import { HttpUrlSchema, SecretRefSchema, unknownTag } from "./common";

const DatasourceUidSchema = z
  .string()
  .regex(/^[a-zA-Z0-9_-]{1,40}$/, "datasource uids are 1-40 letters, digits, - or _");

const datasourceBase = {
  uid: DatasourceUidSchema,
  name: z.string().min(1).max(100),
  isDefault: z.boolean().default(false),
};

export const PrometheusDatasourceSchema = z.object({
  ...datasourceBase,
  type: z.literal("prometheus"),
  /** URL Grafana uses (inside the stack's network). */
  url: HttpUrlSchema.default("http://prometheus:9090"),
  scrapeInterval: z.string().default("15s"),
  /**
   * Where Obsforge's server reaches this Prometheus for live previews, when `url` (a name inside
   * the stack's network) does not resolve from it. Only these configured URLs are ever proxied.
   */
  previewUrl: HttpUrlSchema.optional(),
});

export const LokiDatasourceSchema = z.object({
  ...datasourceBase,
  type: z.literal("loki"),
  url: HttpUrlSchema.default("http://loki:3100"),
});

/** The application's own PostgreSQL, read by the SQL panels (audit log, errors). */
export const PostgresDatasourceSchema = z.object({
  ...datasourceBase,
  type: z.literal("postgres"),
  host: z.string().min(1).default("postgres:5432"),
  database: z.string().min(1),
  user: z.string().min(1),
  password: SecretRefSchema,
  sslMode: z.enum(["disable", "require", "verify-ca", "verify-full"]).default("disable"),
});

export const DatasourceSchema = z.discriminatedUnion(
  "type",
  [PrometheusDatasourceSchema, LokiDatasourceSchema, PostgresDatasourceSchema],
  { error: unknownTag("datasource", "type", ["prometheus", "loki", "postgres"]) },
);
export type Datasource = z.infer<typeof DatasourceSchema>;
export type DatasourceType = Datasource["type"];
