import { z } from "zod";
import { SecretRefSchema } from "../model/common";

/**
 * The HTTP contract of a project's secrets (`/api/projects/{id}/secrets[/{name}]`): a value goes
 * in once and never comes back; what is answered is whether each secret is set, and where the
 * project uses it. Shared by the route handlers and the browser client.
 */

/** What every page and response shows in place of a secret's value. */
export const SECRET_MASK = "••••";

/** A secret's name: the environment variable the bundle reads it from. */
export const SecretNameSchema = SecretRefSchema.shape.secret;

export const SecretStatusSchema = z.object({
  name: SecretNameSchema,
  /** A value is stored (encrypted) for it. */
  set: z.boolean(),
  /** ISO time of the last change of the value; null when not set. */
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  /** What in the project reads it ("Slack webhook URL of Alertmanager receiver \"ops\""); empty when nothing does. */
  usedBy: z.array(z.string()),
});
export type SecretStatus = z.infer<typeof SecretStatusSchema>;

export const SecretListSchema = z.object({ secrets: z.array(SecretStatusSchema) });
export type SecretList = z.infer<typeof SecretListSchema>;

/** Longest value kept: a PEM key or a long webhook URL fits; a file dump does not. */
export const MAX_SECRET_BYTES = 16 * 1024;

export const PutSecretBodySchema = z.object({
  value: z
    .string()
    .min(1, "a secret's value cannot be empty: clear it instead (DELETE)")
    .max(MAX_SECRET_BYTES, `a secret's value is at most ${MAX_SECRET_BYTES} characters`)
    .refine((value) => !value.includes("\u0000"), "a secret's value cannot hold a NUL character"),
});
export type PutSecretBody = z.infer<typeof PutSecretBodySchema>;
