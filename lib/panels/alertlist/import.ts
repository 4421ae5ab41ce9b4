import { asObject, asString, type JsonObject } from "../../dashboard/grafana-import/json";
import { COMMON_PANEL_DEFAULTS, intIn } from "../common/grafana-import";
import type { ImportedFields, PanelOf, PanelTypeImport } from "../types";
import { convertLegacyAlertList, isLegacyAlertList } from "./legacy";

type AlertState = PanelOf<"alertlist">["stateFilter"][number];

/** The model's alert states by Grafana's stateFilter key ("normal" is the model's "inactive"). */
const GRAFANA_ALERT_STATE: Record<string, AlertState> = {
  firing: "firing",
  pending: "pending",
  normal: "inactive",
  error: "error",
  noData: "noData",
};

function fields(json: JsonObject): ImportedFields<"alertlist"> {
  const options = asObject(json.options);
  const filter = asObject(options.stateFilter);
  return {
    maxItems: intIn(options.maxItems, 1, 1000) ?? 20,
    stateFilter: Object.entries(GRAFANA_ALERT_STATE)
      .filter(([key]) => filter[key] === true)
      .map(([, state]) => state),
    labelFilter: asString(options.alertInstanceLabelFilter) ?? "",
  };
}

export const alertListImport: PanelTypeImport<"alertlist"> = {
  grafanaDefaults: {
    ...COMMON_PANEL_DEFAULTS,
    fieldConfig: { defaults: {}, overrides: [] },
    options: {
      alertInstanceLabelFilter: "",
      alertName: "",
      dashboardAlerts: false,
      groupBy: [],
      groupMode: "default",
      maxItems: 20,
      sortOrder: 1,
      stateFilter: { error: true, firing: true, noData: false, normal: false, pending: true },
      viewMode: "list",
    },
  },
  fields,
  standardFieldsAt: "fieldConfig.defaults",
  // It shows alerts, not values: no unit, thresholds or colour of its own in Grafana.
  fieldConfigStandardOptions: false,
  modelledPaths: ["options.maxItems", "options.stateFilter", "options.alertInstanceLabelFilter"],
  legacy: [
    {
      detect: (json) => (json.type === "alertlist" && isLegacyAlertList(json) ? "alertlist" : undefined),
      convert: convertLegacyAlertList,
    },
  ],
};
