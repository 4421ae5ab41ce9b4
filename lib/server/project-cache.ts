import "server-only";
import type { ProjectRecord } from "../api/schemas";
import type { Db } from "../db/client";
import { getProject, getProjectStamp, type ProjectStamp } from "../db/projects";
import type { Project } from "../model";

/**
 * Stored projects as read and checked, and as GET sends them. A stored version's content never
 * changes (every save writes a new version), so a record read once serves again for as long as
 * the row's stamp (version and write time) is the same. Checking the stamp reads two columns; a
 * miss reads the content, checks it against the model and serializes it, which is most of a read's
 * cost, paid by every GET, preview, lint, bundle and validation. Each process keeps its own cache,
 * and the stamp check against the database keeps every one of them right when another saves.
 * Cached records are frozen: they are shared, so a caller that changed one would change it for all.
 *
 * The live preview reads only a project's datasources, and a dashboard sends hundreds of previews
 * at once; on the embedded database a stamp read costs milliseconds, more than the rest of a preview.
 * So a preview may take a record whose stamp this process checked (or wrote) in the last
 * RECENT_STAMP_MS, and previews that miss share one check. A save by this process is seen at once
 * (it replaces the entry); one by another process, after at most RECENT_STAMP_MS.
 */

export interface ProjectJson {
  json: string;
  etag: string;
}

export interface CachedProject {
  stamp: string;
  /** performance.now() when the stamp was last found current (read from the database, or written). */
  checkedAt?: number;
  record: ProjectRecord<Project>;
  response: ProjectJson;
  /** Characters the entry is charged for; its JSON's length when absent. */
  chars?: number;
}

function charsOf(entry: CachedProject): number {
  return entry.chars ?? entry.response.json.length;
}

