import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type {
  DiagnoseMigrationHistoryOutput,
  MigrationList,
  SchemaEngine,
  SchemaFilter,
} from "@prisma/schema-engine-wasm";

/**
 * Prisma's own schema engine, the WebAssembly build the Prisma CLI uses with driver adapters. It
 * needs no download, so offline it is what checks the migrator against Prisma (tests) and what
 * writes new migrations (scripts/prisma-migrate-new.ts). Development tooling: the app never loads it.
 */

const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

type SchemaEngineClass = typeof SchemaEngine;
let engineClass: Promise<SchemaEngineClass> | undefined;

async function instantiate(): Promise<SchemaEngineClass> {
  const bindingsPath = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bindings = (await import(
    bindingsPath
  )) as typeof import("@prisma/schema-engine-wasm/schema_engine_bg");
  const wasm = new WebAssembly.Module(readFileSync(bindingsPath.replace(/\.js$/, ".wasm")));
  const instance = new WebAssembly.Instance(wasm, { "./schema_engine_bg.js": bindings });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bindings.SchemaEngine;
}

/** Opens Prisma's schema engine on the database `adapter` connects to (PrismaPg, PrismaPGlite). */
export async function openSchemaEngine(
  adapter: SqlMigrationAwareDriverAdapterFactory,
  schemaPath?: string,
): Promise<SchemaEngine> {
  engineClass ??= instantiate();
  const datamodels: [string, string][] | undefined = schemaPath
    ? [[path.basename(schemaPath), readFileSync(schemaPath, "utf8")]]
    : undefined;
  return (await engineClass).new(
    { datamodels },
    () => undefined,
    bindMigrationAwareSqlAdapterFactory(adapter),
  );
}

/** prisma/migrations as the engine reads it (what `prisma migrate` passes it). */
export function loadMigrationList(migrationsDir: string): MigrationList {
  const lockfile = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: {
      path: "migration_lock.toml",
      content: existsSync(lockfile) ? readFileSync(lockfile, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: readdirSync(migrationsDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort()
      .map((name) => ({
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: {
            tag: "ok" as const,
            value: readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8"),
          },
        },
      })),
  };
}

/**
 * The SQL that takes a database built by the migrations to what the schema describes, as
 * `prisma migrate dev` would write it (the engine replays the migrations on a shadow database).
 * Prisma's empty-migration comment when they already agree.
 */
export async function diffMigrationsToSchema(
  engine: SchemaEngine,
  migrationsDir: string,
  schemaPath: string,
): Promise<string> {
  const result = await engine.diff({
    from: { tag: "migrations", ...loadMigrationList(migrationsDir) },
    to: {
      tag: "schemaDatamodel",
      files: [{ path: path.basename(schemaPath), content: readFileSync(schemaPath, "utf8") }],
    },
    script: true,
    exitCode: null,
    filters: NO_FILTER,
  });
  return result.stdout ?? "";
}

export const EMPTY_MIGRATION = "-- This is an empty migration.";

/** `prisma migrate deploy`: applies what the engine finds pending, returning the names it applied. */
export async function prismaMigrateDeploy(engine: SchemaEngine, migrationsDir: string): Promise<string[]> {
  const output = await engine.applyMigrations({
    migrationsList: loadMigrationList(migrationsDir),
    filters: NO_FILTER,
  });
  return output.appliedMigrationNames;
}

/** `prisma migrate status`: how Prisma judges the database's history against migrationsDir. */
export async function prismaMigrateStatus(
  engine: SchemaEngine,
  migrationsDir: string,
): Promise<DiagnoseMigrationHistoryOutput> {
  return engine.diagnoseMigrationHistory({
    migrationsList: loadMigrationList(migrationsDir),
    optInToShadowDatabase: false,
    filters: NO_FILTER,
  });
}
