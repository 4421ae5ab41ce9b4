import { randomBytes } from "node:crypto";

const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
/** Bytes at or above this would make some characters likelier than others; they are redrawn. */
const UNBIASED_LIMIT = 256 - (256 % ALPHABET.length);

/** A 25-character lower-case alphanumeric id (cuid-sized, ~129 bits), matching ProjectIdSchema. */
export function newId(length = 25): string {
  let id = "";
  while (id.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < UNBIASED_LIMIT && id.length < length) id += ALPHABET[byte % ALPHABET.length];
    }
  }
  return id;
}
