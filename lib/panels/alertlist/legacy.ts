import {
  asArray,
  asBoolean,
  asNumber,
  asObject,
  asString,
  isPlainObject,
  type JsonObject,
} from "../../dashboard/grafana-import/json";
import { type LegacyConversion, shared } from "../common/legacy";

const LEGACY_STATES: Record<string, string> = {
  alerting: "firing",
  pending: "pending",
  no_data: "noData",
  execution_error: "error",
  ok: "normal",
};

/** Is this alert list from legacy alerting (state filters as a list)? */
export function isLegacyAlertList(panel: JsonObject): boolean {
  const options = asObject(panel.options);
  return (
    Array.isArray(options.stateFilter) || Array.isArray(panel.stateFilter) || "onlyAlertsOnDashboard" in panel
  );
}

/** The legacy alert list → the unified one, state names translated. */
export function convertLegacyAlertList(panel: JsonObject): LegacyConversion {
  const notes: LegacyConversion["notes"] = [];
  const source =
    isPlainObject(panel.options) && Array.isArray(panel.options.stateFilter) ? panel.options : panel;
  const states = new Set(asArray(source.stateFilter).map((state) => LEGACY_STATES[String(state)]));
  const filter =
    states.size === 0
      ? { error: true, firing: true, noData: false, normal: false, pending: true }
      : {
          error: states.has("error"),
          firing: states.has("firing"),
          noData: states.has("noData"),
          normal: states.has("normal"),
          pending: states.has("pending"),
        };
  if (source.show === "changes")
    notes.push({ key: "show", what: "legacy alert list of state changes shows current alerts" });
  const out: JsonObject = {
    ...shared(panel),
    type: "alertlist",
    options: {
      alertName: asString(source.nameFilter) ?? "",
      dashboardAlerts: asBoolean(source.onlyAlertsOnDashboard) ?? false,
      maxItems: asNumber(source.limit) ?? asNumber(source.maxItems) ?? 10,
      sortOrder: asNumber(source.sortOrder) ?? 1,
      stateFilter: filter,
    },
  };
  return { panel: out, notes };
}
