import "server-only";
import type { ProjectRecord } from "../api/schemas";
import { getDb } from "../db/client";
import { NotFoundError } from "../db/errors";
import type { Project } from "../model";
import { readProjectRecord } from "./project-cache";

/** The stored project or a 404. Frozen: it may be shared with other requests (see project-cache). */
export async function requireProject(id: string): Promise<ProjectRecord<Project>> {
  const record = await readProjectRecord(await getDb(), id);
  if (!record) throw new NotFoundError(`no project "${id}"`);
  return record;
}
