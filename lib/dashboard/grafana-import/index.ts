export { type EquivalenceOptions, equivalentGrafanaDashboards } from "./equivalent";
export { type GrafanaImportResult, importGrafanaDashboard } from "./import-dashboard";
export { GrafanaImportError } from "./input-schema";
