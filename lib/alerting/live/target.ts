import type { Project } from "../../model";
import { normalizeBaseUrl } from "../../preview/allowlist";
import { PreviewError } from "../../prometheus/errors";

/**
 * The one Alertmanager the server calls for a project: the URL its settings name, checked as a
 * Prometheus preview URL is (http or https, no credentials, no query). Nothing from the browser
 * chooses it, and the live API calls only the fixed endpoints of lib/alerting/live/client.ts.
 */
export function liveAlertmanagerUrl(project: Pick<Project, "alertmanagerUrl">): string {
  if (!project.alertmanagerUrl) {
    throw new PreviewError(
      "no_datasource",
      "the project names no Alertmanager: set its URL in Settings (Alertmanager URL) to see live alerts",
    );
  }
  return normalizeBaseUrl(project.alertmanagerUrl, "the Alertmanager URL");
}
