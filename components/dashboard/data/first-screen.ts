import type { PreviewQueryCall } from "@/components/preview/use-preview-queries";
import { queryKeys } from "@/lib/api/query-keys";
import { rangeNeedsViewerZone, resolveTimeRange } from "@/lib/dashboard/time-range";
import type { Dashboard } from "@/lib/model/dashboard";
import type { Project } from "@/lib/model/project";
import { displayLayout, gridCellWidth, gridSpan, gridTop, isRow, placedLayout } from "../model/layout";
import { applyVariableRegex } from "../model/variables";
import type { UrlView } from "../model/view-url";
import { planQuery, type QueryContext, runTargets } from "./query-params";
import { planVariables, type VariableCall, type VariablesPlan } from "./variable-requests";

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
  /** Query variables' options the server has already (by variableCallKey), as the page will find them cached. */
  variableOptions?: ReadonlyMap<string, readonly string[]>;
}

/** One call and the React Query key its answer goes under. */
export interface PlannedCall extends PreviewQueryCall {
  key: string;
}

/** The key a query variable's options go under in the page's cache (its project id left out). */
export function variableCallKey(call: VariableCall): string {
  return JSON.stringify(queryKeys.previewCall("", call.endpoint, call.params));
}

function rawViewRange(dashboard: Dashboard, view: UrlView | undefined) {
  return view?.timeRange ?? { from: dashboard.time.from, to: dashboard.time.to };
}

/** The view's time range at `now`, as the page resolves it. */
function viewRange(dashboard: Dashboard, view: UrlView | undefined, now: number) {
  return resolveTimeRange(rawViewRange(dashboard, view), { now, timezone: dashboard.timezone });
}

/**
 * Whether the server may draw the view's first screen: only if it resolves the time range to the
 * same instants as the browser will, so that its answers are the ones the panels ask for.
 */
export function serverCanDrawView(
  dashboard: Dashboard,
  view: UrlView | undefined,
  serverZone: string,
  viewerZone: string,
): boolean {
  return (
    serverZone === viewerZone || !rangeNeedsViewerZone(rawViewRange(dashboard, view), dashboard.timezone)
  );
}

/**
 * The variables as the page's first render will see them (useDashboardVariables), given the
 * options the server hands it: each variable's call and selection, and which variables stand for
 * nothing yet (a query variable with no value chosen or stored, whose options are not there).
 */
export function firstScreenVariables(
  input: Omit<FirstScreenInput, "grid">,
): (VariablesPlan & { unknown: string[]; range: { from: number; to: number } }) | undefined {
  const { project, dashboard, view, now, variableOptions } = input;
  const range = viewRange(dashboard, view, now);
  if (!range.ok) return undefined;
  const missing = new Set<string>();
  const plan = planVariables(
    dashboard.variables,
    {
      from: range.from,
      to: range.to,
      selections: view?.variableSelections ?? {},
      datasources: project.datasources,
    },
    (variable, call) => {
      const options = variableOptions?.get(variableCallKey(call));
      if (options === undefined) missing.add(variable.name);
      return options && variable.type === "query" ? applyVariableRegex(options, variable.regex) : undefined;
    },
  );
  const unknown = dashboard.variables
    .filter((variable) => missing.has(variable.name) && (plan.selections[variable.name] ?? []).length === 0)
    .map((variable) => variable.name);
  return { ...plan, unknown, range: { from: range.from, to: range.to } };
}

export function firstScreenCalls(input: FirstScreenInput): PlannedCall[] {
  const { project, dashboard, grid } = input;
  const variables = firstScreenVariables(input);
  if (!variables) return [];
  const { selections, unknown, range } = variables;
  const cell = gridCellWidth(grid.width);
  const byId = new Map(dashboard.panels.map((panel) => [String(panel.id), panel]));
  const calls = new Map<string, PlannedCall>();
  for (const item of placedLayout(displayLayout(dashboard.panels))) {
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
