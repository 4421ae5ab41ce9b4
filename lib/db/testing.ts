import { randomBytes } from "node:crypto";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { inject } from "vitest";
import { createDb, type Db } from "./client";
import { openSchemaEngine } from "./prisma-schema-engine";
import { pgliteSqlDatabase, pgPoolSqlDatabase, type SqlDatabase } from "./sql";

/** Test helpers: one fresh database per test file (or per case) on the run's PostgreSQL server. */

const REPO_ROOT = path.resolve(import.meta.dirname, "../..");
export const MIGRATIONS_DIR = path.join(REPO_ROOT, "prisma", "migrations");
export const SCHEMA_PATH = path.join(REPO_ROOT, "prisma", "schema.prisma");
/** The first migration's folder name. */
export const INIT_MIGRATION = "20261123014900_init";
/** The migration that split projects into sections. */
export const SECTIONS_MIGRATION = "20261203082754_project_sections";
/** The migration that added encrypted project secrets. */
export const SECRETS_MIGRATION = "20261203144708_project_secrets";
/** The migration that added the delivery log of test notifications. */
export const NOTIFICATIONS_MIGRATION = "20261203150516_notification_deliveries";
/** The migration that added accounts, sessions and teams (lib/auth). */
export const ACCOUNTS_MIGRATION = "20261203175705_accounts_and_teams";
/** The migration that added the audit log. */
export const AUDIT_MIGRATION = "20261203180825_audit_log";
/** The migration that added the rate limits' counters. */
export const RATE_LIMITS_MIGRATION = "20261203183946_rate_limits";
/** The migration that added read-only share links. */
export const SHARE_LINKS_MIGRATION = "20261203212823_share_links";
/** The migration that added personal API tokens. */
export const API_TOKENS_MIGRATION = "20261203212827_api_tokens";
/** Every migration's folder name, oldest first: what a fresh database has applied. */
export const ALL_MIGRATIONS = [
  INIT_MIGRATION,
  SECTIONS_MIGRATION,
  SECRETS_MIGRATION,
  NOTIFICATIONS_MIGRATION,
  ACCOUNTS_MIGRATION,
  AUDIT_MIGRATION,
  RATE_LIMITS_MIGRATION,
  SHARE_LINKS_MIGRATION,
  API_TOKENS_MIGRATION,
];

/** The server lib/testing/postgres-global-setup.ts started or was given. */
export function testDatabaseUrl(): string {
  const url = inject("testDatabaseUrl") || process.env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error(
      "no PostgreSQL server for the tests: run them with `npx vitest run` (its globalSetup starts one), " +
        'or start one with `eval "$(scripts/start-postgres.sh)"` and export TEST_DATABASE_URL=$DATABASE_URL',
    );
  }
  return url;
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

async function onServer<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** An empty database of its own on the test server, so files running in parallel never meet. */
export async function createTestDatabase(serverUrl: string = testDatabaseUrl()): Promise<TestDatabase> {
  const name = `obsforge_test_${randomBytes(6).toString("hex")}`;
  await onServer(serverUrl, async (client) => {
    await client.query(`CREATE DATABASE "${name}"`);
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      onServer(serverUrl, async (client) => {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      }),
  };
}

export type TestDriver = Db["driver"];
export const TEST_DRIVERS: TestDriver[] = ["pglite", "postgres"];

export interface OpenTestDb {
  db: Db;
  /** Closes the database and drops it (Postgres) so nothing is left behind. */
  dispose(): Promise<void>;
}

/** A new, migrated, empty database: in-memory PGlite, or a fresh database on the test server. */
export async function openTestDb(
  driver: TestDriver,
  options: { migrationsDir?: string } = {},
): Promise<OpenTestDb> {
  if (driver === "pglite") {
    const db = await createDb({ driver: "pglite", ...options });
    return { db, dispose: () => db.close() };
  }
  const database = await createTestDatabase();
  try {
    const db = await createDb({ driver: "postgres", url: database.url, ...options });
    return {
      db,
      dispose: async () => {
        await db.close();
        await database.drop();
      },
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
}

export interface RawTestDatabase {
  /** For the app's migrator. */
  sql: SqlDatabase;
  query<Row extends object>(text: string, params?: unknown[]): Promise<Row[]>;
  /** Another, independent connection to the same database (PGlite: the same instance). */
  secondSql(): SqlDatabase;
  /**
   * Runs `work` with Prisma's schema engine (lib/db/prisma-schema-engine.ts) on this database, then
   * closes the engine's connection: Prisma's engine holds its migration lock as long as that lives.
   */
  withSchemaEngine<T>(work: (engine: SchemaEngine) => Promise<T>): Promise<T>;
  /** Empties the database again (drops and recreates the public schema). */
  reset(): Promise<void>;
  dispose(): Promise<void>;
}

const RESET_SQL = `DROP SCHEMA public CASCADE; CREATE SCHEMA public;`;

/** An empty database without migrations or Prisma client: for testing migrations themselves. */
export async function openRawTestDatabase(driver: TestDriver): Promise<RawTestDatabase> {
  if (driver === "pglite") {
    const pglite = new PGlite();
    const sql = pgliteSqlDatabase(pglite);
    return {
      sql,
      query: async <Row extends object>(text: string, params: unknown[] = []) =>
        (await pglite.query<Row>(text, params)).rows,
      secondSql: () => sql,
      withSchemaEngine: async (work) => {
        const engine = await openSchemaEngine(new PrismaPGlite(pglite));
        try {
          return await work(engine);
        } finally {
          engine.free();
        }
      },
      reset: async () => {
        await pglite.exec(RESET_SQL);
      },
      dispose: () => pglite.close(),
    };
  }
  const database = await createTestDatabase();
  const pools = new Set<pg.Pool>();
  const newPool = (): pg.Pool => {
    const pool = new pg.Pool({ connectionString: database.url, max: 3 });
    // Dropping the database terminates idle connections; that is expected here.
    pool.on("error", () => undefined);
    pools.add(pool);
    return pool;
  };
  const endPool = async (pool: pg.Pool): Promise<void> => {
    pools.delete(pool);
    await pool.end();
  };
  const pool = newPool();
  return {
    sql: pgPoolSqlDatabase(pool),
    query: async <Row extends object>(text: string, params: unknown[] = []) =>
      (await pool.query(text, params)).rows as Row[],
    secondSql: () => pgPoolSqlDatabase(newPool()),
    withSchemaEngine: async (work) => {
      const enginePool = newPool();
      const engine = await openSchemaEngine(new PrismaPg(enginePool));
      try {
        return await work(engine);
      } finally {
        engine.free();
        await endPool(enginePool);
      }
    },
    reset: async () => {
      await pool.query(RESET_SQL);
    },
    dispose: async () => {
      await Promise.all([...pools].map(endPool));
      await database.drop();
    },
  };
}
