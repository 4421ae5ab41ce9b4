import type { RevisionSummary } from "../api/schemas";
import { type SectionChange, SectionChangeSchema } from "../history/section-change";
import { type Project, ProjectShapeSchema, type SectionKey, zodIssuesToModelIssues } from "../model";
import type { Db } from "./client";
import { CorruptProjectError, NotFoundError, type SavedBy } from "./errors";
import { newId } from "./ids";
import { assembleDocument } from "./section-rows";
import type { Tx } from "./tx";

/**
 * Revisions: one per save, except that autosaves by one author of one section coalesce into one
 * revision until a pause of COALESCE_WINDOW_MS, another author, another section, or a save with
 * a message. A revision keeps only the sections it changed (revision_sections); the project at a
 * revision is rebuilt from its layout and the latest section rows at or before its version.
 */

/** A pause longer than this between two autosaves of one section starts a new revision. */
export const COALESCE_WINDOW_MS = 5 * 60 * 1000;

/** Who saves, and why: the revision's author and message. */
export interface WriteContext {
  /** The signed-in account's name; null or absent for anonymous (until accounts exist). */
  author?: string | null;
  /** A message makes the save a revision of its own, never coalesced. */
  message?: string;
  /** When the save happens; the clock is read once, by the caller. */
  now?: Date;
  /** Overrides COALESCE_WINDOW_MS (tests). */
  coalesceWindowMs?: number;
}

export interface RevisionRecord {
  version: number;
  createdAt: string;
  author: string | null;
  message: string | null;
  changes: SectionChange[];
  project: Project;
}

/** One section the save wrote: its content, or null when the save removed it. */
export interface WrittenSection {
  key: SectionKey;
  content: unknown;
}

export interface NewRevision {
  projectId: string;
  /** The version before the save, and the one it wrote. */
  baseVersion: number;
  version: number;
  layout: SectionKey[];
  sections: WrittenSection[];
  changes: SectionChange[];
  context: WriteContext;
  /**
   * For a save of one section without a message: how to describe the change from where the
   * revision it may coalesce into began (`before` is undefined when the section did not exist).
   */
  coalesce?: { key: SectionKey; describe: (before: unknown) => SectionChange | null };
}

interface LatestRevision {
  id: string;
  version: number;
  base_version: number;
  author: string | null;
  message: string | null;
  changes: unknown;
  updated_at: Date;
}

function parseChanges(value: unknown): SectionChange[] {
  const parsed = SectionChangeSchema.array().safeParse(value);
  return parsed.success ? parsed.data : [];
}

async function coalesceInto(tx: Tx, revision: NewRevision, now: Date): Promise<boolean> {
  const { coalesce, context } = revision;
  if (!coalesce || context.message !== undefined) return false;
  const [latest] = await tx.$queryRaw<LatestRevision[]>`
    SELECT id, version, base_version, author, message, changes, updated_at
      FROM revisions WHERE project_id = ${revision.projectId}
     ORDER BY version DESC LIMIT 1`;
  if (!latest || latest.version !== revision.baseVersion || latest.message !== null) return false;
  if (latest.author !== (context.author ?? null)) return false;
  const keys = parseChanges(latest.changes).map((change) => change.key);
  if (keys.length !== 1 || keys[0] !== coalesce.key) return false;
  const window = context.coalesceWindowMs ?? COALESCE_WINDOW_MS;
  if (now.getTime() - new Date(latest.updated_at).getTime() > window) return false;

  const [before] = await tx.$queryRaw<{ content: unknown }[]>`
    SELECT content FROM revision_sections
     WHERE project_id = ${revision.projectId} AND key = ${coalesce.key} AND version <= ${latest.base_version}
     ORDER BY version DESC LIMIT 1`;
  const change = coalesce.describe(before?.content ?? undefined);
  const changes = change ? [change] : [];
  // Moving the revision to the new version moves its section rows too (ON UPDATE CASCADE).
  await tx.$executeRaw`
    UPDATE revisions SET version = ${revision.version}, updated_at = ${now},
           changes = ${JSON.stringify(changes)}::jsonb, layout = ${JSON.stringify(revision.layout)}::jsonb
     WHERE id = ${latest.id}`;
  await upsertRevisionSections(tx, revision);
  return true;
}

