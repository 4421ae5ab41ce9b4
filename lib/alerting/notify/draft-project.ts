import type { Project } from "../../model";
import type { AlertingDraft } from "./api-schemas";

/**
 * The project as the alerting editor shows it: the saved project with the editor's unsaved
 * alerting section in place of the saved one. Pure; nothing is stored. Literal secrets an import
 * kept come masked in a draft, so they are never read from it (the send reads them from the saved
 * project by variable name).
 */
export function withAlertingDraft(project: Project, draft: AlertingDraft | undefined): Project {
  if (!draft) return project;
  return {
    ...project,
    receivers: draft.receivers,
    route: draft.route,
    inhibitRules: draft.inhibitRules,
    alertmanager: draft.alertmanager,
  };
}
