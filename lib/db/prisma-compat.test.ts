import { appendFileSync, cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { migrate } from "./migrate";
import {
  diffMigrationsToSchema,
  EMPTY_MIGRATION,
  openSchemaEngine,
  prismaMigrateDeploy,
  prismaMigrateStatus,
} from "./prisma-schema-engine";
import {
  ALL_MIGRATIONS,
  INIT_MIGRATION,
  MIGRATIONS_DIR,
  openRawTestDatabase,
  type RawTestDatabase,
  SCHEMA_PATH,
  TEST_DRIVERS,
} from "./testing";

/**
 * The app's migrator checked against Prisma's own schema engine (its WebAssembly build, run on
 * the same database): what one writes, the other accepts.
 */

const HISTORY_COLUMNS = `
  SELECT column_name::text, data_type::text, character_maximum_length::int, is_nullable::text,
         column_default::text
    FROM information_schema.columns
   WHERE table_schema = 'public' AND table_name = '_prisma_migrations'
   ORDER BY ordinal_position`;

it("prisma/migrations builds exactly what prisma/schema.prisma describes (no migration is missing)", async () => {
  const shadow = new PGlite();
  try {
    const engine = await openSchemaEngine(new PrismaPGlite(shadow), SCHEMA_PATH);
    const drift = await diffMigrationsToSchema(engine, MIGRATIONS_DIR, SCHEMA_PATH);
    // When this fails, write the missing migration with `npm run prisma:migrate:new -- <name>`.
    expect(drift.trim()).toBe(EMPTY_MIGRATION);
    engine.free();
  } finally {
    await shadow.close();
  }
});

describe.each(TEST_DRIVERS)("the app's migrator and Prisma's schema engine on %s", (driver) => {
  let database: RawTestDatabase;

  beforeAll(async () => {
    database = await openRawTestDatabase(driver);
  });
  afterAll(async () => {
    await database?.dispose();
  });
  beforeEach(async () => {
    await database.reset();
  });

  it("creates _prisma_migrations column for column as Prisma does", async () => {
    await database.withSchemaEngine((engine) => prismaMigrateDeploy(engine, MIGRATIONS_DIR));
    const prismas = await database.query(HISTORY_COLUMNS);
    await database.reset();
    await migrate(database.sql, MIGRATIONS_DIR);
    expect(await database.query(HISTORY_COLUMNS)).toEqual(prismas);
  });

  it("leaves `prisma migrate deploy` nothing to apply and `prisma migrate status` nothing to flag", async () => {
    await migrate(database.sql, MIGRATIONS_DIR);
    await database.withSchemaEngine(async (engine) => {
      expect(await prismaMigrateStatus(engine, MIGRATIONS_DIR)).toEqual({
        editedMigrationNames: [],
        failedMigrationNames: [],
        hasMigrationsTable: true,
        history: null,
      });
      expect(await prismaMigrateDeploy(engine, MIGRATIONS_DIR)).toEqual([]);
    });
    expect(await database.query(`SELECT 1 FROM "_prisma_migrations"`)).toHaveLength(ALL_MIGRATIONS.length);
  });

  it("accepts a history written by `prisma migrate deploy`", async () => {
    expect(await database.withSchemaEngine((engine) => prismaMigrateDeploy(engine, MIGRATIONS_DIR))).toEqual(
      ALL_MIGRATIONS,
    );
    const written = await database.query(`SELECT * FROM "_prisma_migrations"`);
    expect(await migrate(database.sql, MIGRATIONS_DIR)).toEqual(ALL_MIGRATIONS);
    expect(await database.query(`SELECT * FROM "_prisma_migrations"`)).toEqual(written);
  });

  it("agrees with Prisma on which migration was edited after it was applied", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "obsforge-migrations-"));
    try {
      cpSync(MIGRATIONS_DIR, dir, { recursive: true });
      await migrate(database.sql, dir);
      appendFileSync(path.join(dir, INIT_MIGRATION, "migration.sql"), "\n-- edited afterwards\n");
      await expect(migrate(database.sql, dir)).rejects.toThrow(`migration ${INIT_MIGRATION} was modified`);
      const status = await database.withSchemaEngine((engine) => prismaMigrateStatus(engine, dir));
      expect(status.editedMigrationNames).toEqual([INIT_MIGRATION]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
