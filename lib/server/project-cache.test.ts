import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProject, deleteProject, getProject, updateProject } from "../db/projects";
import { type OpenTestDb, openTestDb, TEST_DRIVERS } from "../db/testing";
import { smallProject } from "../generate/testdata/small-project";
import {
  type CachedProject,
  forgetProject,
  ProjectCache,
  readProjectJson,
  readProjectRecord,
  readRecentProjectRecord,
  recentProjectRecord,
  rememberProject,
} from "./project-cache";

describe.each(TEST_DRIVERS)("a project's GET body on %s", (driver) => {
  let handle: OpenTestDb;

  beforeAll(async () => {
    handle = await openTestDb(driver);
  });
  afterAll(async () => {
    await handle?.dispose();
  });

  it("is the stored record, served again from the cache while its version stands", async () => {
    const { db } = handle;
    const cache = new ProjectCache(10 * 1024 * 1024);
    const created = await createProject(db, smallProject());
    const first = await readProjectJson(db, created.id, cache);
    expect(first && JSON.parse(first.json)).toEqual(await getProject(db, created.id));
    expect(first?.etag).toBe(`"${created.id}-1"`);
    expect(await readProjectJson(db, created.id, cache)).toBe(first);

    await updateProject(db, created.id, 1, { ...smallProject(), name: "Renamed" });
    const second = await readProjectJson(db, created.id, cache);
    expect(second?.etag).toBe(`"${created.id}-2"`);
    expect(second && JSON.parse(second.json).project.name).toBe("Renamed");
    expect(cache.size.entries).toBe(1);

    await deleteProject(db, created.id);
    expect(await readProjectJson(db, created.id, cache)).toBeNull();
    expect(cache.size).toEqual({ entries: 0, chars: 0 });
  });

  it("reads the stored record once, checked and frozen, while its version stands", async () => {
    const { db } = handle;
    const cache = new ProjectCache(10 * 1024 * 1024);
    const created = await createProject(db, smallProject());
    const record = await readProjectRecord(db, created.id, cache);
    expect(record).toEqual(await getProject(db, created.id));
    expect(await readProjectRecord(db, created.id, cache)).toBe(record);
    expect(Object.isFrozen(record?.project.dashboards[0])).toBe(true);
    expect(() => {
      (record?.project as { name: string }).name = "Changed in place";
    }).toThrow(TypeError);
    expect(await readProjectRecord(db, "no-such-project", cache)).toBeNull();
  });

  it("does not serve another process's older copy after a save it did not see", async () => {
    const { db } = handle;
    const created = await createProject(db, smallProject());
    const mine = new ProjectCache(10 * 1024 * 1024);
    await readProjectJson(db, created.id, mine);
    // Another app process saves: this process's cache is not told.
    await updateProject(db, created.id, 1, { ...smallProject(), name: "Saved elsewhere" });
    const read = await readProjectJson(db, created.id, mine);
    expect(read && JSON.parse(read.json).project.name).toBe("Saved elsewhere");
  });
});

describe.each(TEST_DRIVERS)("a project read for the preview on %s", (driver) => {
  let handle: OpenTestDb;
  const HOUR = 3_600_000;

  beforeAll(async () => {
    handle = await openTestDb(driver);
  });
  afterAll(async () => {
    await handle?.dispose();
  });

  it("is the checked record, taken again without a check while the check is recent", async () => {
    const { db } = handle;
    const cache = new ProjectCache(10 * 1024 * 1024);
    const created = await createProject(db, smallProject());
    const record = await readRecentProjectRecord(db, created.id, HOUR, cache);
    expect(record).toEqual(await getProject(db, created.id));
    // Another process saves: a recent read keeps what it checked, a read that wants it current does not.
    await updateProject(db, created.id, 1, { ...smallProject(), name: "Saved elsewhere" });
    expect(await readRecentProjectRecord(db, created.id, HOUR, cache)).toBe(record);
    const current = await readRecentProjectRecord(db, created.id, 0, cache);
    expect(current?.project.name).toBe("Saved elsewhere");
    expect(await readRecentProjectRecord(db, created.id, HOUR, cache)).toBe(current);
    expect(await readRecentProjectRecord(db, "no-such-project", HOUR, cache)).toBeNull();
    // Without the database: what a recent read would answer, or nothing when the stamp must be checked.
    expect(recentProjectRecord(created.id, HOUR, cache)).toBe(current);
    expect(recentProjectRecord(created.id, 0, cache)).toBeUndefined();
    expect(recentProjectRecord("no-such-project", HOUR, cache)).toBeUndefined();
  });

  it("shares one check among reads that arrive together", async () => {
    const { db } = handle;
    const cache = new ProjectCache(10 * 1024 * 1024);
    const created = await createProject(db, smallProject());
    const reads = await Promise.all(
      Array.from({ length: 8 }, () => readRecentProjectRecord(db, created.id, HOUR, cache)),
    );
    // Separate reads would each have made their own frozen record.
    for (const read of reads) expect(read).toBe(reads[0]);
    expect(cache.checks.size).toBe(0);
  });

  it("sees this process's saves and deletions at once", async () => {
    const { db } = handle;
    const cache = new ProjectCache(10 * 1024 * 1024);
    const created = await createProject(db, smallProject());
    await readRecentProjectRecord(db, created.id, HOUR, cache);
    const saved = await updateProject(db, created.id, 1, { ...smallProject(), name: "Saved here" });
    rememberProject(saved, cache);
    expect(await readRecentProjectRecord(db, created.id, HOUR, cache)).toBe(saved);
    await deleteProject(db, created.id);
    forgetProject(created.id, cache);
    expect(await readRecentProjectRecord(db, created.id, HOUR, cache)).toBeNull();
  });

  it("does not put back an older version read while this process saved a newer one", async () => {
    const { db } = handle;
    const cache = new ProjectCache(10 * 1024 * 1024);
    const created = await createProject(db, smallProject());
    const reading = readRecentProjectRecord(db, created.id, HOUR, cache);
    const saved = await updateProject(db, created.id, 1, { ...smallProject(), name: "Saved meanwhile" });
    rememberProject(saved, cache);
    const read = await reading;
    expect([1, 2]).toContain(read?.version);
    expect(await readRecentProjectRecord(db, created.id, HOUR, cache)).toBe(saved);
  });
});

describe("ProjectCache", () => {
  const entry = (stamp: string, json: string): CachedProject => ({
    stamp,
    record: JSON.parse(`{"json":${JSON.stringify(json)}}`),
    response: { json, etag: `"${json.length}"` },
  });

  it("evicts the least recently used entries beyond its size", () => {
    const cache = new ProjectCache(10);
    cache.set("a", entry("1", "aaaa"));
    cache.set("b", entry("1", "bbbb"));
    expect(cache.get("a", "1")).toBeDefined();
    cache.set("c", entry("1", "cccc"));
    expect(cache.get("b", "1")).toBeUndefined();
    expect(cache.get("a", "1")).toBeDefined();
    expect(cache.size).toEqual({ entries: 2, chars: 8 });
  });

  it("keeps nothing larger than itself and answers only for the same stamp", () => {
    const cache = new ProjectCache(3);
    cache.set("a", entry("1", "aaaa"));
    expect(cache.size.entries).toBe(0);
    cache.set("b", entry("1", "bb"));
    expect(cache.get("b", "2")).toBeUndefined();
    expect(cache.get("b", "1")?.response.json).toBe("bb");
  });
});
