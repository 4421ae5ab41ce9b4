import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectFromTemplate } from "../catalog/templates";
import { smallProject } from "../generate/testdata/small-project";
import { defaultAlertmanagerSettings, type Project, parseProject, type SectionRef, slugify } from "../model";
import { createDb, type Db } from "./client";
import { SectionConflictError } from "./errors";
import { newId } from "./ids";
import { migrate } from "./migrate";
import { getProject, getRevision, listProjects, listRevisions, updateProject } from "./projects";
import { getSection, saveSection } from "./sections";
import { pgliteSqlDatabase, pgPoolSqlDatabase, type SqlDatabase } from "./sql";
import {
  ALL_MIGRATIONS,
  createTestDatabase,
  INIT_MIGRATION,
  MIGRATIONS_DIR,
  TEST_DRIVERS,
  type TestDriver,
} from "./testing";

/**
 * The migration that split projects into sections (20261203082754_project_sections), run on data
 * written in the layout before it: one JSONB `content` per project and per revision, as the app
 * stored them then. Every project and every revision must read back exactly as stored, and the
 * migrated data must take section saves and whole saves.
 */

interface OldRevision {
  project: Project;
  author: string | null;
  message: string | null;
  /** UTC, as Prisma writes TIMESTAMP(3) columns. */
  at: string;
}

interface OldProject {
  id: string;
  revisions: OldRevision[];
}

function latest(project: OldProject): OldRevision {
  const last = project.revisions.at(-1);
  if (!last) throw new Error("a project has at least one revision");
  return last;
}

const iso = (at: string): string => `${at.replace(" ", "T")}Z`;

/** Projects as users made them, each with revisions that differ in several sections. */
function oldProjects(): OldProject[] {
  const basic = parseProject(projectFromTemplate({ name: "Basic shop", level: "basic" }));
  const basic2 = parseProject({
    ...basic,
    retention: { ...basic.retention, metrics: "45d" },
    dashboards: basic.dashboards.map((dashboard, index) =>
      index === 0 ? { ...dashboard, title: `${dashboard.title} (edited)`, description: "edited" } : dashboard,
    ),
  });
  const basic3 = parseProject({
    ...basic2,
    name: "Basic shop, renamed",
    dashboards: [...basic2.dashboards].reverse(),
    ruleGroups: basic2.ruleGroups.slice(1),
  });

  const enterprise = parseProject(
    projectFromTemplate({ name: "Enterprise shop", level: "enterprise", version: "v1" }),
  );
  const enterprise2 = parseProject({
    ...enterprise,
    dashboards: [...enterprise.dashboards].reverse(),
    ruleGroups: [...enterprise.ruleGroups].reverse(),
    receivers: [...enterprise.receivers, { name: "pager", integrations: [] }],
  });

  const small = smallProject();
  const small2 = parseProject({
    ...small,
    ruleGroups: [...small.ruleGroups, { name: "extra.rules", rules: [] }],
  });
  const small3 = parseProject({
    ...small2,
    environment: "staging",
    dashboards: small2.dashboards.map((dashboard) => ({
      ...dashboard,
      tags: [...dashboard.tags, "migrated"],
    })),
  });

  return [
    {
      id: newId(),
      revisions: [
        {
          project: basic,
          author: null,
          message: "created from the basic template",
          at: "2026-11-24 09:00:00.000",
        },
        { project: basic2, author: "ana", message: null, at: "2026-11-24 09:30:00.125" },
        { project: basic3, author: "bo", message: "reordered", at: "2026-11-25 16:45:10.500" },
      ],
    },
    {
      id: newId(),
      revisions: [
        { project: enterprise, author: null, message: null, at: "2026-11-26 08:00:00.000" },
        { project: enterprise2, author: "ana", message: "pager receiver", at: "2026-11-27 12:00:00.000" },
      ],
    },
    {
      id: newId(),
      revisions: [
        { project: small, author: "cy", message: "imported", at: "2026-11-28 10:00:00.000" },
        { project: small2, author: "cy", message: null, at: "2026-11-28 10:05:00.000" },
        { project: small3, author: null, message: "staging", at: "2026-11-29 11:00:00.000" },
      ],
    },
  ];
}

