import {
  type DisplayValue,
  displayValue,
  type FieldDisplay,
  fieldConfigOf,
  resolveField,
} from "@/lib/dashboard/field-config";
import { asString, getPath } from "@/lib/dashboard/grafana-import/json";
import type { Series } from "@/lib/dashboard/series";
import { applyTransformations, type CellValue, concatFrames } from "@/lib/dashboard/transformations";
import { formatFullTime } from "./format";
import type { ViewerClock } from "./viewer-clock";
import type { PanelOfType } from "./visualization-props";

type TablePanel = PanelOfType<"table">;

export interface TableColumn {
  /** The column's name in the data, unique in the table. */
  key: string;
  /** Its header: a display name override, else its name. */
  header: string;
  numeric: boolean;
  display: FieldDisplay;
}

export interface TableCell {
  value: CellValue;
  shown: DisplayValue;
}

export interface TableData {
  columns: TableColumn[];
  rows: Array<{ key: string; cells: TableCell[] }>;
  /** Transformations the preview does not apply. */
  skipped: string[];
}

/** Cell types that colour the cell or its text by the value (thresholds, or a mapping's colour). */
const COLOURED = new Set(["color-text", "color-background"]);

function cellText(value: CellValue, column: TableColumn, time: boolean, clock: ViewerClock): DisplayValue {
  if (time && typeof value === "number")
    return { text: formatFullTime(value, clock), color: undefined, mapped: false };
  const shown = displayValue(value, column.display);
  return COLOURED.has(column.display.cellType ?? "") || shown.mapped ? shown : { ...shown, color: undefined };
}

/**
 * What a table panel shows: its series as Grafana's table frames, its transformations applied
 * (merge, organize …; the model keeps them raw in `extra`), then its column overrides: hidden
 * columns left out, display names, units, decimals, value mappings, cell colours and widths.
 */
export function tableData(panel: TablePanel, series: readonly Series[], clock: ViewerClock): TableData {
  const { frames, skipped } = applyTransformations(series, panel.extra?.transformations);
  const frame = concatFrames(frames);
  const config = fieldConfigOf(panel);
  const defaultCell = asString(getPath(panel.extra ?? {}, "fieldConfig.defaults.custom.cellOptions.type"));
  const defaults = { ...config.defaults, cellType: defaultCell };
  const fields = frame.fields.map((field) => ({
    field,
    column: {
      key: field.name,
      numeric: field.type === "number",
      display: resolveField(defaults, config.overrides, {
        name: field.name,
        refId: frame.refId,
        type: field.type,
        values: field.type === "number" ? (field.values as (number | null)[]) : undefined,
      }),
    },
  }));
  const shown = fields
    .filter(({ column }) => !column.display.hidden)
    .map(({ field, column }) => ({ field, column: { ...column, header: column.display.displayName } }));
  const length = frame.fields[0]?.values.length ?? 0;
  const rows = [...Array(length).keys()].map((row) => ({
    key: String(row),
    cells: shown.map(({ field, column }) => {
      const value = field.values[row] ?? null;
      return { value, shown: cellText(value, column, field.type === "time", clock) };
    }),
  }));
  return { columns: shown.map(({ column }) => column), rows, skipped };
}
