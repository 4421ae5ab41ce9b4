"use client";

import type { ReactNode } from "react";
import type { RowPanel } from "@/lib/model/panel";
import { useDraftActions, useSelection, useViewState } from "../store/store-provider";

export interface RowHeaderProps {
  row: RowPanel;
  /** Panels the row owns. */
  memberCount: number;
}

/**
 * A row on the grid: click the title to collapse or expand it in this view (never saved: "Make
 * default" stores the view), drag the bar to move it.
 */
export function RowHeader({ row, memberCount }: RowHeaderProps): ReactNode {
  const { deletePanel } = useDraftActions();
  const { toggleRow } = useViewState();
  const { openEditor } = useSelection();
  return (
    <div
      className="dash-row panel-drag-handle"
      data-testid="dashboard-row"
      data-row-id={row.id}
      data-collapsed={row.collapsed}
    >
      <button
        type="button"
        className="dash-row-toggle"
        onClick={() => toggleRow(row.id)}
        aria-expanded={!row.collapsed}
        data-testid="row-toggle"
      >
        <span aria-hidden="true">{row.collapsed ? "▸" : "▾"}</span> {row.title}
        {row.collapsed ? <span className="muted small"> ({memberCount} panels)</span> : null}
      </button>
      <div className="dash-panel-menu">
        <button
          type="button"
          onClick={() => openEditor(row.id)}
          aria-label={`Edit row ${row.title}`}
          data-testid="row-edit"
        >
          Edit
        </button>
        <button
          type="button"
          onClick={() => deletePanel(row.id)}
          aria-label={`Delete row ${row.title}`}
          data-testid="row-delete"
        >
          Delete
        </button>
      </div>
    </div>
  );
}
