import "server-only";
import { createHmac } from "node:crypto";
import { env } from "../env";
import { serverSecretKey } from "../server/services/secrets";

/**
 * The secret Better Auth signs session cookies with: OBSFORGE_AUTH_SECRET (or BETTER_AUTH_SECRET)
 * when set; otherwise derived from the key project secrets are encrypted under, which is itself
 * generated into the data directory on first use. Derived, not the key itself, so a leaked cookie
 * signature says nothing about the encryption key; and no second file to keep beside the first.
 * Several app processes on one database share OBSFORGE_SECRET_KEY already, hence this secret too.
 */
export function authSecret(): string {
  const parsed = env();
  const configured = parsed.OBSFORGE_AUTH_SECRET ?? parsed.BETTER_AUTH_SECRET;
  if (configured !== undefined) return configured;
  return createHmac("sha256", serverSecretKey().bytes).update("obsforge session signing v1").digest("base64");
}
