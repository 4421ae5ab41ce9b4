import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** One folder of prisma/migrations, as `prisma migrate deploy` reads it. */
export interface MigrationFile {
  name: string;
  sql: string;
  /** sha256 hex of migration.sql's bytes: what Prisma stores in _prisma_migrations.checksum. */
  checksum: string;
}

/** Where the app looks for migrations: the repository's prisma/migrations, from the working directory. */
export function defaultMigrationsDir(): string {
  return path.resolve(process.cwd(), "prisma", "migrations");
}

export function migrationChecksum(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Every `<dir>/<name>/migration.sql`, in name order (Prisma's names start with a UTC timestamp). */
export function readMigrations(migrationsDir: string): MigrationFile[] {
  if (!existsSync(migrationsDir)) {
    throw new Error(`migrations directory ${migrationsDir} does not exist (run from the repository root)`);
  }
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const file = path.join(migrationsDir, name, "migration.sql");
      if (!existsSync(file)) throw new Error(`migration ${name} has no migration.sql (${file})`);
      const bytes = readFileSync(file);
      return { name, sql: bytes.toString("utf8"), checksum: migrationChecksum(bytes) };
    });
}
