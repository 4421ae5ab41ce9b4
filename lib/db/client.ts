import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { env } from "../env";
import { PrismaClient } from "../generated/prisma/client";
import { migrate } from "./migrate";
import { defaultMigrationsDir } from "./migrations";
import { pgliteSqlDatabase, pgPoolSqlDatabase } from "./sql";

export type DbDriver = "pglite" | "postgres";

/** An open, migrated database. Repository functions (lib/db/projects.ts) take it as first argument. */
export interface Db {
  prisma: PrismaClient;
  driver: DbDriver;
  /** Names of the migrations recorded as applied, oldest first. */
  migrations: string[];
  close(): Promise<void>;
}

export type CreateDbOptions = (
  | { driver: "postgres"; url: string }
  /** `dataDir` unset: an in-memory database, gone when closed. */
  | { driver: "pglite"; dataDir?: string }
) & { migrationsDir?: string };

// Interactive transactions on PGlite queue behind each other on its single session.
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 30_000 };

async function openPostgres(url: string, migrationsDir: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server drops (restart, failover) must not crash the process; the pool
  // replaces it on the next query.
  pool.on("error", (error) => console.error("postgres: idle connection lost:", error.message));
  try {
    const migrations = await migrate(pgPoolSqlDatabase(pool), migrationsDir);
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool), transactionOptions: TRANSACTION_OPTIONS });
    return {
      prisma,
      driver: "postgres",
      migrations,
      close: async () => {
        await prisma.$disconnect();
        await pool.end();
      },
    };
  } catch (error) {
    await pool.end();
    throw error;
  }
}

async function openPglite(dataDir: string | undefined, migrationsDir: string): Promise<Db> {
  if (dataDir !== undefined) mkdirSync(dataDir, { recursive: true });
  const pglite = new PGlite(dataDir);
  try {
    await pglite.waitReady;
    const migrations = await migrate(pgliteSqlDatabase(pglite), migrationsDir);
    const prisma = new PrismaClient({
      adapter: new PrismaPGlite(pglite),
      transactionOptions: TRANSACTION_OPTIONS,
    });
    return {
      prisma,
      driver: "pglite",
      migrations,
      close: async () => {
        await prisma.$disconnect();
        if (!pglite.closed) await pglite.close();
      },
    };
  } catch (error) {
    if (!pglite.closed) await pglite.close();
    throw error;
  }
}

/** Opens a database and applies pending migrations before handing it out. */
export async function createDb(options: CreateDbOptions): Promise<Db> {
  const migrationsDir = options.migrationsDir ?? defaultMigrationsDir();
  switch (options.driver) {
    case "postgres":
      return openPostgres(options.url, migrationsDir);
    case "pglite":
      return openPglite(options.dataDir, migrationsDir);
    default: {
      const unknownDriver: never = options;
      throw new Error(`unknown database driver ${JSON.stringify(unknownDriver)}`);
    }
  }
}

/** What the environment selects: DATABASE_URL's Postgres, else PGlite under OBSFORGE_DATA_DIR. */
export function dbOptionsFromEnv(source?: Readonly<Record<string, string | undefined>>): CreateDbOptions {
  const parsed = env(source);
  return parsed.DATABASE_URL
    ? { driver: "postgres", url: parsed.DATABASE_URL }
    : { driver: "pglite", dataDir: path.resolve(parsed.OBSFORGE_DATA_DIR) };
}

/** Work that must be done on an opened database before it serves anyone (data migrations). */
export type OpenHook = (db: Db) => Promise<void>;

// On globalThis so that Next.js dev reloads, which re-evaluate this module, reuse one client, and so
// that hooks registered by instrumentation.ts reach the copy of this module the routes use.
const processWide = globalThis as typeof globalThis & {
  __obsforgeDb?: Promise<Db>;
  __obsforgeDbOpenHooks?: OpenHook[];
};

/**
 * Runs `hook` on the process's database each time it is opened, before `getDb` hands it to anyone.
 * A failing hook is logged and does not stop the database from serving.
 */
export function onDatabaseOpened(hook: OpenHook): void {
  processWide.__obsforgeDbOpenHooks = [...(processWide.__obsforgeDbOpenHooks ?? []), hook];
}

async function runOpenHooks(db: Db): Promise<Db> {
  for (const hook of processWide.__obsforgeDbOpenHooks ?? []) {
    try {
      await hook(db);
    } catch (error) {
      console.error(`database: start-up task failed: ${(error as Error).message}`);
    }
  }
  return db;
}

/** The process's database, opened and migrated on first use. */
export function getDb(): Promise<Db> {
  if (!processWide.__obsforgeDb) {
    const opening = createDb(dbOptionsFromEnv()).then(runOpenHooks);
    processWide.__obsforgeDb = opening;
    // A failed start-up (database down, bad migration) is retried on the next call.
    opening.catch(() => {
      if (processWide.__obsforgeDb === opening) processWide.__obsforgeDb = undefined;
    });
  }
  return processWide.__obsforgeDb;
}

/** Closes the process's database, if it was opened (CLI exit, tests). */
export async function closeDb(): Promise<void> {
  const opening = processWide.__obsforgeDb;
  processWide.__obsforgeDb = undefined;
  if (opening) await (await opening).close();
}
