export {
  type AlertmanagerImport,
  type AlertmanagerImportReport,
  importAlertmanagerConfig,
  importReportLines,
  isAlertmanagerConfig,
} from "./import-alertmanager";
export {
  type ExtractedSecret,
  extractImportedSecrets,
  type ImportedSecret,
  importedSecrets,
  MASK,
  maskImportedSecrets,
} from "./imported-secrets";
export { AlertmanagerImportError, type ImportProblem } from "./problems";
