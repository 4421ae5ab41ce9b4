"use client";

import { useMemo } from "react";
import { useDraftVariables, useProjectDatasources, useProjectScrapeInterval } from "../store/store-provider";
import type { QueryContext } from "./query-params";
import { useTimeWindow } from "./use-time-window";
import { useVariableSelections } from "./variables-context";

export type QueryContextState = { ready: boolean; context: QueryContext } | { ready: false; error: string };

/**
 * Everything a panel's queries depend on besides the panel: range, variables, datasources. Not
 * ready when the range is not valid. A query that uses a variable whose value is still unknown
 * (its options are loading, and neither the address nor its stored value says) waits for it
 * (see `unknownVariables`): sent before, it would carry `$job` uninterpolated and fail.
 */
export function useQueryContext(widthPx: number): QueryContextState {
  const range = useTimeWindow();
  const { selections, unknown } = useVariableSelections();
  const variables = useDraftVariables();
  const datasources = useProjectDatasources();
  const scrapeInterval = useProjectScrapeInterval();
  return useMemo(
    () =>
      range.ok
        ? {
            ready: true,
            context: {
              from: range.from,
              to: range.to,
              widthPx,
              variables,
              selections,
              datasources,
              scrapeInterval,
              unknownVariables: unknown,
            },
          }
        : { ready: false, error: range.error },
    [range, widthPx, variables, selections, unknown, datasources, scrapeInterval],
  );
}

/** The context to plan with while there is none (the range is invalid): nothing is sent with it. */
export function contextOrPlaceholder(state: QueryContextState, widthPx: number): QueryContext {
  return "context" in state
    ? state.context
    : {
        from: 0,
        to: 0,
        widthPx,
        variables: [],
        selections: {},
        datasources: [],
        scrapeInterval: "15s",
        unknownVariables: [],
      };
}
