import {
  asArray,
  asObject,
  asString,
  isPlainObject,
  type JsonObject,
} from "../../dashboard/grafana-import/json";
import {
  type LegacyConversion,
  leftovers,
  shared,
  singlestatThresholds,
  VALUE_NAME_CALCS,
} from "../common/legacy";

const TABLE_OLD_KEYS = new Set([
  "columns",
  "fontSize",
  "pageSize",
  "scroll",
  "showHeader",
  "sort",
  "styles",
  "transform",
  "fieldConfig",
]);

const STYLE_ALIGN: Record<string, string> = { left: "left", right: "right", center: "center" };

function styleProperties(style: JsonObject): Array<{ id: string; value: unknown }> {
  const properties: Array<{ id: string; value: unknown }> = [];
  if (typeof style.alias === "string" && style.alias !== "")
    properties.push({ id: "displayName", value: style.alias });
  if (style.type === "hidden") properties.push({ id: "custom.hidden", value: true });
  if (style.type === "number" && typeof style.unit === "string")
    properties.push({ id: "unit", value: style.unit });
  if (typeof style.decimals === "number") properties.push({ id: "decimals", value: style.decimals });
  const align = STYLE_ALIGN[asString(style.align) ?? ""];
  if (align) properties.push({ id: "custom.align", value: align });
  if (style.colorMode === "cell" || style.colorMode === "value" || style.colorMode === "row") {
    properties.push({
      id: "custom.cellOptions",
      value: { type: style.colorMode === "value" ? "color-text" : "color-background" },
    });
    properties.push({
      id: "thresholds",
      value: singlestatThresholds({ thresholds: asArray(style.thresholds).join(","), colors: style.colors }),
    });
  }
  if (typeof style.link === "boolean" && style.link && typeof style.linkUrl === "string") {
    properties.push({
      id: "links",
      value: [{ title: asString(style.linkTooltip) ?? "", url: style.linkUrl }],
    });
  }
  return properties;
}

/** Is this Grafana 7's table? Before Grafana 7 (schemaVersion 24) "table" was the table now called table-old. */
export function isTableOld(panel: JsonObject): boolean {
  return (
    panel.type === "table-old" ||
    (panel.type === "table" && Array.isArray(panel.styles) && !isPlainObject(panel.fieldConfig))
  );
}

/** `table-old` (Grafana 7's table) → `table`: column styles become field overrides. */
export function convertTableOld(panel: JsonObject): LegacyConversion {
  const notes: LegacyConversion["notes"] = [];
  const overrides: JsonObject[] = [];
  const defaults: JsonObject = { custom: { align: "auto", cellOptions: { type: "auto" }, inspect: false } };
  for (const style of asArray(panel.styles).filter(isPlainObject)) {
    const pattern = asString(style.pattern) ?? "";
    const properties = styleProperties(style);
    if (style.type === "date") {
      notes.push({
        key: "styles",
        what: `date column style "${pattern}" dropped (the table formats times itself)`,
      });
    }
    if (properties.length === 0) continue;
    if (pattern === "/.*/") {
      for (const property of properties) {
        if (property.id === "custom.align") (defaults.custom as JsonObject).align = property.value;
        else if (property.id === "custom.cellOptions")
          (defaults.custom as JsonObject).cellOptions = property.value;
        else if (!property.id.includes(".")) defaults[property.id] = property.value;
      }
      continue;
    }
    const isRegexp = pattern.startsWith("/") && pattern.lastIndexOf("/") > 0;
    overrides.push({ matcher: { id: isRegexp ? "byRegexp" : "byName", options: pattern }, properties });
  }
  const transformations = [...asArray(panel.transformations)];
  const transform = asString(panel.transform);
  // Grafana's table migration (tablePanelChangedHandler) turns the old "table" transform, which
  // joined the queries' tables, into a merge.
  if (transform === "table") transformations.push({ id: "merge", options: {} });
  else if (transform === "timeseries_to_rows") transformations.push({ id: "seriesToRows", options: {} });
  else if (transform === "timeseries_to_columns")
    transformations.push({ id: "seriesToColumns", options: {} });
  else if (transform && transform !== "timeseries_aggregations") {
    notes.push({ key: "transform", what: `table-old transform "${transform}" has no equivalent; dropped` });
  }
  if (transform === "timeseries_aggregations") {
    const calcs = asArray(panel.columns)
      .map(
        (column) =>
          VALUE_NAME_CALCS[asString(asObject(column).value) ?? ""] ?? asString(asObject(column).value),
      )
      .filter((calc): calc is string => typeof calc === "string");
    transformations.push({ id: "reduce", options: { reducers: calcs.length > 0 ? calcs : ["mean"] } });
  }
  const sort = asObject(panel.sort);
  if (typeof sort.col === "number") {
    notes.push({
      key: "sort",
      what: `table-old sort by column ${sort.col} dropped (the new table sorts by column name)`,
    });
  }
  if (panel.fontSize !== undefined && panel.fontSize !== "100%") {
    notes.push({ key: "fontSize", what: `table-old font size ${String(panel.fontSize)} dropped` });
  }
  const out: JsonObject = {
    ...shared(panel),
    type: "table",
    fieldConfig: { defaults, overrides },
    options: { showHeader: panel.showHeader !== false },
  };
  if (transformations.length > 0) out.transformations = transformations;
  Object.assign(out, leftovers(panel, TABLE_OLD_KEYS, notes));
  return { panel: out, notes };
}
