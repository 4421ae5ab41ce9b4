import { z } from "zod";
import { type Project, ProjectObjectSchema } from "../model/project";
import type { SectionRef } from "../model/sections";
import { ApiRequestError } from "./api-error";
import {
  type ApiError,
  ApiErrorSchema,
  type CreateDashboardBody,
  type CreatedDashboard,
  CreatedDashboardSchema,
  type CreateProjectBody,
  type CreateRuleGroupBody,
  type Health,
  type ImportedRuleGroups,
  ImportedRuleGroupsSchema,
  HealthSchema,
  type ProjectRecord,
  ProjectRecordSchema,
  type ProjectSummary,
  ProjectSummarySchema,
  type RevisionSummary,
  RevisionSummarySchema,
  type SaveSectionBody,
  type SectionRecord,
  SectionRecordSchema,
  type SectionSaveResult,
  SectionSaveResultSchema,
  type TemplateSummary,
  TemplateSummarySchema,
} from "./schemas";
import { shareRequestHeaders } from "./share-request";

/**
 * The browser's side of the HTTP contract: one plain fetch function per endpoint. Every response
 * is parsed with zod here, so components only ever see typed, defaulted data, and every non-2xx
 * becomes an ApiRequestError carrying the server's `{error, issues}` body.
 */

export { ApiRequestError } from "./api-error";

// The server upgrades rules of an older shape when it reads a project or a revision, so what it
// sends is parsed as the current shape (without the upgrade, which would bring Prometheus's
// parser into every page's first JavaScript).
export const ProjectRecordWithModelSchema = ProjectRecordSchema.extend({ project: ProjectObjectSchema });

export const RevisionSchema = RevisionSummarySchema.extend({ project: ProjectObjectSchema });
export type Revision = z.infer<typeof RevisionSchema>;

export const ValidationIssueSchema = z.object({
  path: z.string(),
  message: z.string(),
  severity: z.enum(["error", "warning"]),
});
export type ValidationIssue = z.infer<typeof ValidationIssueSchema>;

export const ProjectValidationSchema = z.object({ ok: z.boolean(), issues: z.array(ValidationIssueSchema) });
export type ProjectValidation = z.infer<typeof ProjectValidationSchema>;

export interface UpdateProjectRequest {
  /** The version the edit started from; a stale one gets 409. */
  version: number;
  project: Project;
  message?: string;
}

export type Method = "GET" | "POST" | "PUT" | "DELETE";

function requestLabel(method: Method, url: string): string {
  return `${method} ${url}`;
}

async function readErrorBody(response: Response, method: Method, url: string): Promise<ApiError> {
  const text = await response.text().catch(() => "");
  try {
    const parsed = ApiErrorSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // Not JSON (a proxy page, a crash): fall through to a generic message.
  }
  return { error: `${requestLabel(method, url)} failed with HTTP ${response.status}`, issues: [] };
}

/** What a call may carry besides its method and URL. */
export interface RequestOptions {
  /** Sent as JSON. */
  body?: unknown;
  /** Cancels the call; a cancelled call rejects with the abort error itself, not an ApiRequestError. */
  signal?: AbortSignal;
}

/**
 * The one fetch of the browser's API client: every endpoint's call goes through here, and every
 * failure comes out as an ApiRequestError (status 0 when the server was not reached).
 */
async function request(method: Method, url: string, options: RequestOptions = {}): Promise<Response> {
  // On a share page, every call names its share link (lib/api/share-request.ts).
  const headers: Record<string, string> = { accept: "application/json", ...shareRequestHeaders() };
  const init: RequestInit = { method, headers, cache: "no-store" };
  if (options.body !== undefined) {
    init.body = JSON.stringify(options.body);
    headers["content-type"] = "application/json";
  }
  if (options.signal) init.signal = options.signal;
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    if (options.signal?.aborted) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new ApiRequestError(0, { error: `could not reach the server (${reason})`, issues: [] });
  }
  if (!response.ok) throw new ApiRequestError(response.status, await readErrorBody(response, method, url));
  return response;
}

/** A parsed answer and the JSON it was parsed from (the query inspector shows the raw JSON). */
export interface ApiExchange<T> {
  data: T;
  raw: unknown;
}

/** A call whose answer is checked by `schema`; an answer outside the contract is an ApiRequestError too. */
export async function requestExchange<S extends z.ZodType>(
  schema: S,
  method: Method,
  url: string,
  options: RequestOptions = {},
): Promise<ApiExchange<z.infer<S>>> {
  const response = await request(method, url, options);
  const raw: unknown = await response.json().catch(() => undefined);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new ApiRequestError(response.status, {
      error: `unexpected response from ${requestLabel(method, url)}`,
      issues: parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join(".") || "(root)",
        message: issue.message,
        severity: "error",
      })),
    });
  }
  return { data: parsed.data, raw };
}

async function requestJson<S extends z.ZodType>(
  schema: S,
  method: Method,
  url: string,
  body?: unknown,
): Promise<z.infer<S>> {
  return (await requestExchange(schema, method, url, { body })).data;
}

function projectUrl(id: string): string {
  return `/api/projects/${encodeURIComponent(id)}`;
}

/** GET /api/projects */
export function listProjects(): Promise<ProjectSummary[]> {
  return requestJson(z.array(ProjectSummarySchema), "GET", "/api/projects");
}

