import { createHash, randomUUID } from "node:crypto";
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MigrationError, migrate } from "./migrate";
import {
  ALL_MIGRATIONS,
  INIT_MIGRATION,
  MIGRATIONS_DIR,
  openRawTestDatabase,
  type RawTestDatabase,
  TEST_DRIVERS,
} from "./testing";

interface HistoryRow {
  id: string;
  checksum: string;
  finished_at: Date | string | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | string | null;
  started_at: Date | string;
  applied_steps_count: number;
}

describe.each(TEST_DRIVERS)("the app's migrator on %s", (driver) => {
  let database: RawTestDatabase;
  let scratch: string[] = [];

  beforeAll(async () => {
    database = await openRawTestDatabase(driver);
  });
  afterAll(async () => {
    await database?.dispose();
  });
  beforeEach(async () => {
    await database.reset();
  });
  afterEach(() => {
    for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
    scratch = [];
  });

  /** A copy of prisma/migrations that a test may change. */
  function scratchMigrations(): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), "obsforge-migrations-"));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    scratch.push(dir);
    return dir;
  }

  const history = (): Promise<HistoryRow[]> =>
    database.query<HistoryRow>(`SELECT * FROM "_prisma_migrations" ORDER BY started_at`);

  it("applies pending migrations once; a second run applies nothing", async () => {
    expect(await migrate(database.sql, MIGRATIONS_DIR)).toEqual(ALL_MIGRATIONS);
    const first = await history();
    expect(await migrate(database.sql, MIGRATIONS_DIR)).toEqual(ALL_MIGRATIONS);
    expect(await history()).toEqual(first);
    const tables = await database.query<{ name: string }>(
      `SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
    );
    expect(tables.map((table) => table.name)).toEqual([
      "_prisma_migrations",
      "accounts",
      "api_tokens",
      "audit_events",
      "notification_deliveries",
      "project_secrets",
      "project_sections",
      "projects",
      "rate_limits",
      "revision_sections",
      "revisions",
      "sessions",
      "share_links",
      "team_invitations",
      "team_members",
      "teams",
      "users",
      "verifications",
    ]);
  });

  it("records each migration as Prisma does: uuid id, checksum = sha256 of migration.sql, one step", async () => {
    await migrate(database.sql, MIGRATIONS_DIR);
    const rows = await history();
    expect(rows.map((entry) => entry.migration_name)).toEqual(ALL_MIGRATIONS);
    for (const [index, entry] of rows.entries()) {
      const bytes = readFileSync(path.join(MIGRATIONS_DIR, ALL_MIGRATIONS[index] ?? "", "migration.sql"));
      expect(entry.checksum).toBe(createHash("sha256").update(bytes).digest("hex"));
      expect(entry.applied_steps_count).toBe(1);
    }
    const [row] = rows;
    const fileBytes = readFileSync(path.join(MIGRATIONS_DIR, INIT_MIGRATION, "migration.sql"));
    expect(row).toMatchObject({
      migration_name: INIT_MIGRATION,
      checksum: createHash("sha256").update(fileBytes).digest("hex"),
      logs: null,
      rolled_back_at: null,
      applied_steps_count: 1,
    });
    expect(row?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(row?.finished_at).not.toBeNull();
    expect(new Date(row?.finished_at ?? 0).getTime()).toBeGreaterThanOrEqual(
      new Date(row?.started_at ?? 0).getTime(),
    );
  });

  it("refuses to run when an applied migration's file was changed since", async () => {
    const dir = scratchMigrations();
    await migrate(database.sql, dir);
    appendFileSync(path.join(dir, INIT_MIGRATION, "migration.sql"), "\n-- edited afterwards\n");
    const attempt = migrate(database.sql, dir);
    await expect(attempt).rejects.toBeInstanceOf(MigrationError);
    await expect(attempt).rejects.toThrow(`migration ${INIT_MIGRATION} was modified after it was applied`);
  });

  it("rolls a failing migration back whole, records nothing for it, and applies it once fixed", async () => {
    const dir = scratchMigrations();
    const broken = "20991231000000_broken";
    mkdirSync(path.join(dir, broken));
    const file = path.join(dir, broken, "migration.sql");
    writeFileSync(file, `CREATE TABLE "half_done" ("id" INTEGER);\nSELECT 1 / 0;\n`);
    const attempt = migrate(database.sql, dir);
    await expect(attempt).rejects.toBeInstanceOf(MigrationError);
    await expect(attempt).rejects.toThrow(`migration ${broken} failed and was rolled back: division by zero`);
    expect((await history()).map((row) => row.migration_name)).toEqual(ALL_MIGRATIONS);
    const halfDone = await database.query(
      `SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'`,
    );
    expect(halfDone).toEqual([]);

    writeFileSync(file, `CREATE TABLE "half_done" ("id" INTEGER);\n`);
    expect(await migrate(database.sql, dir)).toEqual([...ALL_MIGRATIONS, broken]);
  });

  it("refuses a history holding a migration that was started and never finished", async () => {
    await migrate(database.sql, MIGRATIONS_DIR);
    await database.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs) VALUES ($1, $2, $3, $4)`,
      [randomUUID(), "0".repeat(64), "20991231000000_crashed", "connection lost"],
    );
    await expect(migrate(database.sql, MIGRATIONS_DIR)).rejects.toThrow(
      "migration 20991231000000_crashed was started but never finished (connection lost)",
    );
  });

  it("names a missing migrations directory", async () => {
    await expect(migrate(database.sql, "/nonexistent/prisma/migrations")).rejects.toThrow(
      "migrations directory /nonexistent/prisma/migrations does not exist",
    );
  });

  it("lets migrators started at once apply each migration exactly once", async () => {
    const results = await Promise.all([
      migrate(database.sql, MIGRATIONS_DIR),
      migrate(database.secondSql(), MIGRATIONS_DIR),
      migrate(database.secondSql(), MIGRATIONS_DIR),
    ]);
    expect(results).toEqual([ALL_MIGRATIONS, ALL_MIGRATIONS, ALL_MIGRATIONS]);
    expect(await history()).toHaveLength(ALL_MIGRATIONS.length);
  });
});
