import type { ProjectRecord } from "../api/schemas";
import { describeSectionChange } from "../history/change-summary";
import {
  hasStoredAlerts,
  type Project,
  projectSections,
  type SectionRef,
  sectionKey,
  sectionOf,
  sectionSchema,
  zodIssuesToModelIssues,
} from "../model";
import type { Db } from "./client";
import { CorruptProjectError, NotFoundError, SectionConflictError, SectionExistsError } from "./errors";
import {
  columnsOf,
  lockProject,
  projectFromRows,
  readSectionRows,
  recordOf,
  type StoredColumns,
} from "./projects";
import { recordRevision, savedByOf, type WriteContext } from "./revisions";
import { parseWithSection } from "./section-issues";
import { asJson, sameJson } from "./section-rows";
import type { Tx } from "./tx";

/**
 * Saves of one section. A save names the version it was edited from: when its section has not
 * changed since, it lands on top of whatever version is latest, so two people editing two
 * dashboards never meet; when it has, it gets SectionConflictError with the section as it is now.
 * Each save reads and writes its own section's row (plus the project row it locks), and checks the
 * whole project with the model, which it takes from `current` when the caller has the latest one.
 */

type DbHandle = Pick<Db, "prisma">;

export interface SectionRecord {
  /** The project's version now: the base for the next save of this section. */
  version: number;
  /** The version that last changed this section. */
  sectionVersion: number;
  content: unknown;
}

export interface SectionWrite {
  /** The whole project after the save (for the read cache). */
  record: ProjectRecord<Project>;
  section: SectionRecord;
  /** False when the content was already stored: nothing was written. */
  changed: boolean;
}

export interface SectionWriteOptions {
  /** The stored project at `version`, when the caller has it (the read cache), so it is not read again. */
  current?: (version: number) => Project | undefined;
}

function sectionWords(what: string, ref: SectionRef): string {
  return ref.kind === "dashboard"
    ? `${what} dashboard "${ref.uid}"`
    : ref.kind === "rule-group"
      ? `${what} rule group "${ref.name}"`
      : `${what} ${ref.kind}`;
}

/** One section as stored now, parsed with its schema. Null when there is no such project or section. */
export async function getSection(db: DbHandle, id: string, ref: SectionRef): Promise<SectionRecord | null> {
  const [row] = await db.prisma.$queryRaw<{ version: number; changed_version: number; content: unknown }[]>`
    SELECT p.version, s.changed_version, s.content
      FROM projects p JOIN project_sections s ON s.project_id = p.id
     WHERE p.id = ${id} AND s.key = ${sectionKey(ref)}`;
  if (!row) return null;
  if (ref.kind === "rule-group" && hasStoredAlerts(row.content)) {
    // Alert rules stored in the old shape need the project's Grafana URL and dashboards to be
    // upgraded exactly as the whole project is (see lib/model/rule-upgrade.ts).
    const project = projectFromRows(id, row.version, await readSectionRows(db.prisma, id));
    const group = project.ruleGroups.find((candidate) => candidate.name === ref.name);
    if (group) return { version: row.version, sectionVersion: row.changed_version, content: group };
  }
  const parsed = sectionSchema(ref.kind).safeParse(row.content);
  if (!parsed.success)
    throw new CorruptProjectError(id, row.version, zodIssuesToModelIssues(parsed.error, [sectionKey(ref)]));
  return { version: row.version, sectionVersion: row.changed_version, content: parsed.data };
}

async function currentProject(tx: Tx, locked: StoredColumns, options: SectionWriteOptions): Promise<Project> {
  return (
    options.current?.(locked.version) ??
    projectFromRows(locked.id, locked.version, await readSectionRows(tx, locked.id))
  );
}

interface SectionRow {
  changed_version: number;
  content: unknown;
}

async function readSectionRow(tx: Tx, id: string, key: string): Promise<SectionRow | undefined> {
  const [row] = await tx.$queryRaw<SectionRow[]>`
    SELECT changed_version, content FROM project_sections WHERE project_id = ${id} AND key = ${key}`;
  return row;
}

/**
 * Locks the project and reads the section edited from `baseVersion`: NotFoundError when it is
 * gone, SectionConflictError when it changed after `baseVersion`; else the project as it is now.
 */
async function lockSection(
  tx: Tx,
  id: string,
  ref: SectionRef,
  baseVersion: number,
  options: SectionWriteOptions,
): Promise<{ locked: StoredColumns; stored: SectionRow; current: Project }> {
  const locked = await lockProject(tx, id);
  const stored = await readSectionRow(tx, id, sectionKey(ref));
  if (!stored) throw new NotFoundError(`no ${sectionWords("", ref).trim()} in project "${id}"`);
  if (stored.changed_version > baseVersion)
    throw new SectionConflictError(
      id,
      ref,
      baseVersion,
      locked.version,
      stored.content,
      await savedByOf(tx, id, stored.changed_version),
    );
  return { locked, stored, current: await currentProject(tx, locked, options) };
}

/** What a section's identity must be in its own content: a dashboard keeps its uid, a group its name. */
function checkIdentity(ref: SectionRef, content: unknown): void {
  if (typeof content !== "object" || content === null) return;
  const record = content as Record<string, unknown>;
  if (ref.kind === "dashboard" && record.uid !== undefined && record.uid !== ref.uid)
    throw new SectionIdentityError(ref, "uid", String(record.uid));
  if (ref.kind === "rule-group" && record.name !== undefined && record.name !== ref.name)
    throw new SectionIdentityError(ref, "name", String(record.name));
}

