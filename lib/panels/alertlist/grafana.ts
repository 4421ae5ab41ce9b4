import type { PanelOf, PanelTypeExport, PanelTypeGrafana } from "../types";
import { alertListImport } from "./import";

/** The alert list panel (unified alerting) ships no schema types; its options as Grafana saves them. */
export interface AlertListOptions {
  alertInstanceLabelFilter: string;
  alertName: string;
  dashboardAlerts: boolean;
  groupBy: string[];
  groupMode: "default" | "custom";
  maxItems: number;
  /** 1 alphabetical, 2 reverse alphabetical, 3 importance (firing first), 4/5 by time. */
  sortOrder: 1 | 2 | 3 | 4 | 5;
  stateFilter: { error: boolean; firing: boolean; noData: boolean; normal: boolean; pending: boolean };
  viewMode: "list" | "stat";
}

function options(panel: PanelOf<"alertlist">): AlertListOptions {
  const states = new Set(panel.stateFilter);
  return {
    alertInstanceLabelFilter: panel.labelFilter,
    alertName: "",
    dashboardAlerts: false,
    groupBy: [],
    groupMode: "default",
    maxItems: panel.maxItems,
    sortOrder: 3,
    stateFilter: {
      error: states.has("error"),
      firing: states.has("firing"),
      noData: states.has("noData"),
      // Grafana calls the model's "inactive" state "normal".
      normal: states.has("inactive"),
      pending: states.has("pending"),
    },
    viewMode: "list",
  };
}

const alertListExport: PanelTypeExport<"alertlist"> = {
  pluginId: "alertlist",
  options,
  fieldConfig: () => ({ defaults: {}, overrides: [] }),
};

export const alertListGrafana: PanelTypeGrafana<"alertlist"> = {
  type: "alertlist",
  export: alertListExport,
  import: alertListImport,
};
