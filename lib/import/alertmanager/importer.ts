/** Reached through IMPORTERS in ../importers (which it imports ImportFailure from): import that module, not this one. */
import type { Importer } from "../importers";
import { ImportFailure } from "../importers";
import { importAlertmanagerConfig, importReportLines, isAlertmanagerConfig } from "./import-alertmanager";
import { AlertmanagerImportError } from "./problems";

/** `obsforge import alertmanager.yml`: the file becomes the project's alerting section (replacing it). */
export const alertmanagerImporter: Importer = {
  what: "Alertmanager configuration",
  recognises: isAlertmanagerConfig,
  convert(document, project) {
    try {
      const { alerting, report } = importAlertmanagerConfig(document);
      const replaced =
        project.receivers.length > 0 || project.route.routes.length > 0 || project.inhibitRules.length > 0;
      const lines = importReportLines(report);
      return {
        ref: { kind: "alerting" },
        content: alerting,
        datasourceTypes: [],
        report: replaced
          ? [...lines, "  note: it replaces the project's receivers, route tree and inhibit rules"]
          : lines,
      };
    } catch (error) {
      if (error instanceof AlertmanagerImportError)
        throw new ImportFailure([
          "not an importable Alertmanager configuration:",
          ...error.problems.map((problem) => `  ${problem.path}: ${problem.message}`),
        ]);
      throw error;
    }
  },
};
