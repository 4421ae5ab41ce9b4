"use client";

import { type ReactNode, useMemo, useState } from "react";
import { tableData } from "./table-data";
import { useViewerClock } from "./viewer-clock-context";
import type { PanelOfType, VisualizationProps } from "./visualization-props";

type TablePanel = PanelOfType<"table">;

interface Sort {
  column: string;
  desc: boolean;
}

/**
 * The panel's table: a row per series (its labels and latest value) or what its transformations
 * make of them, with its column overrides; sortable by any column.
 */
export function TableView({ panel, series, height }: VisualizationProps<TablePanel>): ReactNode {
  const initial = panel.sortBy[0];
  const [sort, setSort] = useState<Sort | undefined>(
    initial ? { column: initial.displayName, desc: initial.desc } : undefined,
  );
  const clock = useViewerClock();
  const data = useMemo(() => tableData(panel, series, clock), [panel, series, clock]);
  const rows = [...data.rows];
  const at = sort ? data.columns.findIndex((column) => column.header === sort.column) : -1;
  if (sort && at >= 0) {
    rows.sort((a, b) => {
      const left = a.cells[at]?.value ?? null;
      const right = b.cells[at]?.value ?? null;
      let order: number;
      if (typeof left === "number" || typeof right === "number") {
        const l = typeof left === "number" ? left : Number.NEGATIVE_INFINITY;
        const r = typeof right === "number" ? right : Number.NEGATIVE_INFINITY;
        order = l === r ? 0 : l < r ? -1 : 1;
      } else order = String(left ?? "").localeCompare(String(right ?? ""), undefined, { numeric: true });
      return sort.desc ? -order : order;
    });
  }
  const toggle = (column: string): void =>
    setSort((current) =>
      current?.column === column ? { column, desc: !current.desc } : { column, desc: false },
    );
  return (
    <div className="dash-table-wrap" style={{ maxHeight: height }}>
      <table className="dash-table" data-testid="panel-table">
        {panel.showHeader ? (
          <thead>
            <tr>
              {data.columns.map((column) => (
                <th
                  key={column.key}
                  aria-sort={
                    sort?.column === column.header ? (sort.desc ? "descending" : "ascending") : "none"
                  }
                  className={column.numeric ? "numeric" : undefined}
                  style={column.display.width ? { width: column.display.width } : undefined}
                >
                  <button type="button" onClick={() => toggle(column.header)} data-testid="table-sort">
                    {column.header}
                    {sort?.column === column.header ? (sort.desc ? " ▼" : " ▲") : ""}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
        ) : null}
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              {data.columns.map((column, index) => {
                const shown = row.cells[index]?.shown;
                const background = column.display.cellType === "color-background";
                const style = shown?.color
                  ? background
                    ? { background: shown.color, color: "#fff" }
                    : { color: shown.color }
                  : undefined;
                return (
                  <td
                    key={column.key}
                    className={column.numeric ? "numeric" : undefined}
                    style={style}
                    // A time cell the server wrote: see the time axis (chart-axes.tsx).
                    suppressHydrationWarning
                  >
                    {shown?.text ?? ""}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
