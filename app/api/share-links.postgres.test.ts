import { afterAll } from "vitest";
import { closeDb } from "@/lib/db/client";
import { createTestDatabase } from "@/lib/db/testing";
import { describeShareLinksApi } from "./share-links-suite";

// getDb() reads DATABASE_URL once per process: this file's worker has a database of its own.
const database = await createTestDatabase();
process.env.DATABASE_URL = database.url;

afterAll(async () => {
  await closeDb();
  await database.drop();
});

describeShareLinksApi("postgres");
