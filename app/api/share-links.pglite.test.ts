import { rmSync } from "node:fs";
import { afterAll } from "vitest";
import { closeDb } from "@/lib/db/client";
import { freshDataDir } from "@/lib/testing/route-calls";
import { describeShareLinksApi } from "./share-links-suite";

const dataDir = freshDataDir("obsforge-share-links");

afterAll(async () => {
  await closeDb();
  rmSync(dataDir, { recursive: true, force: true });
});

describeShareLinksApi("pglite");
