import type { ProjectRecord, ProjectSummary, RevisionSummary } from "../api/schemas";
import type { Prisma } from "../generated/prisma/client";
import {
  LevelSchema,
  type Project,
  ProjectShapeSchema,
  parseProject,
  slugify,
  zodIssuesToModelIssues,
} from "../model";
import type { Db } from "./client";
import { ConflictError, CorruptProjectError, NotFoundError } from "./errors";
import { newId } from "./ids";

/**
 * Projects and their revisions. Content is the model: it is validated with parseProject on the
 * way in (InvalidProjectError, nothing written) and again on the way out (CorruptProjectError),
 * so a row edited by hand or written by an older model never reaches a caller as a Project.
 */

export interface RevisionRecord {
  version: number;
  createdAt: string;
  author: string | null;
  message: string | null;
  project: Project;
}

export interface WriteOptions {
  author?: string;
  message?: string;
}

type DbHandle = Pick<Db, "prisma">;
type Tx = Prisma.TransactionClient;

interface StoredProject {
  id: string;
  name: string;
  slug: string;
  version: number;
  content: unknown;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * Content read back is parsed with the model's zod schema, so a row that no longer fits the model
 * never leaves the database layer. The cross-field checks ran when it was written (and the
 * validation endpoint runs them on demand); repeating them on every read would double a GET.
 */
function readContent(projectId: string, version: number, content: unknown): Project {
  const parsed = ProjectShapeSchema.safeParse(content);
  if (!parsed.success)
    throw new CorruptProjectError(projectId, version, zodIssuesToModelIssues(parsed.error));
  return parsed.data;
}

/** Every column but the content: what a write reads back, since it already has the content. */
const RECORD_COLUMNS = {
  id: true,
  name: true,
  slug: true,
  version: true,
  createdAt: true,
  updatedAt: true,
} as const;
type StoredColumns = Omit<StoredProject, "content">;

function recordOf(row: StoredColumns, project: Project): ProjectRecord<Project> {
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

function toRecord(row: StoredProject): ProjectRecord<Project> {
  return recordOf(row, readContent(row.id, row.version, row.content));
}

/** The columns kept beside the content, for listing without reading it. */
function columnsOf(project: Project): { name: string; slug: string; content: Prisma.InputJsonObject } {
  return {
    name: project.name,
    slug: project.slug ?? slugify(project.name),
    content: project as unknown as Prisma.InputJsonObject,
  };
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
    SELECT id, name, slug, version,
           content->>'level' AS level,
           jsonb_array_length(jsonb_path_query_array(content, '$.dashboards[*]')) AS dashboards,
           jsonb_array_length(
             jsonb_path_query_array(content, '$.ruleGroups[*].rules[*] ? (@.kind == "alert")')
           ) AS alert_rules,
           to_char(created_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at,
           to_char(updated_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS updated_at
      FROM projects
     ORDER BY updated_at DESC, id`;
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

/** Stores a new project at version 1, with revision 1. Throws InvalidProjectError for invalid input. */
export async function createProject(
  db: DbHandle,
  input: unknown,
  options: WriteOptions = {},
): Promise<ProjectRecord<Project>> {
  const project = parseProject(input);
  const columns = columnsOf(project);
  const id = newId();
  const row = await db.prisma.project.create({
    data: {
      id,
      ...columns,
      version: 1,
      revisions: {
        create: {
          id: newId(),
          version: 1,
          content: columns.content,
          author: options.author ?? null,
          message: options.message ?? null,
        },
      },
    },
    select: RECORD_COLUMNS,
  });
  return recordOf(row, project);
}

export async function getProject(db: DbHandle, id: string): Promise<ProjectRecord<Project> | null> {
  const row = await db.prisma.project.findUnique({ where: { id } });
  return row ? toRecord(row) : null;
}

/** What identifies a stored project's current content without reading it: its version and write time. */
export interface ProjectStamp {
  version: number;
  updatedAt: Date;
}

export async function getProjectStamp(db: DbHandle, id: string): Promise<ProjectStamp | null> {
  return db.prisma.project.findUnique({ where: { id }, select: { version: true, updatedAt: true } });
}

async function currentVersion(tx: Tx, id: string): Promise<number> {
  const row = await tx.project.findUnique({ where: { id }, select: { version: true } });
  if (!row) throw new NotFoundError(`no project "${id}"`);
  return row.version;
}

/**
 * Inserts the revision for the version just written; returns the stored project's columns. The
 * revision's content is copied from the row inside PostgreSQL: sending the same document again
 * would have it serialized, sent and parsed into JSONB a second time, most of a save's cost.
 */
async function recordRevision(
  tx: Tx,
  id: string,
  version: number,
  options: WriteOptions,
): Promise<StoredColumns> {
  await tx.$executeRaw`
    INSERT INTO revisions (id, project_id, version, content, author, message)
    SELECT ${newId()}, id, ${version}, content, ${options.author ?? null}, ${options.message ?? null}
    FROM projects WHERE id = ${id}`;
  return tx.project.findUniqueOrThrow({ where: { id }, select: RECORD_COLUMNS });
}

/**
 * Saves `input` as the next version, provided the stored project is still at `baseVersion`.
 * The version check and the write are one `UPDATE … WHERE id = ? AND version = ?`, so of several
 * saves from the same base exactly one wins; the others get ConflictError and write nothing.
 */
export async function updateProject(
  db: DbHandle,
  id: string,
  baseVersion: number,
  input: unknown,
  options: WriteOptions = {},
): Promise<ProjectRecord<Project>> {
  const project = parseProject(input);
  const columns = columnsOf(project);
  const row = await db.prisma.$transaction(async (tx) => {
    const updated = await tx.project.updateMany({
      where: { id, version: baseVersion },
      data: { ...columns, version: baseVersion + 1 },
    });
    if (updated.count === 0) {
      throw new ConflictError(id, baseVersion, await currentVersion(tx, id));
    }
    return recordRevision(tx, id, baseVersion + 1, options);
  });
  return recordOf(row, project);
}

/** Deletes the project and, by cascade, its revisions. False when there was no such project. */
export async function deleteProject(db: DbHandle, id: string): Promise<boolean> {
  const deleted = await db.prisma.project.deleteMany({ where: { id } });
  return deleted.count > 0;
}

/** The project's revisions, newest first. Throws NotFoundError when the project does not exist. */
export async function listRevisions(db: DbHandle, id: string): Promise<RevisionSummary[]> {
  const [project, revisions] = await db.prisma.$transaction([
    db.prisma.project.findUnique({ where: { id }, select: { id: true } }),
    db.prisma.revision.findMany({
      where: { projectId: id },
      select: { version: true, createdAt: true, author: true, message: true },
      orderBy: { version: "desc" },
    }),
  ]);
  if (!project) throw new NotFoundError(`no project "${id}"`);
  return revisions.map((revision) => ({
    ...revision,
    createdAt: revision.createdAt.toISOString(),
    changes: [],
  }));
}

export async function getRevision(db: DbHandle, id: string, version: number): Promise<RevisionRecord | null> {
  const row = await db.prisma.revision.findUnique({
    where: { projectId_version: { projectId: id, version } },
  });
  if (!row) return null;
  return {
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    author: row.author,
    message: row.message,
    project: readContent(id, row.version, row.content),
  };
}

/**
 * Saves an old revision's content as the project's next version (history is never rewritten).
 * The revision is validated like any write: one that no longer validates raises CorruptProjectError.
 */
export async function restoreRevision(
  db: DbHandle,
  id: string,
  version: number,
  options: WriteOptions = {},
): Promise<ProjectRecord<Project>> {
  const { row, project } = await db.prisma.$transaction(async (tx) => {
    const revision = await tx.revision.findUnique({
      where: { projectId_version: { projectId: id, version } },
      select: { content: true },
    });
    if (!revision) {
      await currentVersion(tx, id);
      throw new NotFoundError(`no revision ${version} of project "${id}"`);
    }
    const restored = readContent(id, version, revision.content);
    const columns = columnsOf(restored);
    // Incrementing in the UPDATE locks the row, so the revision below gets the version it wrote.
    const updated = await tx.project.update({
      where: { id },
      data: { ...columns, version: { increment: 1 } },
      select: { version: true },
    });
    const written = await recordRevision(tx, id, updated.version, {
      author: options.author,
      message: options.message ?? `restored version ${version}`,
    });
    return { row: written, project: restored };
  });
  return recordOf(row, project);
}
