"use client";

import { keepPreviousData, useQueries, useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import {
  FIRST,
  type Priority,
  previewLabels,
  previewLabelValues,
  previewQuery,
} from "@/lib/api/preview-client";
import { queryKeys } from "@/lib/api/query-keys";
import type { Variable } from "@/lib/model/variable";
import { applyVariableRegex, staticOptions } from "../model/variables";
import {
  optionsFromAnswer,
  planVariables,
  type VariableCall,
  type VariableContext,
} from "./variable-requests";

export interface VariableOptions {
  options: string[];
  pending: boolean;
  error: string | undefined;
}

/** Asks the preview API for a variable's options. */
async function fetchOptions(
  projectId: string,
  call: VariableCall,
  signal: AbortSignal,
  priority: Priority,
): Promise<string[]> {
  const options = { signal, priority };
  switch (call.kind) {
    case "label_values":
      return optionsFromAnswer(
        call,
        (await previewLabelValues(projectId, call.label, call.params, options)).response.data,
      );
    case "metrics":
      return optionsFromAnswer(
        call,
        (await previewLabelValues(projectId, "__name__", call.params, options)).response.data,
      );
    case "label_names":
      return optionsFromAnswer(call, (await previewLabels(projectId, call.params, options)).response.data);
    case "query_result":
      return optionsFromAnswer(call, (await previewQuery(projectId, call.params, options)).response.data);
  }
}

export interface DashboardVariables {
  options: Record<string, VariableOptions>;
  /** What each variable stands for now: the user's choice, or the default once its options are known. */
  selections: Record<string, string[]>;
  /**
   * Variables that stand for nothing yet: their options have not come, and neither the address
   * nor their stored `current` names a value (nor is All their default). A panel query using one
   * waits; the others go at once. A value the options then turn out not to offer is replaced,
   * and the panels using it ask again.
   */
  unknown: string[];
  /** No variable is unknown. */
  ready: boolean;
}

/**
 * The options of every variable, by name: custom, constant, interval and datasource variables
 * from the model, query variables from Prometheus through the preview API. A variable's query
 * uses the variables before it with their current selection, read from the cache as their
 * answers arrive, so `label_values(x{job="$job"}, instance)` follows `$job`.
 */
export function useDashboardVariables(
  projectId: string,
  variables: readonly Variable[],
  context: VariableContext,
): DashboardVariables {
  const queryClient = useQueryClient();
  // While a variable's query is refetched for a new range, its last options stand in, so the
  // default selection (and every panel's query) does not flicker.
  const lastOptions = useRef<Record<string, string[]>>({});
  const {
    calls: requests,
    selections,
    priorities,
  } = planVariables(variables, context, (variable, call) => {
    const cached = queryClient.getQueryData<string[]>(
      queryKeys.previewCall(projectId, call.endpoint, call.params),
    );
    return cached && variable.type === "query"
      ? applyVariableRegex(cached, variable.regex)
      : lastOptions.current[variable.name];
  });
  const options: Record<string, VariableOptions> = {};
  const results = useQueries({
    queries: requests.map((request, index) => {
      const usable = request !== undefined && !("error" in request);
      return {
        queryKey: usable
          ? queryKeys.previewCall(projectId, request.endpoint, request.params)
          : queryKeys.previewCall(projectId, "variable", { name: variables[index]?.name ?? "" }),
        queryFn: ({ signal }: { signal: AbortSignal }) =>
          usable ? fetchOptions(projectId, request, signal, priorities[index] ?? FIRST) : Promise.resolve([]),
        enabled: usable,
        retry: false,
        staleTime: 30_000,
        placeholderData: keepPreviousData,
      };
    }),
  });
  const unknown: string[] = [];
  for (const [index, variable] of variables.entries()) {
    const fixed = staticOptions(variable, context.datasources);
    if (fixed) {
      options[variable.name] = { options: fixed, pending: false, error: undefined };
      continue;
    }
    const request = requests[index];
    const result = results[index];
    if (request && "error" in request) {
      options[variable.name] = { options: [], pending: false, error: request.error };
      continue;
    }
    const regex = variable.type === "query" ? variable.regex : "";
    const pending = result?.isPending ?? true;
    if (pending && (selections[variable.name] ?? []).length === 0) unknown.push(variable.name);
    const loaded = applyVariableRegex(result?.data ?? [], regex);
    if (result?.data) lastOptions.current[variable.name] = loaded;
    options[variable.name] = {
      options: loaded,
      pending,
      error: result?.error ? result.error.message : undefined,
    };
  }
  return { options, selections, unknown, ready: unknown.length === 0 };
}
