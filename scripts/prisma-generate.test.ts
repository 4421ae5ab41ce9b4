import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const scratch = mkdtempSync(path.join(os.tmpdir(), "obsforge-prisma-generate-"));

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe("offline Prisma client generation", () => {
  it("scripts/prisma-generate.mjs generates the client without downloading the schema engine", () => {
    // A copy of the schema, so its relative output (../lib/generated/prisma) lands in the temp folder.
    mkdirSync(path.join(scratch, "prisma"));
    cpSync(path.join(ROOT, "prisma", "schema.prisma"), path.join(scratch, "prisma", "schema.prisma"));
    const { PRISMA_SCHEMA_ENGINE_BINARY: _unset, ...environment } = process.env;
    const result = spawnSync(
      process.execPath,
      [
        path.join(ROOT, "scripts", "prisma-generate.mjs"),
        "--schema",
        path.join(scratch, "prisma", "schema.prisma"),
      ],
      { cwd: ROOT, encoding: "utf8", env: environment, timeout: 120_000 },
    );
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(existsSync(path.join(scratch, "lib", "generated", "prisma", "client.ts"))).toBe(true);
  });

  it("the stand-in schema engine explains itself and fails", () => {
    const result = spawnSync(path.join(ROOT, "prisma", "offline-schema-engine.sh"), ["--version"], {
      encoding: "utf8",
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("schema engine is not available offline");
    expect(result.stderr).toContain("lib/db/migrate.ts");
  });
});
