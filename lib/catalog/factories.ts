import {
  type Dashboard,
  type DashboardInput,
  DashboardSchema,
  type PanelInput,
  type Thresholds,
} from "../model";
import { PANEL_TYPE_REGISTRY } from "../panels/registry";
import type { PanelSize } from "../panels/types";

/**
 * Small factories in the manner of Grafana's Foundation SDK: each returns a fresh object, and
 * `dashboard()` lays panels out on the 24-column grid and numbers them, so catalog files read as
 * a list of panels, not of coordinates.
 */

type Draft<T> = T extends unknown ? Omit<T, "id" | "gridPos"> & { w?: number; h?: number } : never;
export type PanelDraft = Draft<PanelInput>;

export function promTarget(
  expr: string,
  legendFormat?: string,
  options: { refId?: string; instant?: boolean; format?: "time_series" | "table" | "heatmap" } = {},
): {
  kind: "promql";
  refId: string;
  expr: string;
  legendFormat?: string;
  instant?: boolean;
  format?: "time_series" | "table" | "heatmap";
} {
  return {
    kind: "promql",
    refId: options.refId ?? "A",
    expr,
    legendFormat,
    instant: options.instant,
    format: options.format,
  };
}

export function sqlTarget(
  rawSql: string,
  format: "table" | "time_series" = "table",
  refId = "A",
): { kind: "sql"; refId: string; rawSql: string; format: "table" | "time_series" } {
  return { kind: "sql", refId, rawSql, format };
}

/** Gives several targets refIds A, B, C… in order. */
export function targets<T extends { refId: string }>(...list: T[]): T[] {
  return list.map((target, index) => ({ ...target, refId: String.fromCharCode(65 + index) }));
}

export function thresholds(base: string, ...steps: [number, string][]): Thresholds {
  return {
    mode: "absolute",
    steps: [{ value: null, color: base }, ...steps.map(([value, color]) => ({ value, color }))],
  };
}

/** green below `warn`, orange from `warn`, red from `critical` */
export function trafficLight(warn: number, critical: number): Thresholds {
  return thresholds("green", [warn, "orange"], [critical, "red"]);
}

/** red below `critical`, orange below `warn`, green above: for ratios where higher is better */
export function reverseTrafficLight(critical: number, warn: number): Thresholds {
  return thresholds("red", [critical, "orange"], [warn, "green"]);
}

export function row(title: string, collapsed = false): PanelDraft {
  return { type: "row", title, collapsed };
}

/** A draft's size when it gives none: its type's default size, a row the full width. */
function defaultSize(type: PanelDraft["type"]): PanelSize {
  return type === "row" ? { w: 24, h: 1 } : PANEL_TYPE_REGISTRY[type].defaultSize;
}

/** Places drafts left to right, wrapping at 24 columns; a row always starts a new line. */
export function layout(drafts: readonly PanelDraft[]): PanelInput[] {
  const panels: PanelInput[] = [];
  let x = 0;
  let y = 0;
  let lineHeight = 0;
  drafts.forEach((draft, index) => {
    const { w: wantedW, h: wantedH, ...rest } = draft;
    const size = defaultSize(draft.type);
    const w = wantedW ?? size.w;
    const h = wantedH ?? size.h;
    if (draft.type === "row" || x + w > 24) {
      y += lineHeight;
      x = 0;
      lineHeight = 0;
    }
    panels.push({ ...rest, id: index + 1, gridPos: { x, y, w, h } } as PanelInput);
    x += w;
    lineHeight = Math.max(lineHeight, h);
    if (draft.type === "row") {
      y += h;
      x = 0;
      lineHeight = 0;
    }
  });
  return panels;
}

export function dashboard(
  input: Omit<DashboardInput, "panels"> & { panels: readonly PanelDraft[] },
): Dashboard {
  return DashboardSchema.parse({ ...input, panels: layout(input.panels) });
}
