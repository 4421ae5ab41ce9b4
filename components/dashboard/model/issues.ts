import { type JsonEdit, parseJsonText, parseJsonWith } from "@/components/code-editor/json-edit";
import { convertPastedDashboard, convertPastedPanel, type PastedGrafana } from "@/lib/import/grafana-paste";
import { checkDashboard } from "@/lib/model/checks/dashboards";
import { type Dashboard, DashboardSchema } from "@/lib/model/dashboard";
import type { Datasource } from "@/lib/model/datasource";
import { IssueCollector, type ModelIssue, zodIssuesToModelIssues } from "@/lib/model/issues";
import { type Panel, PanelSchema } from "@/lib/model/panel";
import type { Project } from "@/lib/model/project";

/**
 * The model's own checks, run on the draft in the browser, with paths relative to what an editor
 * shows: `panels[3].targets[0].expr` on the dashboard is `targets[0].expr` in the panel's editor.
 */

/**
 * Every issue of the dashboard, paths relative to it (`panels[3].title`): the schema's (an empty
 * title typed into the form) and the cross-field checks' (unknown variables, PromQL syntax …).
 */
export function dashboardIssues(dashboard: Dashboard, datasources: readonly Datasource[]): ModelIssue[] {
  const shape = DashboardSchema.safeParse(dashboard);
  const out = new IssueCollector();
  checkDashboard(dashboard, datasources, [], out);
  return shape.success ? out.issues : [...zodIssuesToModelIssues(shape.error), ...out.issues];
}

/** `path` relative to `prefix`, or undefined when it is not inside it. */
export function relativePath(path: string, prefix: string): string | undefined {
  if (path === prefix) return "(root)";
  if (path.startsWith(`${prefix}.`)) return path.slice(prefix.length + 1);
  if (path.startsWith(`${prefix}[`)) return path.slice(prefix.length);
  return undefined;
}

/** The dashboard's issues that concern one panel, relative to it. */
export function issuesOfPanel(issues: readonly ModelIssue[], panelIndex: number): ModelIssue[] {
  const prefix = `panels[${panelIndex}]`;
  const out: ModelIssue[] = [];
  for (const issue of issues) {
    const path = relativePath(issue.path, prefix);
    if (path !== undefined) out.push({ ...issue, path });
  }
  return out;
}

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
