import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { smallProject } from "../generate/testdata/small-project";
import { closeDb, createDb, dbOptionsFromEnv, getDb, onDatabaseOpened } from "./client";
import { createProject, getProject } from "./projects";
import { ALL_MIGRATIONS, createTestDatabase } from "./testing";

const scratch = mkdtempSync(path.join(os.tmpdir(), "obsforge-db-client-"));
const savedEnv = { DATABASE_URL: process.env.DATABASE_URL, OBSFORGE_DATA_DIR: process.env.OBSFORGE_DATA_DIR };

afterEach(async () => {
  await closeDb();
  for (const [key, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe("choosing the database from the environment", () => {
  it("uses PGlite under OBSFORGE_DATA_DIR (default .data/pglite) without DATABASE_URL", () => {
    expect(dbOptionsFromEnv({})).toEqual({ driver: "pglite", dataDir: path.resolve(".data/pglite") });
    expect(dbOptionsFromEnv({ OBSFORGE_DATA_DIR: "/srv/obsforge" })).toEqual({
      driver: "pglite",
      dataDir: "/srv/obsforge",
    });
  });

  it("uses Postgres when DATABASE_URL is set, and rejects a URL that is not Postgres", () => {
    expect(dbOptionsFromEnv({ DATABASE_URL: "postgres://u@h:5432/d" })).toEqual({
      driver: "postgres",
      url: "postgres://u@h:5432/d",
    });
    expect(() => dbOptionsFromEnv({ DATABASE_URL: "sqlite:./x.db" })).toThrow(/DATABASE_URL/);
  });
});

describe("getDb", () => {
  it("opens one migrated PGlite database per process, kept on disk across restarts", async () => {
    delete process.env.DATABASE_URL;
    process.env.OBSFORGE_DATA_DIR = path.join(scratch, "pglite");
    const [first, second] = await Promise.all([getDb(), getDb()]);
    expect(second).toBe(first);
    expect(first.driver).toBe("pglite");
    expect(first.migrations).toEqual(ALL_MIGRATIONS);
    const created = await createProject(first, smallProject());
    await closeDb();

    const reopened = await getDb();
    expect(reopened).not.toBe(first);
    expect((await getProject(reopened, created.id))?.project).toEqual(smallProject());
    expect(await reopened.prisma.$queryRaw`SELECT migration_name FROM "_prisma_migrations"`).toHaveLength(
      ALL_MIGRATIONS.length,
    );
  });

  it("runs start-up hooks once per opening, before anyone gets the database; a failing hook is logged", async () => {
    const database = await createTestDatabase();
    const seen: string[] = [];
    onDatabaseOpened(async (db) => {
      seen.push(`ran on ${db.driver}`);
    });
    onDatabaseOpened(async () => {
      throw new Error("no usable key");
    });
    try {
      process.env.DATABASE_URL = database.url;
      const [first, second] = await Promise.all([getDb(), getDb()]);
      expect(second).toBe(first);
      expect(seen).toEqual(["ran on postgres"]);
      await closeDb();
      await getDb();
      expect(seen).toEqual(["ran on postgres", "ran on postgres"]);
      await closeDb();
    } finally {
      (globalThis as { __obsforgeDbOpenHooks?: unknown }).__obsforgeDbOpenHooks = undefined;
      await database.drop();
    }
  });

  it("opens Postgres from DATABASE_URL", async () => {
    const database = await createTestDatabase();
    try {
      process.env.DATABASE_URL = database.url;
      const db = await getDb();
      expect(db.driver).toBe("postgres");
      expect(db.migrations).toEqual(ALL_MIGRATIONS);
      await closeDb();
    } finally {
      await database.drop();
    }
  });

  it("reports a database it cannot reach, and tries again on the next call", async () => {
    process.env.DATABASE_URL = "postgres://nobody@127.0.0.1:1/nothing";
    await expect(getDb()).rejects.toThrow(/ECONNREFUSED/);
    const database = await createTestDatabase();
    try {
      process.env.DATABASE_URL = database.url;
      expect((await getDb()).driver).toBe("postgres");
      await closeDb();
    } finally {
      await database.drop();
    }
  });
});

describe("createDb", () => {
  it("opens an in-memory PGlite database when given no directory", async () => {
    const db = await createDb({ driver: "pglite" });
    try {
      expect(db.migrations).toEqual(ALL_MIGRATIONS);
      expect(await db.prisma.project.count()).toBe(0);
    } finally {
      await db.close();
    }
  });
});
