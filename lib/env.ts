import { z } from "zod";

/**
 * The environment the server and the CLI read, validated once per call so a bad value fails at
 * start-up with its name instead of deep inside a request. App code reads its configuration only
 * through `env()`; tests, scripts and test harnesses may read `process.env` themselves.
 */
const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" });

const EnvSchema = z
  .object({
    /** Unset: the embedded PGlite database under OBSFORGE_DATA_DIR. */
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\/\S+$/, "must be a postgres:// or postgresql:// connection URL")
      .optional(),
    OBSFORGE_DATA_DIR: z.string().min(1).default(".data/pglite"),
    /**
     * The AES-256 key project secrets are encrypted under, 32 bytes in base64; unset: one generated
     * into OBSFORGE_SECRET_KEY_FILE (lib/security/secrets/key.ts checks its length).
     */
    OBSFORGE_SECRET_KEY: z.string().min(1).optional(),
    /** Where a generated key is kept; unset: obsforge-secret.key beside OBSFORGE_DATA_DIR. */
    OBSFORGE_SECRET_KEY_FILE: z.string().min(1).optional(),
    /**
     * The secret Better Auth signs session cookies with (lib/auth/secret.ts), at least 32 characters;
     * unset: derived from the secrets key (OBSFORGE_SECRET_KEY or its generated file). BETTER_AUTH_SECRET
     * is read as a synonym.
     */
    OBSFORGE_AUTH_SECRET: z
      .string()
      .min(32, "must be at least 32 characters (`openssl rand -base64 32`)")
      .optional(),
    BETTER_AUTH_SECRET: z
      .string()
      .min(32, "must be at least 32 characters (`openssl rand -base64 32`)")
      .optional(),
    /**
     * The address users reach the app at (`https://obsforge.example.com`): Better Auth's base URL, from
     * which the single sign-on redirect URI is made. BETTER_AUTH_URL is read as a synonym. Unset: the
     * host each request was addressed to.
     */
    OBSFORGE_PUBLIC_URL: httpUrl.optional(),
    BETTER_AUTH_URL: httpUrl.optional(),
    /**
     * OpenID Connect single sign-on (lib/auth/oidc.ts): the identity provider's issuer URL (its
     * discovery document is `<issuer>/.well-known/openid-configuration`; the discovery URL itself is
     * accepted too), the client registered there, and the label of the sign-in button. The issuer and
     * the client id together switch it on.
     */
    OBSFORGE_OIDC_ISSUER: httpUrl.optional(),
    OBSFORGE_OIDC_CLIENT_ID: z.string().trim().min(1).optional(),
    OBSFORGE_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OBSFORGE_OIDC_NAME: z.string().trim().min(1).max(60, "must be at most 60 characters").optional(),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    /** A Prometheus every project may preview against (`npm run demo` sets it); unset: none. */
    OBSFORGE_DEMO_PROMETHEUS_URL: z
      .url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" })
      .optional(),
    /**
     * Hosts the server's outgoing calls (preview, Alertmanager, notifications) may reach, comma
     * separated: `name`, `name:port`, `*.domain`, an address; unset: any host the address rules allow.
     * Listed hosts may be loopback or private even with OBSFORGE_ALLOW_PRIVATE_NETWORKS=0.
     */
    OBSFORGE_ALLOWED_HOSTS: z
      .string()
      .regex(
        /^[\w.:*[\]%-]+(\s*,\s*[\w.:*[\]%-]+)*$/,
        "must be a comma-separated list of hosts (name, name:port, *.domain)",
      )
      .optional(),
    /** "0": outgoing calls refuse loopback and private addresses not listed in OBSFORGE_ALLOWED_HOSTS; default "1". */
    OBSFORGE_ALLOW_PRIVATE_NETWORKS: z.enum(["0", "1"], { error: 'must be "0" or "1"' }).optional(),
    /** "1": a production build serves the /dev/* pages too (the benchmark and the browser tests set it). */
    OBSFORGE_DEV_PAGES: z.enum(["0", "1"], { error: 'must be "0" or "1"' }).optional(),
    /** Set by Next.js: "development" under `next dev`, "production" under `next build` and `next start`. */
    NODE_ENV: z.string().optional(),
  })
  .superRefine((value, context) => {
    // Half a single sign-on configuration is a mistake to report at start-up, not a button that fails.
    const oidc = ["OBSFORGE_OIDC_CLIENT_ID", "OBSFORGE_OIDC_CLIENT_SECRET", "OBSFORGE_OIDC_NAME"] as const;
    if (value.OBSFORGE_OIDC_ISSUER === undefined) {
      for (const name of oidc.filter((one) => value[one] !== undefined))
        context.addIssue({ code: "custom", path: [name], message: "is set but OBSFORGE_OIDC_ISSUER is not" });
    } else {
      if (value.OBSFORGE_OIDC_CLIENT_ID === undefined)
        context.addIssue({
          code: "custom",
          path: ["OBSFORGE_OIDC_CLIENT_ID"],
          message:
            "is required with OBSFORGE_OIDC_ISSUER (the client id registered at the identity provider)",
        });
      // The redirect URI registered at the identity provider is fixed: it cannot follow each request's host.
      if (value.OBSFORGE_PUBLIC_URL === undefined && value.BETTER_AUTH_URL === undefined)
        context.addIssue({
          code: "custom",
          path: ["OBSFORGE_PUBLIC_URL"],
          message:
            "is required with OBSFORGE_OIDC_ISSUER: the identity provider redirects to <OBSFORGE_PUBLIC_URL>/api/auth/callback/oidc",
        });
    }
  });

export type Env = z.infer<typeof EnvSchema>;

export class InvalidEnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid environment: ${problems.join("; ")}`);
    this.name = "InvalidEnvError";
  }
}

const ENV_KEYS = Object.keys(EnvSchema.shape) as (keyof Env)[];

/** The last environment parsed, by the text of its set variables (see env()). */
let lastParsed: { key: string; env: Readonly<Env> } | undefined;

/**
 * Parses the environment; empty strings count as unset, as shells and .env files produce them.
 * The answer for the same variables is the one parsed before (frozen, as it is shared): the live
 * preview reads the environment several times per request, and zod's parse cost more than the
 * rest of its own work. Whatever changes a variable (a test) gets the new values at the next call.
 */
export function env(source: Readonly<Record<string, string | undefined>> = process.env): Readonly<Env> {
  const present: Record<string, string> = {};
  let key = "";
  for (const name of ENV_KEYS) {
    const value = source[name];
    if (value === undefined || value === "") continue;
    present[name] = value;
    key += `${name}\u0000${value}\u0000`;
  }
  if (lastParsed?.key === key) return lastParsed.env;
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    throw new InvalidEnvError(
      parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`),
    );
  }
  lastParsed = { key, env: Object.freeze(parsed.data) };
  return lastParsed.env;
}

/**
 * Whether the /dev/* pages (editor playground, chart benchmark) are served: always by `next dev`
 * (and under vitest), by a production server only with OBSFORGE_DEV_PAGES=1.
 */
export function devPagesServed(parsed: Env): boolean {
  return parsed.OBSFORGE_DEV_PAGES === "1" || parsed.NODE_ENV === "development" || parsed.NODE_ENV === "test";
}
