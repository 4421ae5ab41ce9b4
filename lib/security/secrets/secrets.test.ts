import { randomBytes } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeTempDir } from "../../tools/files";
import {
  fileSecretKey,
  InvalidSecretKeyError,
  openSecret,
  parseSecretKey,
  resolveSecretKey,
  SecretDecryptionError,
  secretKeyFile,
  sealSecret,
} from ".";

const key = parseSecretKey(randomBytes(32).toString("base64"), "test key");

describe("sealSecret / openSecret (AES-256-GCM)", () => {
  it("round-trips any text, with a fresh IV every time and no plaintext in the output", () => {
    for (const text of ["x", "https://hooks.slack.com/services/T0/B0/abc", "ünïcødé 🔑", "a".repeat(16384)]) {
      const a = sealSecret(key, text, "p\0NAME");
      const b = sealSecret(key, text, "p\0NAME");
      expect(Buffer.from(a.iv).equals(Buffer.from(b.iv))).toBe(false);
      expect(a.iv).toHaveLength(12);
      expect(a.authTag).toHaveLength(16);
      expect(Buffer.from(a.ciphertext).toString("utf8")).not.toContain(text.slice(0, 20));
      expect(openSecret(key, a, "p\0NAME")).toBe(text);
    }
  });

  it("refuses an altered ciphertext, tag or IV, another context, and another key", () => {
    const sealed = sealSecret(key, "routing-key-value", "p\0NAME");
    const flip = (bytes: Uint8Array): Uint8Array => {
      const copy = Uint8Array.from(bytes);
      copy[0] = (copy[0] ?? 0) ^ 1;
      return copy;
    };
    expect(() => openSecret(key, { ...sealed, ciphertext: flip(sealed.ciphertext) }, "p\0NAME")).toThrow(
      SecretDecryptionError,
    );
    expect(() => openSecret(key, { ...sealed, authTag: flip(sealed.authTag) }, "p\0NAME")).toThrow(
      SecretDecryptionError,
    );
    expect(() => openSecret(key, { ...sealed, iv: flip(sealed.iv) }, "p\0NAME")).toThrow(
      SecretDecryptionError,
    );
    expect(() => openSecret(key, sealed, "q\0NAME")).toThrow(SecretDecryptionError);
    const other = parseSecretKey(randomBytes(32).toString("base64"), "other");
    expect(() => openSecret(other, sealed, "p\0NAME")).toThrow(/encrypted with key [0-9a-f]{16}/);
    // Same bytes under a forged id still fail: GCM checks the key itself.
    expect(() => openSecret({ ...other, id: key.id }, sealed, "p\0NAME")).toThrow(SecretDecryptionError);
  });
});

describe("the key", () => {
  it("is 32 bytes of base64, or a clear message", () => {
    expect(() => parseSecretKey("short", "OBSFORGE_SECRET_KEY")).toThrow(InvalidSecretKeyError);
    expect(() => parseSecretKey(randomBytes(16).toString("base64"), "OBSFORGE_SECRET_KEY")).toThrow(
      /OBSFORGE_SECRET_KEY must be 32 bytes in base64 .*decodes to 16 bytes/,
    );
    expect(() => parseSecretKey("!!!!", "K")).toThrow(InvalidSecretKeyError);
    expect(parseSecretKey(` ${randomBytes(32).toString("base64")}\n`, "K").bytes).toHaveLength(32);
  });

  it("is generated once, mode 0600, beside the data directory, and read back the same", () => {
    const root = makeTempDir("obsforge-secret-key");
    const source = { OBSFORGE_DATA_DIR: path.join(root, "pglite") };
    expect(secretKeyFile(source)).toBe(path.join(root, "obsforge-secret.key"));
    const first = resolveSecretKey(source);
    const file = secretKeyFile(source);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(resolveSecretKey(source)).toEqual(first);
    expect(fileSecretKey(file).id).toBe(first.id);
    expect(readFileSync(file, "utf8").trim()).toBe(first.bytes.toString("base64"));
  });

  it("comes from OBSFORGE_SECRET_KEY when set, and from OBSFORGE_SECRET_KEY_FILE's place otherwise", () => {
    const text = randomBytes(32).toString("base64");
    const root = makeTempDir("obsforge-secret-key");
    expect(
      resolveSecretKey({ OBSFORGE_SECRET_KEY: text, OBSFORGE_DATA_DIR: root }).bytes.toString("base64"),
    ).toBe(text);
    const file = path.join(root, "keys", "k");
    resolveSecretKey({ OBSFORGE_SECRET_KEY_FILE: file, OBSFORGE_DATA_DIR: root });
    expect(statSync(file).isFile()).toBe(true);
  });
});
