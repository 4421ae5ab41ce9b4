import { z } from "zod";

/**
 * The HTTP contract of personal API tokens (`/api/tokens[/{id}]`): a token's value is answered
 * once, when it is made; lists carry only its first characters. Shared by the route handlers and
 * the browser client.
 */

/** What every token starts with: says what it is when found in a script or a log, and which header scheme it is. */
export const API_TOKEN_PREFIX = "obf_";

/** A token's value: the prefix and 43 base64url characters (256 random bits). */
export const ApiTokenValueSchema = z.string().regex(/^obf_[A-Za-z0-9_-]{43}$/, "not an Obsforge API token");

export const ApiTokenIdSchema = z.string().regex(/^[a-z0-9]{8,40}$/, "not an API token id");

/** Longest lifetime a token may be given: ten years. */
export const MAX_TOKEN_DAYS = 3650;

export const CreateApiTokenBodySchema = z.object({
  /** What it is for, e.g. "CI pipeline", so the user can tell tokens apart. */
  name: z
    .string({ error: "name: give the token a name (what it is for)" })
    .trim()
    .min(1, "name: give the token a name (what it is for)")
    .max(100, "name: at most 100 characters"),
  /** Days until it stops working by itself; without it, it works until revoked. */
  expiresInDays: z
    .number({ error: "expiresInDays: a whole number of days" })
    .int("expiresInDays: a whole number of days")
    .min(1, "expiresInDays: at least 1 day")
    .max(MAX_TOKEN_DAYS, `expiresInDays: at most ${MAX_TOKEN_DAYS} days`)
    .optional(),
});
export type CreateApiTokenBody = z.input<typeof CreateApiTokenBodySchema>;

/** A token as lists show it: never its value, only its first characters. */
export const ApiTokenSchema = z.object({
  id: ApiTokenIdSchema,
  name: z.string(),
  /** The token's first characters, e.g. `obf_Ab12cD`, to tell which one a script holds. */
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  /** Past its expiry: it no longer works, and stays listed until revoked. */
  expired: z.boolean(),
  /** Set once revoked (what revoking answers); lists hold only tokens not revoked. */
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof ApiTokenSchema>;

export const ApiTokenListSchema = z.object({ tokens: z.array(ApiTokenSchema) });
export type ApiTokenList = z.infer<typeof ApiTokenListSchema>;

/** What creating a token answers: the token and, this once, its value. */
export const CreatedApiTokenSchema = z.object({ token: ApiTokenSchema, value: ApiTokenValueSchema });
export type CreatedApiToken = z.infer<typeof CreatedApiTokenSchema>;

/**
 * The API token an `Authorization: Bearer obf_…` header carries, or undefined when the request has
 * none (the scheme's name is case-insensitive, RFC 9110 §11.1). Another bearer scheme is not ours.
 */
export function bearerApiToken(headers: Headers): string | undefined {
  const match = /^bearer[ \t]+(\S+)[ \t]*$/i.exec(headers.get("authorization") ?? "");
  const token = match?.[1];
  return token?.startsWith(API_TOKEN_PREFIX) ? token : undefined;
}
