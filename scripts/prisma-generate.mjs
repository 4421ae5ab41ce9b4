#!/usr/bin/env node
// Runs `prisma generate` (lib/generated/prisma) on machines that cannot download Prisma's schema
// engine: generate only checks that an engine file exists, so it is pointed at a stub that explains
// itself if anything ever runs it. A PRISMA_SCHEMA_ENGINE_BINARY already set is left alone.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");

const result = spawnSync(process.execPath, [prismaCli, "generate", ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY:
      process.env.PRISMA_SCHEMA_ENGINE_BINARY || path.join(root, "prisma", "offline-schema-engine.sh"),
    // No update check or telemetry call: there is no network to answer it.
    CHECKPOINT_DISABLE: process.env.CHECKPOINT_DISABLE ?? "1",
    PRISMA_HIDE_UPDATE_MESSAGE: process.env.PRISMA_HIDE_UPDATE_MESSAGE ?? "1",
  },
});
if (result.error) throw result.error;
process.exit(result.status ?? 1);
