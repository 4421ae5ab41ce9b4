import "server-only";
import type { CreateProjectBody, ProjectRecord, ProjectSummary } from "../../api/schemas";
import { applyTemplate, projectFromCreateBody } from "../../catalog/apply-template";
import { NotFoundError } from "../../db/errors";
import * as projects from "../../db/projects";
import { type ModelIssue, type Project, validateProject } from "../../model";
import { type ServiceContext, writeContext } from "../context";
import { teamForNewProject, visibleProjects } from "../policy";
import {
  cachedProjectAt,
  forgetProject,
  type ProjectJson,
  readProjectJson,
  readProjectRecord,
  rememberProject,
} from "../project-cache";
import { recordAudit } from "./audit";
import { actorName, separateProjectSecrets, storeSecretValues } from "./secrets";

/** Projects as a whole: list, create, read, save (import, restore), delete, templates, validation. */

/** The projects of the actor's teams, each with its team's name. */
export async function listProjects(context: ServiceContext): Promise<ProjectSummary[]> {
  const [all, visible] = await Promise.all([projects.listProjects(context.db), visibleProjects(context)]);
  return all
    .filter((project) => visible.has(project.id))
    .map((project) => ({ ...project, teamName: visible.get(project.id) ?? null }));
}

export async function createProject(
  context: ServiceContext,
  body: CreateProjectBody,
): Promise<ProjectRecord<Project>> {
  const teamId = await teamForNewProject(context, body.teamId);
  // Literal secrets of an imported configuration go to encrypted storage, never into the project.
  const { project, secrets } = separateProjectSecrets(projectFromCreateBody(body));
  const record = await projects.createProject(
    context.db,
    project as Project,
    writeContext(context, "created"),
  );
  await context.db.prisma.project.update({ where: { id: record.id }, data: { teamId } });
  await storeSecretValues(context.db.prisma, record.id, secrets, actorName(context));
  rememberProject(record);
  return record;
}

/** The stored project, checked against the model; frozen, as it may be shared. Throws NotFoundError. */
export async function getProject(context: ServiceContext, id: string): Promise<ProjectRecord<Project>> {
  const record = await readProjectRecord(context.db, id);
  if (!record) throw new NotFoundError(`no project "${id}"`);
  return record;
}

/** GET /api/projects/{id}'s body and ETag. Throws NotFoundError. */
export async function getProjectJson(context: ServiceContext, id: string): Promise<ProjectJson> {
  const found = await readProjectJson(context.db, id);
  if (!found) throw new NotFoundError(`no project "${id}"`);
  return found;
}

export async function saveProject(
  context: ServiceContext,
  id: string,
  baseVersion: number,
  project: unknown,
  message?: string,
): Promise<ProjectRecord<Project>> {
  await projects.refuseStaleVersion(context.db, id, baseVersion);
  // Stored first: a failed save leaves at most a value the project does not name yet.
  const separated = separateProjectSecrets(project);
  await storeSecretValues(context.db.prisma, id, separated.secrets, actorName(context));
  const record = await projects.updateProject(
    context.db,
    id,
    baseVersion,
    separated.project,
    writeContext(context, message),
  );
  rememberProject(record);
  return record;
}

export async function deleteProject(context: ServiceContext, id: string): Promise<void> {
  // Read first: the log names the project and its team as they were.
  const [deleting] = await context.db.prisma.$queryRaw<{ name: string; team_id: string | null }[]>`
    SELECT name, team_id FROM projects WHERE id = ${id}`;
  if (!deleting || !(await projects.deleteProject(context.db, id)))
    throw new NotFoundError(`no project "${id}"`);
  forgetProject(id);
  await recordAudit(context, {
    action: "project.delete",
    target: deleting.name,
    projectId: id,
    teamId: deleting.team_id,
  });
}

/**
 * Adds a catalog level, dashboard or rule to the latest version. Adding never overwrites what a
 * project has, so it needs no base version: it lands on top of whatever was saved meanwhile.
 */
export async function applyProjectTemplate(
  context: ServiceContext,
  id: string,
  template: string,
): Promise<ProjectRecord<Project>> {
  const record = await projects.changeProject(
    context.db,
    id,
    (current) => applyTemplate(current, template),
    writeContext(context, `applied template ${template}`),
    (version) => cachedProjectAt(id, version),
  );
  rememberProject(record);
  return record;
}

export async function validateStoredProject(
  context: ServiceContext,
  id: string,
): Promise<{ ok: boolean; issues: ModelIssue[] }> {
  const result = validateProject((await getProject(context, id)).project);
  return { ok: result.ok, issues: result.issues };
}
