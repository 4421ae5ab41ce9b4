import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { SecretKey } from "./key";

/** One secret as stored: AES-256-GCM output and the key that made it. */
export interface SealedSecret {
  ciphertext: Uint8Array;
  /** 12 random bytes, new for every encryption (GCM must never reuse one under a key). */
  iv: Uint8Array;
  /** GCM's 16-byte tag: decryption fails unless ciphertext, iv and context are untouched. */
  authTag: Uint8Array;
  keyId: string;
}

/** The secret's key was not the one this server has, or the stored bytes were altered. */
export class SecretDecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SecretDecryptionError";
  }
}

const ALGORITHM = "aes-256-gcm";
const IV_BYTES = 12;

/**
 * Encrypts a secret bound to `context` (project id and secret name) as additional authenticated
 * data, so a ciphertext copied to another project or name does not decrypt.
 */
export function sealSecret(key: SecretKey, plaintext: string, context: string): SealedSecret {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key.bytes, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return { ciphertext, iv, authTag: cipher.getAuthTag(), keyId: key.id };
}

export function openSecret(key: SecretKey, sealed: SealedSecret, context: string): string {
  if (sealed.keyId !== key.id) {
    throw new SecretDecryptionError(
      `the secret was encrypted with key ${sealed.keyId}, and this server has key ${key.id}: set OBSFORGE_SECRET_KEY to the key it was stored with, or set the secret again`,
    );
  }
  try {
    const decipher = createDecipheriv(ALGORITHM, key.bytes, sealed.iv);
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(sealed.authTag);
    return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretDecryptionError("the stored secret does not decrypt: it was altered or moved");
  }
}
