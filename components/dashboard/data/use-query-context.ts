"use client";

import { useMemo } from "react";
import { useDraftVariables, useProjectDatasources } from "../store/store-provider";
import type { QueryContext } from "./query-params";
import { useTimeWindow } from "./use-time-window";
import { useVariables } from "./variables-context";

export type QueryContextState = { ready: boolean; context: QueryContext } | { ready: false; error: string };

/**
 * Everything a panel's queries depend on besides the panel: range, variables, datasources. Not
 * ready while a query variable's values are still loading: a query sent before would carry `$job`
 * uninterpolated and fail.
 */
export function useQueryContext(widthPx: number): QueryContextState {
  const range = useTimeWindow();
  const { selections, ready } = useVariables();
  const variables = useDraftVariables();
  const datasources = useProjectDatasources();
  return useMemo(
    () =>
      range.ok
        ? { ready, context: { from: range.from, to: range.to, widthPx, variables, selections, datasources } }
        : { ready: false, error: range.error },
    [range, widthPx, variables, selections, ready, datasources],
  );
}
