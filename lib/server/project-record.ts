import "server-only";
import type { ProjectRecord } from "../api/schemas";
import { getDb } from "../db/client";
import { NotFoundError } from "../db/errors";
import { getProject } from "../db/projects";
import type { Project } from "../model";

/** The stored project or a 404. */
export async function requireProject(id: string): Promise<ProjectRecord<Project>> {
  const record = await getProject(await getDb(), id);
  if (!record) throw new NotFoundError(`no project "${id}"`);
  return record as ProjectRecord<Project>;
}
