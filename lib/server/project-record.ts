import "server-only";
import type { ProjectRecord } from "../api/schemas";
import { NotFoundError } from "../db/errors";
import type { Project } from "../model";
import { requestContext } from "./context";
import { readRecentProjectRecord } from "./project-cache";
import { getProject } from "./services/projects";

/**
 * The stored project or a 404, for handlers not yet on `handler()` (the live preview). Frozen: it
 * may be shared with other requests (see project-cache).
 */
export async function requireProject(id: string, request?: Request): Promise<ProjectRecord<Project>> {
  return getProject(await requestContext(request ?? new Request("http://localhost/")), id);
}

/**
 * As requireProject, but as this process knew it up to a second ago (readRecentProjectRecord): for
 * the live preview's Prometheus calls, where a dashboard sends hundreds at once.
 */
export async function requireRecentProject(id: string, request?: Request): Promise<ProjectRecord<Project>> {
  const { db } = await requestContext(request ?? new Request("http://localhost/"));
  const record = await readRecentProjectRecord(db, id);
  if (!record) throw new NotFoundError(`no project "${id}"`);
  return record;
}
