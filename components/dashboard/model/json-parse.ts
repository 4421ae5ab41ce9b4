import { type JsonEdit, parseJsonText, parseJsonWith } from "@/components/code-editor/json-edit";
import { convertPastedDashboard, convertPastedPanel, type PastedGrafana } from "@/lib/import/grafana-paste";
import { type Dashboard, DashboardSchema } from "@/lib/model/dashboard";
import { type Panel, PanelSchema } from "@/lib/model/panel";
import type { Project } from "@/lib/model/project";

/**
 * A panel or dashboard typed into the JSON tabs: the model's JSON, or Grafana's pasted and
 * converted. Apart from the draft's issues (issues.ts) because only the JSON tabs need it, and the
 * Grafana importer it brings would otherwise be in the dashboard page's first JavaScript.
 */

/** What a pasted Grafana panel or dashboard is converted against. */
export interface PasteContext {
  project: Project;
  dashboard: Dashboard;
}

/** Text that is not the model's JSON but Grafana's, converted; the model's reading otherwise. */
function orGrafana<T>(
  modelReading: JsonEdit<T>,
  text: string,
  convert: (json: unknown) => PastedGrafana<T>,
): JsonEdit<T> {
  if (modelReading.ok) return modelReading;
  const json = parseJsonText(text);
  if (!json.ok) return modelReading;
  const pasted = convert(json.value);
  switch (pasted.kind) {
    case "not-grafana":
      return modelReading;
    case "refused":
      return { ok: false, issues: pasted.issues };
    case "converted":
      return { ok: true, value: pasted.value, converted: pasted.notes };
    default: {
      const never: never = pasted;
      throw new Error(`unknown paste ${JSON.stringify(never)}`);
    }
  }
}

/**
 * A panel typed as JSON: the model's panel, or every shape problem with its path in the panel. With
 * `paste`, a Grafana panel (pasted from Grafana) is converted in place of `panel`.
 */
export function parsePanelJson(text: string, paste?: PasteContext & { panel: Panel }): JsonEdit<Panel> {
  const parsed = parseJsonWith(PanelSchema, text);
  if (!paste) return parsed;
  return orGrafana(parsed, text, (json) =>
    convertPastedPanel(json, paste.project, paste.dashboard, paste.panel),
  );
}

/**
 * A whole dashboard typed as JSON; its uid is the page's address, so it cannot change here. With
 * `paste`, a Grafana dashboard is converted (and keeps the page's uid).
 */
export function parseDashboardJson(text: string, uid: string, paste?: PasteContext): JsonEdit<Dashboard> {
  const model = parseJsonWith(DashboardSchema, text);
  const parsed = paste
    ? orGrafana(model, text, (json) => convertPastedDashboard(json, paste.project, uid))
    : model;
  if (!parsed.ok || parsed.converted) return parsed;
  if (parsed.value.uid !== uid) {
    return {
      ok: false,
      issues: [{ path: "uid", message: `the uid is this page's address: keep "${uid}"`, severity: "error" }],
    };
  }
  return parsed;
}
