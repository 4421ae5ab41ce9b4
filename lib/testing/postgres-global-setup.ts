import { execFileSync } from "node:child_process";
import path from "node:path";
import type { TestProject } from "vitest/node";

/**
 * vitest globalSetup: every run tests the database code on real PostgreSQL as well as PGlite. With
 * TEST_DATABASE_URL set (CI starting its own server) that server is used; otherwise a throwaway
 * one is started with scripts/start-postgres.sh and stopped when the run ends. Test files read the
 * URL with `inject("testDatabaseUrl")` and create their own databases on it (lib/db/testing.ts).
 */

declare module "vitest" {
  export interface ProvidedContext {
    testDatabaseUrl: string;
  }
}

const root = path.resolve(import.meta.dirname, "../..");

function outputValue(output: string, key: string): string {
  const line = output.split("\n").find((candidate) => candidate.startsWith(`${key}=`));
  if (!line) throw new Error(`scripts/start-postgres.sh printed no ${key}= line:\n${output}`);
  return line.slice(key.length + 1).trim();
}

export default function setup(project: TestProject): () => void {
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    project.provide("testDatabaseUrl", given);
    return () => undefined;
  }
  const output = execFileSync("bash", [path.join(root, "scripts", "start-postgres.sh")], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 300_000,
  });
  const url = outputValue(output, "DATABASE_URL");
  const dir = outputValue(output, "POSTGRES_DIR");
  project.provide("testDatabaseUrl", url);
  return () => {
    execFileSync("bash", [path.join(root, "scripts", "stop-postgres.sh"), dir], {
      cwd: root,
      stdio: ["ignore", "ignore", "pipe"],
      timeout: 120_000,
    });
  };
}
