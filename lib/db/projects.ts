import type { ProjectRecord, ProjectSummary } from "../api/schemas";
import { describeSectionChange } from "../history/change-summary";
import type { SectionChange } from "../history/section-change";
import {
  LevelSchema,
  type Project,
  ProjectShapeSchema,
  parseProject,
  sectionRefOf,
  slugify,
  zodIssuesToModelIssues,
} from "../model";
import type { Db } from "./client";
import { ConflictError, CorruptProjectError, NotFoundError } from "./errors";
import { newId } from "./ids";
import { readRevisionProject, recordRevision, savedByOf, type WriteContext } from "./revisions";
import {
  assembleDocument,
  layoutOf,
  type SectionRow,
  sameJson,
  sectionRowsOf,
  sortSectionRows,
} from "./section-rows";
import type { Tx } from "./tx";

/**
 * Projects, stored as one row per section (lib/model/sections.ts) under a row that holds the
 * version. Content is the model: it is validated with parseProject on the way in
 * (InvalidProjectError, nothing written) and parsed with the model's schema on the way out
 * (CorruptProjectError), so a row edited by hand or written by an older model never reaches a
 * caller as a Project. Section saves are in sections.ts; revisions in revisions.ts.
 */

export type { WriteContext } from "./revisions";

type DbHandle = Pick<Db, "prisma">;

/** Every column of the project row. */
const RECORD_COLUMNS = {
  id: true,
  name: true,
  slug: true,
  version: true,
  createdAt: true,
  updatedAt: true,
} as const;
export interface StoredColumns {
  id: string;
  name: string;
  slug: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export function recordOf(row: StoredColumns, project: Project): ProjectRecord<Project> {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    project,
  };
}

/** The columns kept beside the sections, for listing without reading them. */
export function columnsOf(project: Project): { name: string; slug: string } {
  return { name: project.name, slug: project.slug ?? slugify(project.name) };
}

/** Locks the project row for the rest of the transaction: saves of one project run one at a time. */
export async function lockProject(tx: Tx, id: string): Promise<StoredColumns> {
  const [row] = await tx.$queryRaw<StoredColumns[]>`
    SELECT id, name, slug, version, created_at AS "createdAt", updated_at AS "updatedAt"
      FROM projects WHERE id = ${id} FOR UPDATE`;
  if (!row) throw new NotFoundError(`no project "${id}"`);
  return row;
}

export async function readSectionRows(tx: Pick<Tx, "$queryRaw">, id: string): Promise<SectionRow[]> {
  const rows = await tx.$queryRaw<SectionRow[]>`
    SELECT key, position, content FROM project_sections WHERE project_id = ${id}`;
  return sortSectionRows(rows);
}

export function projectFromRows(id: string, version: number, rows: readonly SectionRow[]): Project {
  const parsed = ProjectShapeSchema.safeParse(assembleDocument(rows));
  if (!parsed.success) throw new CorruptProjectError(id, version, zodIssuesToModelIssues(parsed.error));
  return parsed.data;
}

interface SummaryRow {
  id: string;
  name: string;
  slug: string;
  version: number;
  level: string | null;
  dashboards: number;
  alert_rules: number;
  created_at: string;
  updated_at: string;
}

