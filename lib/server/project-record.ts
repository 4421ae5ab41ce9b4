import "server-only";
import type { ProjectRecord } from "../api/schemas";
import type { Project } from "../model";
import { getDb } from "../db/client";
import { NotFoundError } from "../db/errors";
import { getProject } from "../db/projects";

/** The stored project or a 404. */
export async function requireProject(id: string): Promise<ProjectRecord<Project>> {
  const record = await getProject(await getDb(), id);
  if (!record) throw new NotFoundError(`no project "${id}"`);
  return record as ProjectRecord<Project>;
}
