import "server-only";
import type { ProjectRecord } from "../api/schemas";
import type { Project } from "../model";
import { requestContext } from "./context";
import { getProject } from "./services/projects";

/**
 * The stored project or a 404, for handlers not yet on `handler()` (the live preview). Frozen: it
 * may be shared with other requests (see project-cache).
 */
export async function requireProject(id: string, request?: Request): Promise<ProjectRecord<Project>> {
  return getProject(await requestContext(request ?? new Request("http://localhost/")), id);
}
