import type { CreateDashboardBody } from "@/lib/api/schemas";
import {
  type DashboardImportReport,
  DashboardUidTakenError,
  GrafanaImportError,
  importDashboard,
} from "@/lib/import/grafana-dashboard";
import type { Dashboard } from "@/lib/model/dashboard";
import type { ModelIssue } from "@/lib/model/issues";
import type { Project } from "@/lib/model/project";

/**
 * What importing a pasted Grafana dashboard into a project would do, before anything is saved:
 * the conversion the server makes on "Add to project" (lib/import), run here on the project as
 * the page has it, with a uid that does not clash.
 */

export type ImportPreview =
  | {
      ok: true;
      /** The export as pasted, sent as is: the server converts it again against the latest project. */
      json: unknown;
      dashboard: Dashboard;
      report: DashboardImportReport;
      /** The export's uid, when the project has it and the preview chose a free one. */
      renamedFrom?: string;
    }
  | { ok: false; message: string; issues: ModelIssue[] };

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
    try {
      return { ok: true, json, ...importDashboard(json, project) };
    } catch (error) {
      if (!(error instanceof DashboardUidTakenError)) throw error;
      return {
        ok: true,
        json,
        ...importDashboard(json, project, { uid: error.freeUid }),
        renamedFrom: error.uid,
      };
    }
  } catch (error) {
    if (error instanceof GrafanaImportError)
      return { ok: false, message: "not an importable Grafana dashboard", issues: error.issues };
    return { ok: false, message: error instanceof Error ? error.message : String(error), issues: [] };
  }
}

/** The POST /api/projects/{id}/dashboards body that adds what the preview shows. */
export function importRequest(preview: Extract<ImportPreview, { ok: true }>): CreateDashboardBody {
  return preview.renamedFrom === undefined
    ? { grafana: preview.json }
    : { grafana: preview.json, uid: preview.dashboard.uid };
}
