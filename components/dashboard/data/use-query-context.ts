"use client";

import { useMemo } from "react";
import { resolveTimeRange } from "@/lib/dashboard/time-range";
import { useDraftTimezone, useDraftVariables, useProjectDatasources, useViewState } from "../store/store-provider";
import type { QueryContext } from "./query-params";

export type TimeWindow = { ok: true; from: number; to: number } | { ok: false; error: string };

/** The view's time range as epoch milliseconds at the view's "now". */
export function useTimeWindow(): TimeWindow {
  const { timeRange, now } = useViewState();
  const timezone = useDraftTimezone();
  return useMemo(() => {
    const resolved = resolveTimeRange(timeRange, { now, timezone });
    return resolved.ok ? { ok: true, from: resolved.from, to: resolved.to } : { ok: false, error: resolved.error };
  }, [timeRange, now, timezone]);
}

/** Everything a panel's queries depend on besides the panel: range, variables, datasources. */
export function useQueryContext(widthPx: number): QueryContext | { error: string } {
  const range = useTimeWindow();
  const { variableSelections } = useViewState();
  const variables = useDraftVariables();
  const datasources = useProjectDatasources();
  return useMemo(
    () =>
      range.ok
        ? { from: range.from, to: range.to, widthPx, variables, selections: variableSelections, datasources }
        : { error: range.error },
    [range, widthPx, variables, variableSelections, datasources],
  );
}
