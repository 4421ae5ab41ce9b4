import "server-only";
import type { ProjectRecord, RevisionSummary } from "../../api/schemas";
import { NotFoundError } from "../../db/errors";
import * as projects from "../../db/projects";
import type { RevisionRecord } from "../../db/revisions";
import type { Project } from "../../model";
import { type ServiceContext, writeContext } from "../context";
import { rememberProject } from "../project-cache";
import { recordAudit } from "./audit";

/** A project's history: list, read one revision, restore one as the next version. */

export function listRevisions(context: ServiceContext, id: string): Promise<RevisionSummary[]> {
  return projects.listRevisions(context.db, id);
}

export async function getRevision(
  context: ServiceContext,
  id: string,
  version: number,
): Promise<RevisionRecord> {
  const revision = await projects.getRevision(context.db, id, version);
  if (!revision) throw new NotFoundError(`no revision ${version} of project "${id}"`);
  return revision;
}

export async function restoreRevision(
  context: ServiceContext,
  id: string,
  version: number,
  message?: string,
): Promise<ProjectRecord<Project>> {
  const record = await projects.restoreRevision(
    context.db,
    id,
    version,
    writeContext(context, message ?? `restored version ${version}`),
  );
  rememberProject(record);
  await recordAudit(context, {
    action: "project.restore",
    target: record.project.name,
    projectId: id,
    detail: { restoredVersion: version, newVersion: record.version },
  });
  return record;
}
