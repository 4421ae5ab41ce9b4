import { z } from "zod";

/** Prometheus duration grammar (model/time.ParseDuration): units in descending order, e.g. `1h30m`. */
const durationPattern = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;

const unitMillis = [365 * 86_400_000, 7 * 86_400_000, 86_400_000, 3_600_000, 60_000, 1000, 1] as const;

/** Milliseconds in a Prometheus duration, or undefined when the text is not one. */
export function parseDuration(text: string): number | undefined {
  if (text === "" || text === "0") return text === "0" ? 0 : undefined;
  const match = durationPattern.exec(text);
  if (!match) return undefined;
  let total = 0;
  for (let i = 0; i < unitMillis.length; i++) {
    const part = match[i + 1];
    if (part !== undefined) total += Number(part) * (unitMillis[i] ?? 0);
  }
  return total;
}

export const DurationSchema = z.string().refine((value) => parseDuration(value) !== undefined, {
  error: (issue) =>
    `bad duration "${String(issue.input)}": expected a Prometheus duration such as 30s, 5m, 1h30m or 15d`,
});
export type Duration = z.infer<typeof DurationSchema>;

/** Names Prometheus accepts for labels (and alert names). */
export const LabelNameSchema = z
  .string()
  .regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, "must match [a-zA-Z_][a-zA-Z0-9_]* (a Prometheus label name)");

export const MetricNameSchema = z
  .string()
  .regex(/^[a-zA-Z_:][a-zA-Z0-9_:]*$/, "must match [a-zA-Z_:][a-zA-Z0-9_:]* (a Prometheus metric name)");

export const LabelsSchema = z.record(LabelNameSchema, z.string());
export type Labels = z.infer<typeof LabelsSchema>;

/** Kebab-case identifiers used for uids, file names and slugs. */
export const SlugSchema = z
  .string()
  .min(1)
  .max(40)
  .regex(
    /^[a-z0-9][a-z0-9-]*$/,
    "must be lower-case letters, digits and dashes, starting with a letter or digit",
  );

/**
 * A secret is never stored as a value: the model names the environment variable that holds it.
 * Generators turn it into an Alertmanager `*_file` path, a Grafana `$__env{NAME}` or a Kubernetes
 * Secret key, and list it in `.env.example`.
 */
/** Every URL the stack or Obsforge's server calls is plain HTTP(S); `prometheus:9090` is not a URL. */
export const HttpUrlSchema = z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" });

export const SecretRefSchema = z.object({
  secret: z
    .string()
    .regex(
      /^[A-Z][A-Z0-9_]*$/,
      "secret names are environment variable names: upper-case letters, digits and _",
    ),
});
export type SecretRef = z.infer<typeof SecretRefSchema>;

export const SeveritySchema = z.enum(["critical", "warning", "info"]);
export type Severity = z.infer<typeof SeveritySchema>;

export const LevelSchema = z.enum(["basic", "standard", "enterprise"]);
export type Level = z.infer<typeof LevelSchema>;

export function slugify(text: string): string {
  const slug = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
  return slug === "" ? "project" : slug;
}

/** Error for a discriminated union whose tag is unknown, naming the value and the choices. */
export function unknownTag(what: string, key: string, choices: readonly string[]) {
  return (issue: { input?: unknown }): string => {
    const input = issue.input as Record<string, unknown> | undefined;
    const value = input && typeof input === "object" ? input[key] : undefined;
    const list = choices.join(", ");
    return value === undefined
      ? `${what} needs a "${key}": one of ${list}`
      : `unknown ${what} ${key} "${String(value)}": expected one of ${list}`;
  };
}
