import type { PreviewQueryCall } from "@/components/preview/use-preview-queries";
import { queryKeys } from "@/lib/api/query-keys";
import { resolveTimeRange } from "@/lib/dashboard/time-range";
import type { Dashboard } from "@/lib/model/dashboard";
import type { Project } from "@/lib/model/project";
import { displayLayout, gridCellWidth, gridSpan, gridTop, isRow } from "../model/layout";
import { initialVariables } from "../model/variables";
import type { UrlView } from "../model/view-url";
import { planQuery, type QueryContext, runTargets } from "./query-params";

/**
 * The preview calls the panels of a dashboard's first screen will make, worked out before the page
 * is in the browser: the server starts them while it renders, and hands the answers to the
 * page's React Query cache under the keys the panels then ask with (so they send nothing).
 *
 * The same planning as the panels' own (planQuery, the variables as the first render sees them,
 * the view's time range at the server's "now", which the page then uses), with the grid's size
 * as the browser last reported it (see grid-size.ts). A guess that turns out wrong costs only the
 * server's work: a panel whose request differs asks for its own.
 */

/** The grid's width and how much of it shows above the fold, in pixels. */
export interface GridSize {
  width: number;
  fold: number;
}

export interface FirstScreenInput {
  project: Pick<Project, "datasources" | "scrapeInterval">;
  dashboard: Dashboard;
  view: UrlView | undefined;
  now: number;
  grid: GridSize;
}

/** One call and the React Query key its answer goes under. */
export interface PlannedCall extends PreviewQueryCall {
  key: string;
}

export function firstScreenCalls({ project, dashboard, view, now, grid }: FirstScreenInput): PlannedCall[] {
  const timeRange = view?.timeRange ?? { from: dashboard.time.from, to: dashboard.time.to };
  const range = resolveTimeRange(timeRange, { now, timezone: dashboard.timezone });
  if (!range.ok) return [];
  const { selections, unknown } = initialVariables(
    dashboard.variables,
    view?.variableSelections ?? {},
    project.datasources,
  );
  const cell = gridCellWidth(grid.width);
  const byId = new Map(dashboard.panels.map((panel) => [String(panel.id), panel]));
  const calls = new Map<string, PlannedCall>();
  for (const item of displayLayout(dashboard.panels)) {
    const panel = byId.get(item.i);
    if (!panel || isRow(panel) || gridTop(item.y) >= grid.fold) continue;
    const context: QueryContext = {
      from: range.from,
      to: range.to,
      widthPx: gridSpan(item.w, cell),
      variables: dashboard.variables,
      selections,
      datasources: project.datasources,
      scrapeInterval: project.scrapeInterval,
      unknownVariables: unknown,
    };
    for (const target of runTargets(panel)) {
      const plan = planQuery(panel, target, context);
      if (plan.kind !== "preview" || plan.variables.some((name) => unknown.includes(name))) continue;
      const key = JSON.stringify(queryKeys.previewCall("", plan.endpoint, plan.params));
      calls.set(key, { key, endpoint: plan.endpoint, params: plan.params });
    }
  }
  return [...calls.values()];
}
