"use client";

import { type ReactNode, useState } from "react";
import { calculate, type Series } from "@/lib/dashboard/series";
import { formatPanelValue } from "./format";
import type { PanelOfType, VisualizationProps } from "./visualization-props";

type TablePanel = PanelOfType<"table">;

interface Sort {
  column: string;
  desc: boolean;
}

/** Columns: every label the series carry, then one value column per query. */
export function tableColumns(series: readonly Series[]): { labels: string[]; values: string[] } {
  const labels = new Set<string>();
  const refIds = new Set<string>();
  for (const entry of series) {
    for (const name of Object.keys(entry.labels)) if (name !== "__name__") labels.add(name);
    refIds.add(entry.refId);
  }
  const values = [...refIds].map((refId) => (refIds.size === 1 ? "Value" : `Value #${refId}`));
  return { labels: [...labels].sort(), values };
}

/** A row per series: its labels and its latest value; sortable by any column. */
export function TableView({ panel, series, height }: VisualizationProps<TablePanel>): ReactNode {
  const initial = panel.sortBy[0];
  const [sort, setSort] = useState<Sort | undefined>(
    initial ? { column: initial.displayName, desc: initial.desc } : undefined,
  );
  const { labels, values } = tableColumns(series);
  const refIds = [...new Set(series.map((entry) => entry.refId))];
  const valueColumn = (refId: string): string => (refIds.length === 1 ? "Value" : `Value #${refId}`);
  const rows = series.map((entry) => {
    const cells: Record<string, string | number | null> = {};
    for (const label of labels) cells[label] = entry.labels[label] ?? "";
    cells[valueColumn(entry.refId)] = calculate(entry.points, "lastNotNull");
    return { key: entry.key, cells };
  });
  if (sort) {
    rows.sort((a, b) => {
      const left = a.cells[sort.column] ?? null;
      const right = b.cells[sort.column] ?? null;
      let order: number;
      if (typeof left === "number" || typeof right === "number") {
        const l = typeof left === "number" ? left : Number.NEGATIVE_INFINITY;
        const r = typeof right === "number" ? right : Number.NEGATIVE_INFINITY;
        order = l === r ? 0 : l < r ? -1 : 1;
      } else order = String(left ?? "").localeCompare(String(right ?? ""), undefined, { numeric: true });
      return sort.desc ? -order : order;
    });
  }
  const columns = [...labels, ...values];
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
              {columns.map((column) => (
                <th
                  key={column}
                  aria-sort={sort?.column === column ? (sort.desc ? "descending" : "ascending") : "none"}
                  className={values.includes(column) ? "numeric" : undefined}
                >
                  <button type="button" onClick={() => toggle(column)} data-testid="table-sort">
                    {column}
                    {sort?.column === column ? (sort.desc ? " ▼" : " ▲") : ""}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
        ) : null}
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              {columns.map((column) => {
                const value = row.cells[column];
                return (
                  <td key={column} className={values.includes(column) ? "numeric" : undefined}>
                    {typeof value === "number" || value === null
                      ? formatPanelValue(value ?? null, panel)
                      : value}
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