/** Every project, most recently saved first; counts are computed in SQL so no content is loaded. */
export async function listProjects(db: DbHandle): Promise<ProjectSummary[]> {
  const rows = await db.prisma.$queryRaw<SummaryRow[]>`
    SELECT p.id, p.name, p.slug, p.version,
           (SELECT s.content->>'level' FROM project_sections s
             WHERE s.project_id = p.id AND s.key = 'settings') AS level,
           (SELECT count(*) FROM project_sections s
             WHERE s.project_id = p.id AND s.key LIKE 'dashboard:%') AS dashboards,
           (SELECT COALESCE(sum(jsonb_array_length(
                     jsonb_path_query_array(s.content, '$.rules[*] ? (@.kind == "alert")'))), 0)
              FROM project_sections s
             WHERE s.project_id = p.id AND s.key LIKE 'rule-group:%') AS alert_rules,
           to_char(p.created_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at,
           to_char(p.updated_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS updated_at
      FROM projects p
     ORDER BY p.updated_at DESC, p.id`;
  return rows.map((row) => {
    const level = LevelSchema.safeParse(row.level);
    return {
      id: row.id,
      name: row.name,
      slug: row.slug,
      version: Number(row.version),
      level: level.success ? level.data : null,
      dashboards: Number(row.dashboards),
      alertRules: Number(row.alert_rules),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  });
}

async function insertSectionRows(
  tx: Tx,
  id: string,
  version: number,
  rows: readonly SectionRow[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO project_sections (project_id, key, position, content, changed_version)
    SELECT ${id}, r.key, r.position, r.content, ${version}
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(key text, position int, content jsonb)
    ON CONFLICT (project_id, key) DO UPDATE
       SET position = excluded.position, content = excluded.content, changed_version = excluded.changed_version`;
}

/** Stores a new project at version 1, with revision 1. Throws InvalidProjectError for invalid input. */
export async function createProject(
  db: DbHandle,
  input: unknown,
  context: WriteContext = {},
): Promise<ProjectRecord<Project>> {
  const project = parseProject(input);
  const id = newId();
  const now = context.now ?? new Date();
  const rows = sectionRowsOf(project);
  const row = await db.prisma.$transaction(async (tx) => {
    const created = await tx.project.create({
      data: { id, ...columnsOf(project), version: 1, createdAt: now, updatedAt: now },
      select: RECORD_COLUMNS,
    });
    await insertSectionRows(tx, id, 1, rows);
    await recordRevision(tx, {
      projectId: id,
      baseVersion: 0,
      version: 1,
      layout: layoutOf(rows),
      sections: rows,
      changes: [],
      context: { ...context, now },
    });
    return created;
  });
  return recordOf(row, project);
}

export async function getProject(db: DbHandle, id: string): Promise<ProjectRecord<Project> | null> {
  return db.prisma.$transaction(async (tx) => {
    const row = await tx.project.findUnique({ where: { id }, select: RECORD_COLUMNS });
    if (!row) return null;
    return recordOf(row, projectFromRows(id, row.version, await readSectionRows(tx, id)));
  });
}

/** What identifies a stored project's current content without reading it: its version and write time. */
export interface ProjectStamp {
  version: number;
  updatedAt: Date;
}

export async function getProjectStamp(db: DbHandle, id: string): Promise<ProjectStamp | null> {
  return db.prisma.project.findUnique({ where: { id }, select: { version: true, updatedAt: true } });
}

/**
 * Makes the stored sections those of `project` as version `version`: changed and new sections
 * are written with that version, moved ones get their new position, removed ones go. Returns
 * the revision's change list.
 */
async function replaceSections(
  tx: Tx,
  locked: StoredColumns,
  project: Project,
  context: WriteContext,
): Promise<StoredColumns> {
  const id = locked.id;
  const version = locked.version + 1;
  const now = context.now ?? new Date();
  const old = await readSectionRows(tx, id);
  const oldByKey = new Map(old.map((row) => [row.key, row]));
  const rows = sectionRowsOf(project);
  const newKeys = new Set(rows.map((row) => row.key));
  const changed = rows.filter((row) => {
    const before = oldByKey.get(row.key);
    return !before || !sameJson(before.content, row.content);
  });
  const moved = rows.filter((row) => {
    const before = oldByKey.get(row.key);
    return before && before.position !== row.position && !changed.includes(row);
  });
  const removed = old.filter((row) => !newKeys.has(row.key));

  await insertSectionRows(tx, id, version, changed);
  for (const row of moved) {
    await tx.$executeRaw`
      UPDATE project_sections SET position = ${row.position} WHERE project_id = ${id} AND key = ${row.key}`;
  }
  if (removed.length > 0) {
    await tx.$executeRaw`
      DELETE FROM project_sections WHERE project_id = ${id} AND key = ANY(${removed.map((row) => row.key)})`;
  }
  const updated = await tx.project.update({
    where: { id },
    data: { ...columnsOf(project), version, updatedAt: now },
    select: RECORD_COLUMNS,
  });
  const changes: SectionChange[] = [...changed, ...removed.map((row) => ({ ...row, content: undefined }))]
    .map((row) => describeSectionChange(sectionRefOf(row.key), oldByKey.get(row.key)?.content, row.content))
    .filter((change): change is SectionChange => change !== null);
  await recordRevision(tx, {
    projectId: id,
    baseVersion: locked.version,
    version,
    layout: layoutOf(rows),
    sections: [...changed, ...removed.map((row) => ({ key: row.key, content: null }))],
    changes,
    context: { ...context, now },
  });
  return updated;
}

/**
 * Saves `input` as the next version, provided the stored project is still at `baseVersion`: the
 * whole-project save, for import and restore. Sections save one at a time through sections.ts.
 * The row lock makes the version check and the write one step, so of several saves from the same
 * base exactly one wins; the others get ConflictError and write nothing.
 */
/**
 * Refuses a save made from an old version before it pays for anything else: versions only grow, so a
 * version read without the lock that differs from `baseVersion` can never match under it. Under 200
 * clients retrying on 409, stale saves that validated (and stored secrets) first kept the winners
 * waiting. The check under the lock (updateProject) still decides every race this one lets through.
 */
export async function refuseStaleVersion(db: DbHandle, id: string, baseVersion: number): Promise<void> {
  const [row] = await db.prisma.$queryRaw<{ version: number }[]>`
    SELECT version FROM projects WHERE id = ${id}`;
  if (!row) throw new NotFoundError(`no project "${id}"`);
  if (row.version !== baseVersion)
    throw new ConflictError(id, baseVersion, row.version, await savedByOf(db.prisma, id, row.version));
}

export async function updateProject(
  db: DbHandle,
  id: string,
  baseVersion: number,
  input: unknown,
  context: WriteContext = {},
): Promise<ProjectRecord<Project>> {
  const project = parseProject(input);
  const row = await db.prisma.$transaction(async (tx) => {
    const locked = await lockProject(tx, id);
    if (locked.version !== baseVersion)
      throw new ConflictError(id, baseVersion, locked.version, await savedByOf(tx, id, locked.version));
    return replaceSections(tx, locked, project, context);
  });
  return recordOf(row, project);
}

/**
 * Applies `change` to the latest version under the project's lock and saves what it changed, for
 * additive edits that may span sections (adding a catalog dashboard may add its datasource too).
 * `current` supplies the stored project at a version when the caller has it (the read cache).
 */
export async function changeProject(
  db: DbHandle,
  id: string,
  change: (current: Project) => Project,
  context: WriteContext,
  current?: (version: number) => Project | undefined,
): Promise<ProjectRecord<Project>> {
  const { row, project } = await db.prisma.$transaction(async (tx) => {
    const locked = await lockProject(tx, id);
    const before =
      current?.(locked.version) ?? projectFromRows(id, locked.version, await readSectionRows(tx, id));
    const next = parseProject(change(before));
    return { row: await replaceSections(tx, locked, next, context), project: next };
  });
  return recordOf(row, project);
}

/** Deletes the project and, by cascade, its sections and revisions. False when there was no such project. */
export async function deleteProject(db: DbHandle, id: string): Promise<boolean> {
  const deleted = await db.prisma.project.deleteMany({ where: { id } });
  return deleted.count > 0;
}

/**
 * Saves an old revision's content as the project's next version (history is never rewritten).
 * The revision is validated like any write: one that no longer validates raises InvalidProjectError.
 */
export async function restoreRevision(
  db: DbHandle,
  id: string,
  version: number,
  context: WriteContext = {},
): Promise<ProjectRecord<Project>> {
  const { row, project } = await db.prisma.$transaction(async (tx) => {
    const locked = await lockProject(tx, id);
    const revision = await tx.revision.findUnique({
      where: { projectId_version: { projectId: id, version } },
      select: { layout: true },
    });
    if (!revision) throw new NotFoundError(`no revision ${version} of project "${id}"`);
    const restored = parseProject(await readRevisionProject(tx, id, version, revision.layout));
    const written = await replaceSections(tx, locked, restored, {
      ...context,
      message: context.message ?? `restored version ${version}`,
    });
    return { row: written, project: restored };
  });
  return recordOf(row, project);
}

export { getRevision, listRevisions } from "./revisions";