/** Writes projects as the app did before sections: the whole project in `content`, per revision too. */
async function insertOldLayout(sql: SqlDatabase, projects: readonly OldProject[]): Promise<void> {
  await sql.withSession(async (session) => {
    for (const project of projects) {
      const last = latest(project);
      const first = project.revisions[0] ?? last;
      await session.query(
        `INSERT INTO projects (id, name, slug, version, content, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6::timestamp, $7::timestamp)`,
        [
          project.id,
          last.project.name,
          last.project.slug ?? slugify(last.project.name),
          project.revisions.length,
          JSON.stringify(last.project),
          first.at,
          last.at,
        ],
      );
      for (const [index, revision] of project.revisions.entries()) {
        await session.query(
          `INSERT INTO revisions (id, project_id, version, content, author, message, created_at)
           VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7::timestamp)`,
          [
            newId(),
            project.id,
            index + 1,
            JSON.stringify(revision.project),
            revision.author,
            revision.message,
            revision.at,
          ],
        );
      }
    }
  });
}

interface LegacyDatabase {
  /** A connection for the app's migrator and the old-layout inserts. */
  sql: SqlDatabase;
  /** Closes that connection and opens the database as the app does. */
  reopen(): Promise<Db>;
  dispose(): Promise<void>;
}

/** An empty database that can be closed and opened again: PGlite in a directory, or one on the test server. */
async function openLegacyDatabase(driver: TestDriver): Promise<LegacyDatabase> {
  let db: Db | undefined;
  if (driver === "pglite") {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "obsforge-sections-migration-"));
    const pglite = new PGlite(dataDir);
    return {
      sql: pgliteSqlDatabase(pglite),
      reopen: async () => {
        await pglite.close();
        db = await createDb({ driver: "pglite", dataDir });
        return db;
      },
      dispose: async () => {
        if (!pglite.closed) await pglite.close();
        await db?.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const database = await createTestDatabase();
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  let poolOpen = true;
  const endPool = async (): Promise<void> => {
    if (poolOpen) await pool.end();
    poolOpen = false;
  };
  return {
    sql: pgPoolSqlDatabase(pool),
    reopen: async () => {
      await endPool();
      db = await createDb({ driver: "postgres", url: database.url });
      return db;
    },
    dispose: async () => {
      await endPool();
      await db?.close();
      await database.drop();
    },
  };
}

const dashboardRef = (uid: string): SectionRef => ({ kind: "dashboard", uid });

describe.each(TEST_DRIVERS)("the project-sections migration on %s", (driver) => {
  let legacy: LegacyDatabase;
  let db: Db;
  let scratch: string;
  const projects = oldProjects();

  beforeAll(async () => {
    legacy = await openLegacyDatabase(driver);
    // A migrations directory holding only the first migration: the schema the old rows were written in.
    scratch = mkdtempSync(path.join(os.tmpdir(), "obsforge-init-only-"));
    cpSync(path.join(MIGRATIONS_DIR, INIT_MIGRATION), path.join(scratch, INIT_MIGRATION), {
      recursive: true,
    });
    expect(await migrate(legacy.sql, scratch)).toEqual([INIT_MIGRATION]);
    await insertOldLayout(legacy.sql, projects);
    // The app's migrator applies the rest, as at start-up.
    expect(await migrate(legacy.sql, MIGRATIONS_DIR)).toEqual(ALL_MIGRATIONS);
    db = await legacy.reopen();
  });
  afterAll(async () => {
    await legacy?.dispose();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it("leaves every migration applied and nothing pending", () => {
    expect(db.migrations).toEqual(ALL_MIGRATIONS);
  });

  it("reads every project back as it was stored, dashboards and rule groups in their order", async () => {
    for (const project of projects) {
      const last = latest(project);
      const first = project.revisions[0] ?? last;
      const record = await getProject(db, project.id);
      expect(record).toEqual({
        id: project.id,
        name: last.project.name,
        slug: last.project.slug ?? slugify(last.project.name),
        version: project.revisions.length,
        createdAt: iso(first.at),
        updatedAt: iso(last.at),
        project: last.project,
      });
      expect(record?.project.dashboards.map((dashboard) => dashboard.uid)).toEqual(
        last.project.dashboards.map((dashboard) => dashboard.uid),
      );
      expect(record?.project.ruleGroups.map((group) => group.name)).toEqual(
        last.project.ruleGroups.map((group) => group.name),
      );
    }
  });

  it("reads every revision back as it was stored, with its author, message and time", async () => {
    for (const project of projects) {
      const summaries = await listRevisions(db, project.id);
      expect(summaries).toEqual(
        project.revisions
          .map((revision, index) => ({
            version: index + 1,
            createdAt: iso(revision.at),
            author: revision.author,
            message: revision.message,
            changes: [],
          }))
          .reverse(),
      );
      for (const [index, revision] of project.revisions.entries()) {
        expect(await getRevision(db, project.id, index + 1)).toEqual({
          version: index + 1,
          createdAt: iso(revision.at),
          author: revision.author,
          message: revision.message,
          changes: [],
          project: revision.project,
        });
      }
    }
  });

  it("lists the projects with their counts, most recently saved first", async () => {
    const expected = projects
      .map((project) => {
        const last = latest(project);
        return {
          id: project.id,
          name: last.project.name,
          slug: last.project.slug ?? slugify(last.project.name),
          version: project.revisions.length,
          level: last.project.level ?? null,
          dashboards: last.project.dashboards.length,
          alertRules: last.project.ruleGroups
            .flatMap((group) => group.rules)
            .filter((rule) => rule.kind === "alert").length,
          createdAt: iso(project.revisions[0]?.at ?? last.at),
          updatedAt: iso(last.at),
        };
      })
      .reverse();
    expect(await listProjects(db)).toEqual(expected);
  });

  it("reads each section on its own, as last changed by the version the project is at", async () => {
    for (const project of projects) {
      const last = latest(project);
      const version = project.revisions.length;
      // `alertmanager` came later: it belongs to the alerting section, which the migration stored
      // without it; reading the section defaults it, as reading the project does.
      const { dashboards, ruleGroups, receivers, route, inhibitRules, alertmanager, ...settings } =
        last.project;
      expect(await getSection(db, project.id, { kind: "settings" })).toEqual({
        version,
        sectionVersion: version,
        content: settings,
      });
      expect(await getSection(db, project.id, { kind: "alerting" })).toEqual({
        version,
        sectionVersion: version,
        content: { receivers, route, inhibitRules, alertmanager: defaultAlertmanagerSettings() },
      });
      for (const dashboard of dashboards) {
        expect(await getSection(db, project.id, dashboardRef(dashboard.uid))).toEqual({
          version,
          sectionVersion: version,
          content: dashboard,
        });
      }
      for (const group of ruleGroups) {
        expect(await getSection(db, project.id, { kind: "rule-group", name: group.name })).toEqual({
          version,
          sectionVersion: version,
          content: group,
        });
      }
    }
  });

  it("takes a section save and then a whole save on the migrated data, keeping the old revisions", async () => {
    for (const project of projects) {
      const last = latest(project).project;
      const version = project.revisions.length;
      const [first, second] = last.dashboards;
      if (!first) throw new Error("every project here has a dashboard");

      // No section history exists before the migration: each section counts as changed at the
      // version the project was at, so a save from an older version conflicts.
      if (version > 1) {
        await expect(
          saveSection(db, project.id, dashboardRef(first.uid), version - 1, { ...first, title: "Stale" }, {}),
        ).rejects.toBeInstanceOf(SectionConflictError);
      }

      const edited = { ...first, title: "After the migration" };
      const saved = await saveSection(db, project.id, dashboardRef(first.uid), version, edited, {
        author: "dee",
      });
      expect(saved.changed).toBe(true);
      expect(saved.section).toEqual({ version: version + 1, sectionVersion: version + 1, content: edited });
      const afterSection = parseProject({
        ...last,
        dashboards: last.dashboards.map((dashboard) => (dashboard.uid === first.uid ? edited : dashboard)),
      });
      expect((await getProject(db, project.id))?.project).toEqual(afterSection);
      if (second) {
        expect(await getSection(db, project.id, dashboardRef(second.uid))).toMatchObject({
          version: version + 1,
          sectionVersion: version,
        });
      }

      const whole = parseProject({ ...afterSection, ruleGroups: [...afterSection.ruleGroups].reverse() });
      const updated = await updateProject(db, project.id, version + 1, whole, { message: "whole save" });
      expect(updated.version).toBe(version + 2);
      expect((await getProject(db, project.id))?.project).toEqual(whole);

      const summaries = await listRevisions(db, project.id);
      expect(summaries.map((summary) => summary.version)).toEqual([
        version + 2,
        version + 1,
        ...project.revisions.map((_, index) => index + 1).reverse(),
      ]);
      expect(summaries[1]).toMatchObject({
        author: "dee",
        message: null,
        changes: [expect.objectContaining({ key: `dashboard:${first.uid}` })],
      });
      expect(summaries[0]?.message).toBe("whole save");
      expect((await getRevision(db, project.id, version + 2))?.project).toEqual(whole);
      expect((await getRevision(db, project.id, version + 1))?.project).toEqual(afterSection);
      for (const [index, revision] of project.revisions.entries()) {
        expect((await getRevision(db, project.id, index + 1))?.project).toEqual(revision.project);
      }
    }
  });
});
