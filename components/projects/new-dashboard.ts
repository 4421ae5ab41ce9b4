import { isWithin } from "@/components/form/field-issues";
import { ApiRequestError } from "@/lib/api/client";
import type { ApiError, SectionSaveResult, TemplateSummary } from "@/lib/api/schemas";
import type { Level } from "@/lib/model/common";
import type { Dashboard } from "@/lib/model/dashboard";

/** One catalog dashboard as the "New dashboard" dialog offers it. */
export interface CatalogChoice {
  /** The catalog id, sent as `template`. */
  name: string;
  title: string;
  description: string;
  level: Level;
  /** A dashboard built from this entry is in the project already; adding it again would change nothing. */
  added: boolean;
}

/**
 * The catalog's dashboards in catalog order, each marked as added when the project holds a
 * dashboard built from it (catalog dashboards carry their `catalogId`).
 */
export function catalogChoices(
  templates: readonly TemplateSummary[],
  dashboards: readonly Pick<Dashboard, "catalogId">[],
): CatalogChoice[] {
  const inProject = new Set(dashboards.map((dashboard) => dashboard.catalogId).filter(Boolean));
  return templates
    .filter((template) => template.kind === "dashboard")
    .map(({ name, title, description, level }) => ({
      name,
      title,
      description,
      level,
      added: inProject.has(name),
    }));
}

/** The uid of the dashboard a POST …/dashboards created; undefined when the answer has none. */
export function createdDashboardUid(result: Pick<SectionSaveResult, "content">): string | undefined {
  const content = result.content;
  if (typeof content !== "object" || content === null || !("uid" in content)) return undefined;
  return typeof content.uid === "string" && content.uid !== "" ? content.uid : undefined;
}

/** The designer page of one dashboard. */
export function dashboardHref(projectId: string, uid: string): string {
  return `/projects/${projectId}/dashboards/${encodeURIComponent(uid)}`;
}

export interface SplitCreateError {
  /** The issues shown beside the title field (a 400 names the request's `title`, a 422 the dashboard's). */
  title: ApiError["issues"];
  /** The failure without the issues the field shows; null when there was none. */
  rest: Error | null;
}

/** Splits a failed blank creation into what the title field shows and what the notice above shows. */
export function splitCreateError(error: unknown): SplitCreateError {
  if (!error) return { title: [], rest: null };
  if (!(error instanceof ApiRequestError) || (error.status !== 400 && error.status !== 422)) {
    return { title: [], rest: error instanceof Error ? error : new Error(String(error)) };
  }
  const title = error.body.issues.filter((issue) => isWithin(issue.path, "title"));
  const others = error.body.issues.filter((issue) => !isWithin(issue.path, "title"));
  return { title, rest: new ApiRequestError(error.status, { ...error.body, issues: others }) };
}