async function upsertRevisionSections(tx: Tx, revision: NewRevision): Promise<void> {
  if (revision.sections.length === 0) return;
  const rows = JSON.stringify(
    revision.sections.map(({ key, content }) => ({ key, content: content ?? null })),
  );
  await tx.$executeRaw`
    INSERT INTO revision_sections (project_id, version, key, content)
    SELECT ${revision.projectId}, ${revision.version}, r.key, NULLIF(r.content, 'null'::jsonb)
      FROM jsonb_to_recordset(${rows}::jsonb) AS r(key text, content jsonb)
    ON CONFLICT (project_id, key, version) DO UPDATE SET content = excluded.content`;
}

/** Records a save: coalesced into the latest revision when it may be, else a new revision. */
export async function recordRevision(tx: Tx, revision: NewRevision): Promise<void> {
  const now = revision.context.now ?? new Date();
  if (await coalesceInto(tx, revision, now)) return;
  await tx.$executeRaw`
    INSERT INTO revisions (id, project_id, version, base_version, author, message, changes, layout,
                           created_at, updated_at)
    VALUES (${newId()}, ${revision.projectId}, ${revision.version}, ${revision.baseVersion},
            ${revision.context.author ?? null}, ${revision.context.message ?? null},
            ${JSON.stringify(revision.changes)}::jsonb, ${JSON.stringify(revision.layout)}::jsonb, ${now}, ${now})`;
  await upsertRevisionSections(tx, revision);
}

type DbHandle = Pick<Db, "prisma">;

/**
 * Who saved `version` and when, for a 409's conflict review: the revision that holds it (a
 * coalesced revision covers every version from its base up to its own, so the first at or above).
 */
export async function savedByOf(
  tx: Pick<Tx, "$queryRaw">,
  id: string,
  version: number,
): Promise<SavedBy | undefined> {
  const [row] = await tx.$queryRaw<{ author: string | null; updated_at: Date }[]>`
    SELECT author, updated_at FROM revisions
     WHERE project_id = ${id} AND version >= ${version} AND base_version < ${version}
     ORDER BY version LIMIT 1`;
  return row ? { version, author: row.author, at: new Date(row.updated_at).toISOString() } : undefined;
}

/** The project's revisions, newest first. Throws NotFoundError when the project does not exist. */
export async function listRevisions(db: DbHandle, id: string): Promise<RevisionSummary[]> {
  const [project, revisions] = await db.prisma.$transaction([
    db.prisma.project.findUnique({ where: { id }, select: { id: true } }),
    db.prisma.revision.findMany({
      where: { projectId: id },
      select: { version: true, createdAt: true, author: true, message: true, changes: true },
      orderBy: { version: "desc" },
    }),
  ]);
  if (!project) throw new NotFoundError(`no project "${id}"`);
  return revisions.map((revision) => ({
    ...revision,
    createdAt: revision.createdAt.toISOString(),
    changes: parseChanges(revision.changes),
  }));
}

/** The project as revision `version` left it, parsed with the model's schema. Null when there is none. */
export async function readRevisionProject(
  tx: Pick<Tx, "$queryRaw">,
  id: string,
  version: number,
  layout: unknown,
): Promise<Project> {
  const keys = Array.isArray(layout) ? layout.filter((key): key is string => typeof key === "string") : [];
  const rows = await tx.$queryRaw<{ key: string; content: unknown }[]>`
    SELECT DISTINCT ON (key) key, content FROM revision_sections
     WHERE project_id = ${id} AND version <= ${version}
     ORDER BY key, version DESC`;
  const byKey = new Map(rows.map((row) => [row.key, row.content]));
  const document = assembleDocument(keys.map((key) => ({ key, content: byKey.get(key) ?? null })));
  const parsed = ProjectShapeSchema.safeParse(document);
  if (!parsed.success) throw new CorruptProjectError(id, version, zodIssuesToModelIssues(parsed.error));
  return parsed.data;
}

export async function getRevision(db: DbHandle, id: string, version: number): Promise<RevisionRecord | null> {
  const row = await db.prisma.revision.findUnique({
    where: { projectId_version: { projectId: id, version } },
    select: { version: true, createdAt: true, author: true, message: true, changes: true, layout: true },
  });
  if (!row) return null;
  return {
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    author: row.author,
    message: row.message,
    changes: parseChanges(row.changes),
    project: await readRevisionProject(db.prisma, id, row.version, row.layout),
  };
}
