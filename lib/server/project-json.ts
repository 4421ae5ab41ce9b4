import "server-only";
import type { Db } from "../db/client";
import { getProject, getProjectStamp, type ProjectStamp } from "../db/projects";

/**
 * GET /api/projects/{id} as bytes, with an ETag. A stored version's content never changes (every
 * save writes a new version), so a record serialized once can be sent again for as long as the
 * row's stamp (version and write time) is the same. Checking the stamp reads two columns; a miss
 * reads the content, checks it against the model and serializes it, which is most of a GET's cost.
 * Each process keeps its own cache, and the stamp check against the database keeps every one of
 * them right when another process saves.
 */

export interface ProjectJson {
  json: string;
  etag: string;
}

interface Entry {
  stamp: string;
  value: ProjectJson;
}

function stampKey(stamp: ProjectStamp): string {
  return `${stamp.version}@${stamp.updatedAt.getTime()}`;
}

export class ProjectJsonCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(id: string, stamp: string): ProjectJson | undefined {
    const entry = this.entries.get(id);
    if (!entry || entry.stamp !== stamp) return undefined;
    // Re-inserting keeps the Map in least-recently-used-first order.
    this.entries.delete(id);
    this.entries.set(id, entry);
    return entry.value;
  }

  set(id: string, stamp: string, value: ProjectJson): void {
    this.delete(id);
    if (value.json.length > this.maxBytes) return;
    this.entries.set(id, { stamp, value });
    this.bytes += value.json.length;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.value.json.length;
    }
  }

  delete(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    this.bytes -= entry.value.json.length;
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }
}

const DEFAULT_CACHE_BYTES = 64 * 1024 * 1024;
const sharedCache = new ProjectJsonCache(DEFAULT_CACHE_BYTES);

export async function readProjectJson(
  db: Pick<Db, "prisma">,
  id: string,
  cache: ProjectJsonCache = sharedCache,
): Promise<ProjectJson | null> {
  const stamp = await getProjectStamp(db, id);
  if (!stamp) {
    cache.delete(id);
    return null;
  }
  const key = stampKey(stamp);
  const cached = cache.get(id, key);
  if (cached) return cached;
  const record = await getProject(db, id);
  if (!record) return null;
  // The stamp of what was read, which a save between the two reads may have moved on.
  const value = { json: JSON.stringify(record), etag: `"${record.id}-${record.version}"` };
  cache.set(id, stampKey({ version: record.version, updatedAt: new Date(record.updatedAt) }), value);
  return value;
}