function stampKey(stamp: ProjectStamp): string {
  return `${stamp.version}@${stamp.updatedAt.getTime()}`;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export class ProjectCache {
  private readonly entries = new Map<string, CachedProject>();
  /** Stamp checks under way for recent reads, shared by the reads that arrive meanwhile. */
  readonly checks = new Map<string, Promise<CachedProject | null>>();
  private chars = 0;

  /** `maxChars` bounds the serialized records kept, in characters of JSON. */
  constructor(private readonly maxChars: number) {}

  get(id: string, stamp: string): CachedProject | undefined {
    const entry = this.entries.get(id);
    if (!entry || entry.stamp !== stamp) return undefined;
    // Re-inserting keeps the Map in least-recently-used-first order.
    this.entries.delete(id);
    this.entries.set(id, entry);
    return entry;
  }

  set(id: string, entry: CachedProject): void {
    this.delete(id);
    const size = charsOf(entry);
    if (size > this.maxChars) return;
    this.entries.set(id, entry);
    this.chars += size;
    for (const [oldest, old] of this.entries) {
      if (this.chars <= this.maxChars) break;
      this.entries.delete(oldest);
      this.chars -= charsOf(old);
    }
  }

  /** Whatever entry project `id` has, at any version. */
  latestOf(id: string): CachedProject | undefined {
    return this.entries.get(id);
  }

  /** The cached record of project `id` when it is at `version`, without checking the stamp. */
  atVersion(id: string, version: number): CachedProject | undefined {
    const entry = this.entries.get(id);
    return entry?.record.version === version ? entry : undefined;
  }

  delete(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    this.chars -= charsOf(entry);
  }

  get size(): { entries: number; chars: number } {
    return { entries: this.entries.size, chars: this.chars };
  }
}

const DEFAULT_CACHE_CHARS = 64 * 1024 * 1024;
const sharedCache = new ProjectCache(DEFAULT_CACHE_CHARS);

/**
 * The entry for a record; its JSON is made when a GET first asks for it, since a save that keeps
 * its record here is usually followed by more saves, not by a read of the whole project.
 * `chars` is then what the entry is charged for until it is serialized.
 */
function cacheEntry(record: ProjectRecord<Project>, chars?: number): CachedProject {
  let response: ProjectJson | undefined;
  return {
    stamp: stampKey({ version: record.version, updatedAt: new Date(record.updatedAt) }),
    record: deepFreeze(record),
    get response(): ProjectJson {
      response ??= { json: JSON.stringify(record), etag: `"${record.id}-${record.version}"` };
      return response;
    },
    ...(chars === undefined ? {} : { chars }),
  };
}

/** How long a checked stamp serves recent reads (the preview's). */
export const RECENT_STAMP_MS = 1000;

/** A written record's charge before serialization: its previous version's size, or 1 MiB. */
const UNSERIALIZED_CHARS = 1024 * 1024;

/**
 * Keeps a record that a save just wrote, so the next read or save of the project does not read
 * and check it again. Only the process that saved has it; others read it on their next miss.
 */
export function rememberProject(record: ProjectRecord<Project>, cache: ProjectCache = sharedCache): void {
  const previous = cache.latestOf(record.id);
  const entry = cacheEntry(record, previous ? charsOf(previous) : UNSERIALIZED_CHARS);
  entry.checkedAt = performance.now();
  cache.set(record.id, entry);
}

/** Drops project `id` (deleted), so no recent read serves it. */
export function forgetProject(id: string, cache: ProjectCache = sharedCache): void {
  cache.delete(id);
}

/**
 * The stored project at `version` if this process has it. A save calls this under the project's
 * row lock, after reading the version: a version's content never changes, so the record is current.
 */
export function cachedProjectAt(
  id: string,
  version: number,
  cache: ProjectCache = sharedCache,
): Project | undefined {
  return cache.atVersion(id, version)?.record.project;
}

async function readCachedProject(
  db: Pick<Db, "prisma">,
  id: string,
  cache: ProjectCache,
): Promise<CachedProject | null> {
  const started = performance.now();
  const stamp = await getProjectStamp(db, id);
  if (!stamp) {
    cache.delete(id);
    return null;
  }
  const cached = cache.get(id, stampKey(stamp));
  if (cached) {
    cached.checkedAt = started;
    return cached;
  }
  const record = await getProject(db, id);
  if (!record) return null;
  // The stamp of what was read, which a save between the two reads may have moved on.
  const entry = cacheEntry(record);
  entry.checkedAt = started;
  // A save meanwhile may have put a newer version here: keep that one.
  const current = cache.latestOf(id);
  if (!current || current.record.version < record.version) cache.set(id, entry);
  return entry;
}

/** The stored project, checked against the model; frozen, as it may be shared. Null when there is none. */
export async function readProjectRecord(
  db: Pick<Db, "prisma">,
  id: string,
  cache: ProjectCache = sharedCache,
): Promise<ProjectRecord<Project> | null> {
  return (await readCachedProject(db, id, cache))?.record ?? null;
}

/**
 * The record of project `id` as this process knew it less than `maxAgeMs` ago, or undefined when
 * its stamp must be checked (readRecentProjectRecord): no database handle needed, so the live
 * preview asks this first and builds no request context when the answer is here.
 */
export function recentProjectRecord(
  id: string,
  maxAgeMs: number = RECENT_STAMP_MS,
  cache: ProjectCache = sharedCache,
): ProjectRecord<Project> | undefined {
  const known = cache.latestOf(id);
  return known?.checkedAt !== undefined && performance.now() - known.checkedAt < maxAgeMs
    ? known.record
    : undefined;
}

/**
 * The stored project as readProjectRecord gives it, or as this process knew it less than
 * `maxAgeMs` ago (see RECENT_STAMP_MS); concurrent reads that find nothing that recent share one
 * check. For the live preview only: whatever else reads a project checks its stamp.
 */
export async function readRecentProjectRecord(
  db: Pick<Db, "prisma">,
  id: string,
  maxAgeMs: number = RECENT_STAMP_MS,
  cache: ProjectCache = sharedCache,
): Promise<ProjectRecord<Project> | null> {
  const known = recentProjectRecord(id, maxAgeMs, cache);
  if (known) return known;
  let check = cache.checks.get(id);
  if (!check) {
    check = readCachedProject(db, id, cache).finally(() => cache.checks.delete(id));
    cache.checks.set(id, check);
  }
  return (await check)?.record ?? null;
}

/** GET /api/projects/{id}'s body and ETag. Null when there is no such project. */
export async function readProjectJson(
  db: Pick<Db, "prisma">,
  id: string,
  cache: ProjectCache = sharedCache,
): Promise<ProjectJson | null> {
  return (await readCachedProject(db, id, cache))?.response ?? null;
}
