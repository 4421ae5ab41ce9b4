import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** The AES-256 key secrets are encrypted under, and a short fingerprint naming it in stored rows. */
export interface SecretKey {
  bytes: Buffer;
  /** First 16 hex digits of the key's SHA-256: tells keys apart without revealing them. */
  id: string;
}

/** OBSFORGE_SECRET_KEY is set but is not 32 bytes of base64. */
export class InvalidSecretKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidSecretKeyError";
  }
}

const KEY_BYTES = 32;
/**
 * A generated key's file, beside the PGlite directory (OBSFORGE_DATA_DIR is PostgreSQL's own data
 * directory, where initdb wants no foreign files): `.data/pglite` → `.data/obsforge-secret.key`.
 */
export const KEY_FILE_NAME = "obsforge-secret.key";

function keyOf(bytes: Buffer): SecretKey {
  return { bytes, id: createHash("sha256").update(bytes).digest("hex").slice(0, 16) };
}

/** Decodes a base64 key (as `openssl rand -base64 32` prints it), refusing any other length. */
export function parseSecretKey(text: string, what: string): SecretKey {
  const trimmed = text.trim();
  const bytes = Buffer.from(trimmed, "base64");
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed) || bytes.length !== KEY_BYTES) {
    throw new InvalidSecretKeyError(
      `${what} must be ${KEY_BYTES} bytes in base64 (generate one with \`openssl rand -base64 32\`); it decodes to ${bytes.length} bytes`,
    );
  }
  return keyOf(bytes);
}

/**
 * The key in `file`, generated (mode 0600) on first use. Writing with the `wx` flag makes two
 * processes starting at once agree: the loser reads the winner's file.
 */
export function fileSecretKey(file: string): SecretKey {
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    try {
      writeFileSync(file, `${randomBytes(KEY_BYTES).toString("base64")}\n`, { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  return parseSecretKey(readFileSync(file, "utf8"), file);
}

export interface SecretKeySource {
  OBSFORGE_SECRET_KEY?: string;
  OBSFORGE_SECRET_KEY_FILE?: string;
  OBSFORGE_DATA_DIR: string;
}

/** OBSFORGE_SECRET_KEY_FILE, else `obsforge-secret.key` beside OBSFORGE_DATA_DIR. */
export function secretKeyFile(source: SecretKeySource): string {
  return path.resolve(
    source.OBSFORGE_SECRET_KEY_FILE ??
      path.join(path.dirname(path.resolve(source.OBSFORGE_DATA_DIR)), KEY_FILE_NAME),
  );
}

/**
 * OBSFORGE_SECRET_KEY when set; otherwise a key generated once into the data directory. That also
 * holds with DATABASE_URL: the key then stays on the app's disk, apart from the database, and
 * several app processes on one database must share OBSFORGE_SECRET_KEY (a row under another key
 * is refused with its key id, never decrypted to garbage).
 */
export function resolveSecretKey(source: SecretKeySource): SecretKey {
  if (source.OBSFORGE_SECRET_KEY !== undefined)
    return parseSecretKey(source.OBSFORGE_SECRET_KEY, "OBSFORGE_SECRET_KEY");
  return fileSecretKey(secretKeyFile(source));
}
