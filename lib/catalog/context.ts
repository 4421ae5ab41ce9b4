import type { FrameworkVersion } from "../model";

/** What a catalog entry needs to know about the project it is added to. */
export interface CatalogContext {
  version: FrameworkVersion;
  /** Prometheus job label of the application's scrape target. */
  appJob: string;
  prometheusUid: string;
  postgresUid: string;
  lokiUid: string;
  /** Application label used in Loki stream selectors. */
  appName: string;
}

export function defaultCatalogContext(overrides: Partial<CatalogContext> = {}): CatalogContext {
  return {
    version: "v2",
    appJob: "fraiseql",
    prometheusUid: "prometheus",
    postgresUid: "app-postgres",
    lokiUid: "loki",
    appName: "my-app",
    ...overrides,
  };
}