/** POST /api/projects */
export function createProject(body: CreateProjectBody): Promise<ProjectRecord<Project>> {
  return requestJson(ProjectRecordWithModelSchema, "POST", "/api/projects", body);
}

/** GET /api/projects/{id} */
export function getProject(id: string): Promise<ProjectRecord<Project>> {
  return requestJson(ProjectRecordWithModelSchema, "GET", projectUrl(id));
}

/** PUT /api/projects/{id}; 409 (ApiRequestError with `body.currentVersion`) when `version` is stale. */
export function updateProject(id: string, body: UpdateProjectRequest): Promise<ProjectRecord<Project>> {
  return requestJson(ProjectRecordWithModelSchema, "PUT", projectUrl(id), body);
}

/** DELETE /api/projects/{id} */
export async function deleteProject(id: string): Promise<void> {
  await request("DELETE", projectUrl(id));
}

/** GET /api/projects/{id}/revisions, newest first. */
export function listRevisions(id: string): Promise<RevisionSummary[]> {
  return requestJson(z.array(RevisionSummarySchema), "GET", `${projectUrl(id)}/revisions`);
}

/** GET /api/projects/{id}/revisions/{version} */
export function getRevision(id: string, version: number): Promise<Revision> {
  return requestJson(RevisionSchema, "GET", `${projectUrl(id)}/revisions/${version}`);
}

/** POST /api/projects/{id}/revisions/{version}/restore: the restored content becomes a new version. */
export function restoreRevision(
  id: string,
  version: number,
  message?: string,
): Promise<ProjectRecord<Project>> {
  const body = message === undefined ? {} : { message };
  return requestJson(
    ProjectRecordWithModelSchema,
    "POST",
    `${projectUrl(id)}/revisions/${version}/restore`,
    body,
  );
}

/** GET /api/projects/{id}/validation */
export function getProjectValidation(id: string): Promise<ProjectValidation> {
  return requestJson(ProjectValidationSchema, "GET", `${projectUrl(id)}/validation`);
}

/** GET /api/templates */
export function listTemplates(): Promise<TemplateSummary[]> {
  return requestJson(z.array(TemplateSummarySchema), "GET", "/api/templates");
}

/** GET /api/health */
export function getHealth(): Promise<Health> {
  return requestJson(HealthSchema, "GET", "/api/health");
}

/** GET /api/projects/{id}/bundle: a zip download, so it is a link, not a fetch. */
export function bundleUrl(id: string): string {
  return `${projectUrl(id)}/bundle`;
}

/** GET /api/projects/{id}/export: the project JSON as an attachment. */
export function exportUrl(id: string): string {
  return `${projectUrl(id)}/export`;
}

/** Where a section of a project is read and saved (lib/model/sections.ts). */
export function sectionUrl(id: string, section: SectionRef): string {
  switch (section.kind) {
    case "dashboard":
      return `${projectUrl(id)}/dashboards/${encodeURIComponent(section.uid)}`;
    case "rule-group":
      return `${projectUrl(id)}/rule-groups/${encodeURIComponent(section.name)}`;
    case "alerting":
    case "settings":
      return `${projectUrl(id)}/${section.kind}`;
    default: {
      const exhaustive: never = section;
      throw new Error(`unknown section ${JSON.stringify(exhaustive)}`);
    }
  }
}

/** GET of a section: its content, and the version to save it from. */
export function getSection(id: string, section: SectionRef): Promise<SectionRecord> {
  return requestJson(SectionRecordSchema, "GET", sectionUrl(id, section));
}

/**
 * PUT of a section edited from `body.version`: lands on the latest version unless this section
 * changed since (409: ApiRequestError with `body.current`, the section as it is now).
 */
export function saveSection(
  id: string,
  section: SectionRef,
  body: SaveSectionBody,
): Promise<SectionSaveResult> {
  return requestJson(SectionSaveResultSchema, "PUT", sectionUrl(id, section), body);
}

/**
 * POST /api/projects/{id}/dashboards: a blank dashboard, one from the catalog, a Grafana export
 * (answered with its import report; 409 when the uid is taken), or a model dashboard.
 */
export function createDashboard(id: string, body: CreateDashboardBody): Promise<CreatedDashboard> {
  return requestJson(CreatedDashboardSchema, "POST", `${projectUrl(id)}/dashboards`, body);
}

/** POST /api/projects/{id}/rule-groups */
export function createRuleGroup(id: string, body: CreateRuleGroupBody): Promise<SectionSaveResult> {
  return requestJson(SectionSaveResultSchema, "POST", `${projectUrl(id)}/rule-groups`, body);
}

/**
 * POST /api/projects/{id}/rule-groups with a rule file's text: every group added (all or none),
 * with the import report; 422 with each problem promtool would report, 409 on a name taken.
 */
export function importRuleFile(id: string, yaml: string): Promise<ImportedRuleGroups> {
  return requestJson(ImportedRuleGroupsSchema, "POST", `${projectUrl(id)}/rule-groups`, { yaml });
}

/** DELETE of a dashboard or rule group decided at `version`; 409 when it changed since. */
export async function deleteSection(
  id: string,
  section: Extract<SectionRef, { kind: "dashboard" | "rule-group" }>,
  version: number,
): Promise<{ version: number }> {
  return requestJson(
    z.object({ version: z.int() }),
    "DELETE",
    `${sectionUrl(id, section)}?version=${version}`,
  );
}
