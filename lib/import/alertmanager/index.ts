export {
  type AlertmanagerImport,
  type AlertmanagerImportReport,
  importAlertmanagerConfig,
  importReportLines,
  isAlertmanagerConfig,
} from "./import-alertmanager";
export { AlertmanagerImportError, type ImportProblem } from "./problems";
