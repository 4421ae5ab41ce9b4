import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { smallProject } from "../generate/testdata/small-project";
import { InvalidProjectError, type Project } from "../model";
import type { Db } from "./client";
import { ConflictError, CorruptProjectError, NotFoundError } from "./errors";
import {
  createProject,
  deleteProject,
  getProject,
  getRevision,
  listProjects,
  listRevisions,
  restoreRevision,
  updateProject,
} from "./projects";
import { ALL_MIGRATIONS, type OpenTestDb, openTestDb, TEST_DRIVERS } from "./testing";

function renamed(name: string): Project {
  return { ...smallProject(), name };
}

/** Same datasource uid twice: a cross-field error the model reports at datasources[1].uid. */
function invalidProject(): unknown {
  const project = smallProject();
  const first = project.datasources[0];
  if (!first) throw new Error("the small project has datasources");
  return { ...project, datasources: [first, { ...first }] };
}

describe.each(TEST_DRIVERS)("project repository on %s", (driver) => {
  let handle: OpenTestDb;
  let db: Db;

  beforeAll(async () => {
    handle = await openTestDb(driver);
    db = handle.db;
  });
  afterAll(async () => {
    await handle?.dispose();
  });

  it("reports the database it runs on", () => {
    expect(db.driver).toBe(driver);
    expect(db.migrations).toEqual(ALL_MIGRATIONS);
  });

  it("creates a project at version 1 with revision 1, and reads it back", async () => {
    const created = await createProject(db, smallProject(), { author: "ana", message: "created" });
    expect(created.id).toMatch(/^[a-z0-9]{25}$/);
    expect(created).toMatchObject({ name: "Shop API", slug: "shop-api", version: 1 });
    expect(created.project).toEqual(smallProject());
    expect(new Date(created.createdAt).toISOString()).toBe(created.createdAt);
    expect(created.updatedAt).toBe(created.createdAt);

    expect(await getProject(db, created.id)).toEqual(created);
    expect(await listRevisions(db, created.id)).toEqual([
      { version: 1, createdAt: expect.any(String), author: "ana", message: "created", changes: [] },
    ]);
    const revision = await getRevision(db, created.id, 1);
    expect(revision).toMatchObject({ version: 1, author: "ana", message: "created" });
    expect(revision?.project).toEqual(smallProject());
  });

  it("answers null / false / NotFoundError for a project that does not exist", async () => {
    expect(await getProject(db, "doesnotexist0000000000000")).toBeNull();
    expect(await getRevision(db, "doesnotexist0000000000000", 1)).toBeNull();
    expect(await deleteProject(db, "doesnotexist0000000000000")).toBe(false);
    await expect(listRevisions(db, "doesnotexist0000000000000")).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateProject(db, "doesnotexist0000000000000", 1, smallProject())).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(restoreRevision(db, "doesnotexist0000000000000", 1)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("lists summaries with dashboard and alerting-rule counts, most recently saved first", async () => {
    const older = await createProject(db, renamed("Older"));
    const newer = await createProject(db, { ...renamed("Newer"), level: "enterprise", slug: "custom-slug" });
    const summaries = await listProjects(db);
    const project = smallProject();
    const alertRules = project.ruleGroups
      .flatMap((group) => group.rules)
      .filter((rule) => rule.kind === "alert");
    expect(alertRules.length).toBe(2);
    expect(summaries.find((summary) => summary.id === newer.id)).toEqual({
      id: newer.id,
      name: "Newer",
      slug: "custom-slug",
      version: 1,
      level: "enterprise",
      dashboards: project.dashboards.length,
      alertRules: alertRules.length,
      createdAt: newer.createdAt,
      updatedAt: newer.updatedAt,
    });
    const ids = summaries.map((summary) => summary.id);
    expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(older.id));

    const { level: _level, ...withoutLevel } = smallProject();
    const empty = await createProject(db, { ...withoutLevel, name: "Empty", dashboards: [], ruleGroups: [] });
    expect(summaries.length + 1).toBe((await listProjects(db)).length);
    expect((await listProjects(db)).find((summary) => summary.id === empty.id)).toMatchObject({
      level: null,
      dashboards: 0,
      alertRules: 0,
    });
  });

  it("updates from the current version: version + 1, a new revision, the old one kept", async () => {
    const created = await createProject(db, smallProject());
    const updated = await updateProject(db, created.id, 1, renamed("Shop API v2"), { message: "renamed" });
    expect(updated).toMatchObject({ id: created.id, version: 2, name: "Shop API v2", slug: "shop-api-v2" });
    expect(updated.createdAt).toBe(created.createdAt);
    expect(Date.parse(updated.updatedAt)).toBeGreaterThanOrEqual(Date.parse(created.updatedAt));
    expect(await getProject(db, created.id)).toEqual(updated);
    expect(
      (await listRevisions(db, created.id)).map((revision) => [revision.version, revision.message]),
    ).toEqual([
      [2, "renamed"],
      [1, null],
    ]);
    expect((await getRevision(db, created.id, 1))?.project.name).toBe("Shop API");
    expect((await getRevision(db, created.id, 2))?.project.name).toBe("Shop API v2");
    expect(await getRevision(db, created.id, 3)).toBeNull();
  });

  it("rejects a stale update with ConflictError carrying the current version, overwriting nothing", async () => {
    const created = await createProject(db, smallProject());
    const current = await updateProject(db, created.id, 1, renamed("Saved by Bob"));
    const stale = updateProject(db, created.id, 1, renamed("Saved by Ana from version 1"));
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await expect(stale).rejects.toMatchObject({ currentVersion: 2, baseVersion: 1, projectId: created.id });
    expect(await getProject(db, created.id)).toEqual(current);
    expect((await listRevisions(db, created.id)).map((revision) => revision.version)).toEqual([2, 1]);
  });

  it("lets exactly one of several concurrent updates from the same base win", async () => {
    const created = await createProject(db, smallProject());
    const attempts = await Promise.allSettled(
      ["A", "B", "C", "D", "E"].map((who) => updateProject(db, created.id, 1, renamed(`Saved by ${who}`))),
    );
    const winners = attempts.filter((attempt) => attempt.status === "fulfilled");
    const losers = attempts.filter((attempt) => attempt.status === "rejected");
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(4);
    for (const loser of losers) {
      expect(loser.reason).toBeInstanceOf(ConflictError);
      expect(loser.reason).toMatchObject({ currentVersion: 2 });
    }
    const stored = await getProject(db, created.id);
    expect(stored?.version).toBe(2);
    expect(stored?.name).toBe(winners[0]?.status === "fulfilled" ? winners[0].value.name : "?");
    expect((await listRevisions(db, created.id)).map((revision) => revision.version)).toEqual([2, 1]);
  });

  it("rejects an invalid project with the model's issues and leaves the stored one unchanged", async () => {
    const created = await createProject(db, smallProject());
    const attempt = updateProject(db, created.id, 1, invalidProject());
    await expect(attempt).rejects.toBeInstanceOf(InvalidProjectError);
    const error = await attempt.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(InvalidProjectError);
    expect((error as InvalidProjectError).issues).toContainEqual(
      expect.objectContaining({ path: "datasources[1].uid", severity: "error" }),
    );
    expect(await getProject(db, created.id)).toEqual(created);
    expect(await listRevisions(db, created.id)).toHaveLength(1);

    const before = (await listProjects(db)).length;
    await expect(createProject(db, { name: "" })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: "name" })],
    });
    expect((await listProjects(db)).length).toBe(before);
  });

  it("restores an old revision as a new version, keeping the history", async () => {
    const created = await createProject(db, smallProject());
    await updateProject(db, created.id, 1, renamed("Second"));
    const restored = await restoreRevision(db, created.id, 1, { author: "ana" });
    expect(restored).toMatchObject({ version: 3, name: "Shop API" });
    expect(restored.project).toEqual(smallProject());
    expect(await listRevisions(db, created.id)).toEqual([
      expect.objectContaining({ version: 3, author: "ana", message: "restored version 1" }),
      expect.objectContaining({ version: 2 }),
      expect.objectContaining({ version: 1 }),
    ]);
    await expect(restoreRevision(db, created.id, 9)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getProject(db, created.id))?.version).toBe(3);
  });

  it("deletes a project and, by cascade, its revisions", async () => {
    const created = await createProject(db, smallProject());
    await updateProject(db, created.id, 1, renamed("Second"));
    expect(await db.prisma.revision.count({ where: { projectId: created.id } })).toBe(2);
    expect(await deleteProject(db, created.id)).toBe(true);
    expect(await getProject(db, created.id)).toBeNull();
    expect(await db.prisma.revision.count({ where: { projectId: created.id } })).toBe(0);
    expect(await deleteProject(db, created.id)).toBe(false);
  });

  it("validates content read back: a row that no longer validates raises CorruptProjectError", async () => {
    const created = await createProject(db, smallProject());
    await db.prisma.$executeRaw`
      UPDATE project_sections SET content = jsonb_set(content, '{scrapeInterval}', '"soon"')
       WHERE project_id = ${created.id} AND key = 'settings'`;
    await db.prisma.$executeRaw`
      UPDATE revision_sections SET content = '{"name": 42}' WHERE project_id = ${created.id} AND key = 'settings'`;

    const read = getProject(db, created.id);
    await expect(read).rejects.toBeInstanceOf(CorruptProjectError);
    await expect(read).rejects.toThrow(`stored project ${created.id} (version 1)`);
    await expect(read).rejects.toThrow("scrapeInterval");
    await expect(getRevision(db, created.id, 1)).rejects.toThrow(/name/);
    await expect(restoreRevision(db, created.id, 1)).rejects.toBeInstanceOf(CorruptProjectError);
    await expect(updateProject(db, created.id, 1, smallProject())).resolves.toMatchObject({ version: 2 });
  });
});
