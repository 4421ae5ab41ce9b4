import { randomBytes } from "node:crypto";
import { afterAll } from "vitest";
import { closeDb } from "@/lib/db/client";
import { createTestDatabase } from "@/lib/db/testing";
import { describeSecretsApi } from "./secrets-suite";

// getDb() reads DATABASE_URL once per process; this file's worker has a database of its own, and
// the key comes from the environment, as a server on PostgreSQL is configured.
const database = await createTestDatabase();
process.env.DATABASE_URL = database.url;
process.env.OBSFORGE_SECRET_KEY = randomBytes(32).toString("base64");

afterAll(async () => {
  await closeDb();
  await database.drop();
});

describeSecretsApi("postgres");
