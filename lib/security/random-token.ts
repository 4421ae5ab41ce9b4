import { createHash, randomBytes } from "node:crypto";

/**
 * Bearer secrets the app hands out (personal API tokens, share links): 256 random bits, of which
 * only a SHA-256 is stored. A fast hash is enough here, unlike for passwords: a slow password hash
 * exists to make guessing a low-entropy secret from a leaked hash expensive, and 2^256 cannot be
 * guessed however fast each try is. A fast hash also lets a token be looked up by its hash (a
 * unique index) on every request, where a salted password hash would need a scan.
 */

/** 256 random bits as 43 base64url characters. */
export function randomToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What is stored and looked up in place of a token: its SHA-256, in hex. */
export function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** When something made at `now` and valid for `days` stops working; null for never. */
export function expiryAfterDays(now: Date, days: number | undefined): Date | null {
  return days === undefined ? null : new Date(now.getTime() + days * DAY_MS);
}
