import type { DatasourceType, Project, SectionRef } from "../model";
import { targetDatasourceType } from "../model/checks/dashboards";
import { panelTargets } from "../model/panel";
import { alertmanagerImporter } from "./alertmanager/importer";
import { ImportFailure } from "./import-failure";
import { ruleFileImporter } from "./rule-file/importer";
import {
  DashboardUidTakenError,
  GrafanaImportError,
  importDashboard,
  isGrafanaDashboard,
} from "./grafana-dashboard";

/**
 * What `obsforge import` takes, each kind recognised by its content (never by the file's name):
 * the first importer that recognises a file converts it: Grafana dashboards, Prometheus rule files
 * and PrometheusRule resources, Alertmanager configurations.
 */

/** A section an importer converted a file into, before the model checks it in the project. */
export interface ConvertedSection {
  ref: Extract<SectionRef, { kind: "dashboard" | "rule-group" | "alerting" }>;
  content: unknown;
  /** The datasource types its queries run on (a new project file gets one of each). */
  datasourceTypes: DatasourceType[];
  /** The import report, a headline first, then indented details. */
  report: string[];
}

export { ImportFailure };

/** How the user asked a file to be added (`obsforge import --uid`, `--replace`). */
export interface ImportOptions {
  /** The uid a dashboard is stored under instead of the file's. */
  uid?: string;
  /** A dashboard whose uid the project has replaces that one instead of being refused. */
  replace?: boolean;
}

export interface Importer {
  /** What it imports, for messages: "Grafana dashboard". */
  readonly what: string;
  /** Whether the parsed file (JSON or YAML) is one of these, by its content alone. */
  recognises(document: unknown): boolean;
  /**
   * Converts the file into a section of `project` (a rule file into one per group); throws
   * ImportFailure when it cannot.
   */
  convert(
    document: unknown,
    project: Project,
    options?: ImportOptions,
  ): ConvertedSection | ConvertedSection[];
}

export const grafanaDashboardImporter: Importer = {
  what: "Grafana dashboard",
  recognises: isGrafanaDashboard,
  convert(document, project, options = {}) {
    try {
      const { dashboard, report } = importDashboard(document, project, options);
      const replaced = project.dashboards.find((existing) => existing.uid === dashboard.uid);
      const types = new Set<DatasourceType>();
      for (const panel of dashboard.panels)
        for (const target of panelTargets(panel)) types.add(targetDatasourceType(target.kind));
      for (const variable of dashboard.variables)
        if (variable.type === "datasource") types.add(variable.datasourceType);
      return {
        ref: { kind: "dashboard", uid: dashboard.uid },
        content: dashboard,
        datasourceTypes: [...types],
        report: [
          `Grafana dashboard "${report.title}" (uid ${report.uid}): ${report.summary}`,
          ...(replaced ? [`  replaces the project's dashboard "${replaced.title}" with that uid`] : []),
          ...(report.unmapped.length > 0
            ? [
                `  not mapped (${report.unmapped.length}), kept as raw JSON unless it says otherwise:`,
                ...report.unmapped.map((entry) => `    ${entry.path}: ${entry.what}`),
              ]
            : []),
          ...(report.warnings.length > 0
            ? [
                `  converted or changed (${report.warnings.length}):`,
                ...report.warnings.map((warning) => `    ${warning}`),
              ]
            : []),
        ],
      };
    } catch (error) {
      if (error instanceof GrafanaImportError) {
        throw new ImportFailure([
          "not an importable Grafana dashboard:",
          ...error.issues.map((issue) => `  ${issue.path}: ${issue.message}`),
        ]);
      }
      if (error instanceof DashboardUidTakenError) {
        throw new ImportFailure([
          `${error.message}: import it under another uid (--uid ${error.freeUid}) or in place of that dashboard (--replace)`,
        ]);
      }
      throw error;
    }
  },
};

/** Every kind of file `obsforge import` takes, in the order they are tried. */
export const IMPORTERS: readonly Importer[] = [
  grafanaDashboardImporter,
  ruleFileImporter,
  alertmanagerImporter,
];

/** What a file none of IMPORTERS recognises is told. */
export const NOT_RECOGNISED =
  "not a Grafana dashboard, Prometheus rule file, PrometheusRule or Alertmanager configuration";

/** The sections a conversion made, one or several. */
export function sectionsOf(converted: ConvertedSection | ConvertedSection[]): ConvertedSection[] {
  return Array.isArray(converted) ? converted : [converted];
}

/** The importer for a parsed file, by its content; undefined when none takes it. */
export function importerFor(document: unknown): Importer | undefined {
  return IMPORTERS.find((importer) => importer.recognises(document));
}
