export {
  type AlertmanagerImport,
  type AlertmanagerImportReport,
  countRoutes,
  importAlertmanagerConfig,
  importReportLines,
  isAlertmanagerConfig,
} from "./import-alertmanager";
export {
  type ExtractedSecret,
  extractImportedSecrets,
  type ImportedSecret,
  importedSecrets,
  isSealedValue,
  MASK,
  maskImportedSecrets,
  SEALED_PREFIX,
  withImportedSecretValues,
} from "./imported-secrets";
export { AlertmanagerImportError, type ImportProblem } from "./problems";
