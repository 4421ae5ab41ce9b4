/**
 * Writes the next migration for changes to prisma/schema.prisma, offline: what
 * `prisma migrate dev --create-only --name NAME` does, using Prisma's WebAssembly schema engine
 * with an in-memory PGlite as the shadow database.
 *
 *   npm run prisma:migrate:new -- add_project_tags
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { diffMigrationsToSchema, EMPTY_MIGRATION, openSchemaEngine } from "../lib/db/prisma-schema-engine";

function timestamp(date: Date): string {
  return date.toISOString().replace(/\D/g, "").slice(0, 14);
}

async function main(): Promise<number> {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    console.error("usage: npm run prisma:migrate:new -- <name in snake_case>");
    return 2;
  }
  const root = path.resolve(import.meta.dirname, "..");
  const migrationsDir = path.join(root, "prisma", "migrations");
  const schemaPath = path.join(root, "prisma", "schema.prisma");
  const pglite = new PGlite();
  try {
    const engine = await openSchemaEngine(new PrismaPGlite(pglite), schemaPath);
    const sql = await diffMigrationsToSchema(engine, migrationsDir, schemaPath);
    if (sql.trim() === EMPTY_MIGRATION) {
      console.error("prisma/migrations already matches prisma/schema.prisma: nothing to write");
      return 0;
    }
    const dir = path.join(migrationsDir, `${timestamp(new Date())}_${name}`);
    mkdirSync(dir);
    writeFileSync(path.join(dir, "migration.sql"), sql);
    console.log(path.relative(root, path.join(dir, "migration.sql")));
    return 0;
  } finally {
    await pglite.close();
  }
}

process.exitCode = await main();
