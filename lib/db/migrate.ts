import { randomUUID } from "node:crypto";
import { type MigrationFile, readMigrations } from "./migrations";
import type { SqlDatabase, SqlSession } from "./sql";

/**
 * Applies prisma/migrations at start-up, the way `prisma migrate deploy` does, so machines without
 * Prisma's schema engine (offline ones) still get their schema, and a machine that has it sees the
 * same history: the bookkeeping table is Prisma's own, row for row.
 */

/** The key Prisma's schema engine locks on: the app and `prisma migrate deploy` exclude each other. */
export const PRISMA_MIGRATE_LOCK_KEY = 72707369;

/** The DDL Prisma's schema engine uses for its history table on PostgreSQL. */
export const PRISMA_MIGRATIONS_TABLE_DDL = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export class MigrationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "MigrationError";
  }
}

interface HistoryRow {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
  logs: string | null;
}

async function readHistory(session: SqlSession): Promise<HistoryRow[]> {
  return session.transaction(async (tx) => {
    await tx.exec(PRISMA_MIGRATIONS_TABLE_DDL);
    return tx.query<HistoryRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at, logs
         FROM "_prisma_migrations" ORDER BY started_at, migration_name`,
    );
  });
}

/** Refuses a history the app must not build on: a failed migration, or an applied one edited since. */
function checkHistory(history: HistoryRow[], local: MigrationFile[]): Set<string> {
  const live = history.filter((row) => row.rolled_back_at === null);
  const failed = live.find((row) => row.finished_at === null);
  if (failed) {
    throw new MigrationError(
      `migration ${failed.migration_name} was started but never finished (${failed.logs ?? "no logs"}); ` +
        "fix the database by hand, then mark it with `prisma migrate resolve`",
    );
  }
  const applied = new Map(live.map((row) => [row.migration_name, row.checksum]));
  for (const migration of local) {
    const checksum = applied.get(migration.name);
    if (checksum !== undefined && checksum !== migration.checksum) {
      throw new MigrationError(
        `migration ${migration.name} was modified after it was applied: the database recorded checksum ` +
          `${checksum}, prisma/migrations/${migration.name}/migration.sql now has ${migration.checksum}. ` +
          "Restore the file and put the change in a new migration.",
      );
    }
  }
  return new Set(applied.keys());
}

async function applyMigration(session: SqlSession, migration: MigrationFile): Promise<void> {
  try {
    await session.transaction(async (tx) => {
      const id = randomUUID();
      await tx.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
         VALUES ($1, $2, $3, now(), 0)`,
        [id, migration.checksum, migration.name],
      );
      await tx.exec(migration.sql);
      // clock_timestamp(): now() is frozen at the transaction's start, finished_at should not be.
      await tx.query(
        `UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`,
        [id],
      );
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`migration ${migration.name} failed and was rolled back: ${reason}`, {
      cause: error,
    });
  }
}

/**
 * Applies every migration in `migrationsDir` not yet recorded, each in its own transaction, under
 * Prisma's advisory lock. Returns the names of all applied migrations, oldest first.
 */
export async function migrate(database: SqlDatabase, migrationsDir: string): Promise<string[]> {
  const local = readMigrations(migrationsDir);
  return database.withSession(async (session) => {
    await session.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK_KEY]);
    try {
      const applied = checkHistory(await readHistory(session), local);
      for (const migration of local) {
        if (!applied.has(migration.name)) await applyMigration(session, migration);
      }
      const history = await readHistory(session);
      return history
        .filter((row) => row.rolled_back_at === null && row.finished_at !== null)
        .map((row) => row.migration_name);
    } finally {
      // When the session itself broke, the server has already dropped the lock with it.
      await session.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK_KEY]).catch(() => undefined);
    }
  });
}
