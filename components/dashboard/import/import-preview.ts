import { type GrafanaImportResult, importGrafanaDashboard } from "@/lib/dashboard/grafana-import";
import { GrafanaImportError } from "@/lib/dashboard/grafana-import/input-schema";
import type { Dashboard } from "@/lib/model/dashboard";
import type { ModelIssue } from "@/lib/model/issues";
import type { Project } from "@/lib/model/project";

/**
 * What importing a pasted Grafana dashboard into a project would do, before anything is saved:
 * the mapped dashboard, what could not be mapped, the warnings, and a uid that does not clash.
 */

export type ImportPreview =
  | { ok: true; result: GrafanaImportResult; dashboard: Dashboard; renamedFrom?: string }
  | { ok: false; message: string; issues: ModelIssue[] };

/** `uid`, or `uid-2`, `uid-3` … when the project already has it (Grafana's limit of 40 kept). */
export function freeUid(uid: string, taken: ReadonlySet<string>): string {
  if (!taken.has(uid)) return uid;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${uid.slice(0, 40 - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export function previewImport(text: string, project: Project): ImportPreview {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      issues: [],
    };
  }
  try {
    const result = importGrafanaDashboard(json, project);
    const uid = freeUid(result.dashboard.uid, new Set(project.dashboards.map((dashboard) => dashboard.uid)));
    const dashboard = uid === result.dashboard.uid ? result.dashboard : { ...result.dashboard, uid };
    return uid === result.dashboard.uid
      ? { ok: true, result, dashboard }
      : { ok: true, result, dashboard, renamedFrom: result.dashboard.uid };
  } catch (error) {
    if (error instanceof GrafanaImportError)
      return { ok: false, message: "not an importable Grafana dashboard", issues: error.issues };
    return { ok: false, message: error instanceof Error ? error.message : String(error), issues: [] };
  }
}

/** The project with the imported dashboard added at the end. */
export function withImportedDashboard(project: Project, dashboard: Dashboard): Project {
  return { ...project, dashboards: [...project.dashboards, dashboard] };
}
