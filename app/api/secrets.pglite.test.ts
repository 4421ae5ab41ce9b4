import { statSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { makeTempDir } from "@/lib/tools/files";
import { describeSecretsApi } from "./secrets-suite";

// The embedded default: no OBSFORGE_SECRET_KEY, so a key is generated beside the data directory.
const dataDir = path.join(makeTempDir("obsforge-secrets-api"), "pglite");
process.env.OBSFORGE_DATA_DIR = dataDir;
delete process.env.DATABASE_URL;
delete process.env.OBSFORGE_SECRET_KEY;
delete process.env.OBSFORGE_SECRET_KEY_FILE;

describeSecretsApi("pglite");

it("generated the key once, readable by its owner only", () => {
  const file = path.join(path.dirname(dataDir), "obsforge-secret.key");
  expect(statSync(file).mode & 0o777).toBe(0o600);
});
