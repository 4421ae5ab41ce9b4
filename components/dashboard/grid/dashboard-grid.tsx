"use client";

import { type ReactNode, useEffect, useMemo } from "react";
import ReactGridLayout, { type Layout, useContainerWidth } from "react-grid-layout";
import "react-grid-layout/css/styles.css";
import { QueryInspector } from "../designer/on-demand";
import {
  displayLayout,
  GRID_COLUMNS,
  GRID_MARGIN,
  GRID_ROW_HEIGHT,
  gridCellWidth,
  gridSpan,
  gridTop,
  isRow,
  placedLayout,
  rowSections,
} from "../model/layout";
import { useDraftActions, useSelection, useViewPanels } from "../store/store-provider";
import { rememberGridSize } from "./grid-size";
import { useReportedGridSize } from "./reported-grid-size";
import { PanelFrame } from "./panel-frame";
import { RowHeader } from "./row-header";

/**
 * The dashboard as Grafana lays it out: 24 columns, 30 px rows, rows that collapse. Dragging a
 * header moves a panel, the corner resizes it; the model changes when the gesture ends.
 */
export function DashboardGrid(): ReactNode {
  // Rows as this viewer expanded or collapsed them.
  const panels = useViewPanels();
  const { applyLayout } = useDraftActions();
  const { inspectingPanelId, openInspector } = useSelection();
  // Laid out at the width the browser reported (the server draws the first screen at it,
  // grid-size.ts), then at the one measured here; without a report, only once measured.
  const reported = useReportedGridSize();
  const { width, containerRef, mounted } = useContainerWidth({
    measureBeforeMount: reported === undefined,
    initialWidth: reported?.width,
  });
  const layout = useMemo(() => {
    const items = displayLayout(panels);
    const rows = new Set(panels.filter(isRow).map((row) => String(row.id)));
    return items.map((item) =>
      rows.has(item.i)
        ? { ...item, isResizable: false, minW: GRID_COLUMNS, maxH: 1 }
        : { ...item, minW: 2, minH: 2 },
    );
  }, [panels]);
  const memberCounts = useMemo(
    () => new Map(rowSections(panels).map((section) => [section.row.id, section.members.length])),
    [panels],
  );
  const byId = useMemo(() => new Map(panels.map((panel) => [String(panel.id), panel])), [panels]);
  // Where the grid will draw each item (it compacts upwards), for which panels start in view.
  const placed = useMemo(() => new Map(placedLayout(layout).map((item) => [item.i, item])), [layout]);
  const cell = gridCellWidth(width);
  const inspectedPanel = byId.get(String(inspectingPanelId));
  const inspected = inspectedPanel && !isRow(inspectedPanel) ? inspectedPanel : undefined;
  const inspectedItem = layout.find((item) => item.i === String(inspectingPanelId));
  // A panel whose top is above the fold as the grid first shows is in view from the start: it
  // queries at once instead of waiting for the observers' first report. Where the grid is drawn
  // on the server, the fold is the reported one (the server's and the browser's first
  // render must agree); else it is read when the grid first renders, after measuring its width.
  // biome-ignore lint/correctness/useExhaustiveDependencies: read once, when the grid mounts
  const foldInGrid = useMemo(() => {
    if (reported) return reported.fold;
    const top = containerRef.current?.getBoundingClientRect().top;
    return top === undefined ? 0 : window.innerHeight - top;
  }, [mounted]);
  useEffect(() => {
    // The grid's top in the page, wherever it is scrolled to.
    const top = containerRef.current?.getBoundingClientRect().top;
    if (mounted && width > 0 && top !== undefined)
      rememberGridSize({ width, fold: window.innerHeight - (top + window.scrollY) });
  }, [mounted, width, containerRef]);
  const commit = (next: Layout): void => applyLayout(next.map(({ i, x, y, w, h }) => ({ i, x, y, w, h })));

  return (
    <div ref={containerRef} className="dash-grid" data-testid="dashboard-grid">
      {mounted && layout.length > 0 ? (
        <ReactGridLayout
          width={width}
          layout={layout}
          gridConfig={{
            cols: GRID_COLUMNS,
            rowHeight: GRID_ROW_HEIGHT,
            margin: [GRID_MARGIN, GRID_MARGIN],
            containerPadding: [0, 0],
          }}
          dragConfig={{
            enabled: true,
            handle: ".panel-drag-handle",
            cancel: "button, a, input, select, textarea",
          }}
          resizeConfig={{ enabled: true, handles: ["se"] }}
          onDragStop={commit}
          onResizeStop={commit}
        >
          {layout.map((item) => {
            const panel = byId.get(item.i);
            if (!panel) return <div key={item.i} />;
            return (
              <div key={item.i} className="dash-grid-item">
                {isRow(panel) ? (
                  <RowHeader row={panel} memberCount={memberCounts.get(panel.id) ?? 0} />
                ) : (
                  <PanelFrame
                    panel={panel}
                    width={gridSpan(item.w, cell)}
                    height={gridSpan(item.h, GRID_ROW_HEIGHT)}
                    initiallyNear={gridTop(placed.get(item.i)?.y ?? item.y) < foldInGrid}
                  />
                )}
              </div>
            );
          })}
        </ReactGridLayout>
      ) : null}
      {inspected && inspectedItem ? (
        <div
          className="dash-drawer"
          role="dialog"
          aria-label={`Query inspector: ${inspected.title}`}
          data-testid="inspector-drawer"
        >
          <div className="dash-drawer-bar">
            <strong>Query inspector: {inspected.title}</strong>
            <button
              type="button"
              className="button"
              onClick={() => openInspector(undefined)}
              data-testid="inspector-close"
            >
              Close
            </button>
          </div>
          <QueryInspector panel={inspected} width={gridSpan(inspectedItem.w, cell)} />
        </div>
      ) : null}
      {panels.length === 0 ? (
        <p className="empty" data-testid="dashboard-empty">
          This dashboard has no panels yet: add one with “Add panel”.
        </p>
      ) : null}
    </div>
  );
}