/** A section's content names another section than the address it was sent to. */
export class SectionIdentityError extends Error {
  constructor(
    readonly ref: SectionRef,
    readonly field: "uid" | "name",
    readonly value: string,
  ) {
    super(
      `${field} is "${value}", but this is ${sectionWords("the", ref).slice(4)}: a ${field} cannot change in a save of the section`,
    );
    this.name = "SectionIdentityError";
  }
}

async function writeSection(
  tx: Tx,
  locked: StoredColumns,
  next: Project,
  ref: SectionRef,
  before: unknown,
  context: WriteContext,
  kind: "changed" | "added" | "removed",
): Promise<{ row: StoredColumns; content: unknown }> {
  const id = locked.id;
  const key = sectionKey(ref);
  const version = locked.version + 1;
  const now = context.now ?? new Date();
  const content = kind === "removed" ? undefined : asJson(sectionOf(next, ref));
  if (kind === "removed") {
    await tx.$executeRaw`DELETE FROM project_sections WHERE project_id = ${id} AND key = ${key}`;
  } else if (kind === "added") {
    await tx.$executeRaw`
      INSERT INTO project_sections (project_id, key, position, content, changed_version)
      SELECT ${id}, ${key}, COALESCE(max(position) + 1, 0), ${JSON.stringify(content)}::jsonb, ${version}
        FROM project_sections WHERE project_id = ${id} AND key LIKE ${`${ref.kind}:%`}`;
  } else {
    await tx.$executeRaw`
      UPDATE project_sections SET content = ${JSON.stringify(content)}::jsonb, changed_version = ${version}
       WHERE project_id = ${id} AND key = ${key}`;
  }
  // Only the settings hold the name; the row's slug follows it.
  const columns = ref.kind === "settings" ? columnsOf(next) : { name: locked.name, slug: locked.slug };
  const [row] = await tx.$queryRaw<StoredColumns[]>`
    UPDATE projects SET version = ${version}, updated_at = ${now}, name = ${columns.name}, slug = ${columns.slug}
     WHERE id = ${id}
    RETURNING id, name, slug, version, created_at AS "createdAt", updated_at AS "updatedAt"`;
  if (!row) throw new NotFoundError(`no project "${id}"`);
  const change = describeSectionChange(ref, before, content);
  await recordRevision(tx, {
    projectId: id,
    baseVersion: locked.version,
    version,
    layout: projectSections(next).map((section) => section.key),
    sections: [{ key, content: content ?? null }],
    changes: change ? [change] : [],
    context: { ...context, now },
    coalesce:
      kind === "changed"
        ? { key, describe: (start) => describeSectionChange(ref, start, content) }
        : undefined,
  });
  return { row, content };
}

/**
 * Saves one section edited from `baseVersion`. Throws NotFoundError (no such project or section),
 * SectionConflictError (the section changed after `baseVersion`), SectionIdentityError, or
 * InvalidProjectError (the project with this section would not validate); nothing is written then.
 */
export async function saveSection(
  db: DbHandle,
  id: string,
  ref: SectionRef,
  baseVersion: number,
  content: unknown,
  context: WriteContext,
  options: SectionWriteOptions = {},
): Promise<SectionWrite> {
  checkIdentity(ref, content);
  return db.prisma.$transaction(async (tx) => {
    const { locked, stored, current } = await lockSection(tx, id, ref, baseVersion, options);
    const next = parseWithSection(current, ref, content);
    if (sameJson(sectionOf(next, ref), stored.content)) {
      return {
        record: recordOf(locked, current),
        section: { version: locked.version, sectionVersion: stored.changed_version, content: stored.content },
        changed: false,
      };
    }
    const written = await writeSection(tx, locked, next, ref, stored.content, context, "changed");
    return {
      record: recordOf(written.row, next),
      section: {
        version: written.row.version,
        sectionVersion: written.row.version,
        content: written.content,
      },
      changed: true,
    };
  });
}

/** Adds a dashboard or rule group. Throws SectionExistsError when one of that uid or name exists. */
export async function createSection(
  db: DbHandle,
  id: string,
  ref: Extract<SectionRef, { kind: "dashboard" | "rule-group" }>,
  content: unknown,
  context: WriteContext,
  options: SectionWriteOptions = {},
): Promise<SectionWrite> {
  checkIdentity(ref, content);
  return db.prisma.$transaction(async (tx) => {
    const locked = await lockProject(tx, id);
    if (await readSectionRow(tx, id, sectionKey(ref))) throw new SectionExistsError(id, ref);
    const current = await currentProject(tx, locked, options);
    const next = parseWithSection(current, ref, content);
    const written = await writeSection(tx, locked, next, ref, undefined, context, "added");
    return {
      record: recordOf(written.row, next),
      section: {
        version: written.row.version,
        sectionVersion: written.row.version,
        content: written.content,
      },
      changed: true,
    };
  });
}

/** Removes a dashboard or rule group edited from `baseVersion`; conflicts as saveSection does. */
export async function deleteSection(
  db: DbHandle,
  id: string,
  ref: Extract<SectionRef, { kind: "dashboard" | "rule-group" }>,
  baseVersion: number,
  context: WriteContext,
  options: SectionWriteOptions = {},
): Promise<ProjectRecord<Project>> {
  return db.prisma.$transaction(async (tx) => {
    const { locked, stored, current } = await lockSection(tx, id, ref, baseVersion, options);
    const next = parseWithSection(current, ref, undefined);
    const written = await writeSection(tx, locked, next, ref, stored.content, context, "removed");
    return recordOf(written.row, next);
  });
}
