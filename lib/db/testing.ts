import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createDb, type Db } from "./client";

/** Test helpers: one fresh database per test file (or per case) on the run's PostgreSQL server. */

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
  await onServer(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => onServer(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
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
