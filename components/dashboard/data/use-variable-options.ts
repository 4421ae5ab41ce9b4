"use client";

import { keepPreviousData, useQueries, useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import {
  FIRST,
  type Priority,
  previewLabels,
  previewLabelValues,
  previewQuery,
  SOON,
} from "@/lib/api/preview-client";
import { queryKeys } from "@/lib/api/query-keys";
import type { Datasource } from "@/lib/model/datasource";
import type { Variable } from "@/lib/model/variable";
import {
  applyVariableRegex,
  parseVariableQuery,
  queryResultTexts,
  reconcileSelection,
  resolveDatasourceRef,
  staticOptions,
  variableParams,
} from "../model/variables";

export interface VariableOptions {
  options: string[];
  pending: boolean;
  error: string | undefined;
}

interface VariableRequest {
  endpoint: string;
  params: Record<string, string | string[]>;
  run: (signal: AbortSignal, priority: Priority) => Promise<string[]>;
}

function requestFor(
  projectId: string,
  variable: Extract<Variable, { type: "query" }>,
  earlier: readonly Variable[],
  context: {
    from: number;
    to: number;
    selections: Readonly<Record<string, readonly string[]>>;
    datasources: readonly Datasource[];
  },
): VariableRequest | { error: string } {
  const query = parseVariableQuery(variable.query);
  const params: Record<string, string | string[]> = variableParams(
    earlier,
    context.selections,
    context.datasources,
    context.to - context.from,
  );
  const datasource = resolveDatasourceRef(variable.datasource, context.selections);
  if (datasource !== undefined && !datasource.startsWith("$")) params.datasource = datasource;
  if (variable.refresh === "timeRange") {
    params.start = String(Math.floor(context.from / 1000));
    params.end = String(Math.floor(context.to / 1000));
  }
  switch (query.kind) {
    case "label_values": {
      if (query.match) params["match[]"] = [query.match];
      const endpoint = `label/${query.label}/values`;
      return {
        endpoint,
        params,
        run: async (signal, priority) =>
          (await previewLabelValues(projectId, query.label, params, { signal, priority })).response.data,
      };
    }
    case "label_names":
      if (query.match) params["match[]"] = [query.match];
      return {
        endpoint: "labels",
        params,
        run: async (signal, priority) =>
          (await previewLabels(projectId, params, { signal, priority })).response.data,
      };
    case "metrics":
      return {
        endpoint: "label/__name__/values",
        params,
        run: async (signal, priority) => {
          const names = (await previewLabelValues(projectId, "__name__", params, { signal, priority }))
            .response.data;
          return applyVariableRegex(names, query.pattern);
        },
      };
    case "query_result": {
      const { start: _start, end, ...rest } = params;
      const instant = { ...rest, query: query.expr, ...(end ? { time: end } : {}) };
      return {
        endpoint: "query",
        params: instant,
        run: async (signal, priority) => {
          const data = (await previewQuery(projectId, instant, { signal, priority })).response.data;
          return data.resultType === "vector" ? queryResultTexts(data.result) : [];
        },
      };
    }
    case "unsupported":
      return { error: query.reason };
    default: {
      const never: never = query;
      throw new Error(`unknown variable query ${JSON.stringify(never)}`);
    }
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
  context: {
    from: number;
    to: number;
    selections: Readonly<Record<string, readonly string[]>>;
    datasources: readonly Datasource[];
  },
): DashboardVariables {
  const queryClient = useQueryClient();
  // While a variable's query is refetched for a new range, its last options stand in, so the
  // default selection (and every panel's query) does not flicker.
  const lastOptions = useRef<Record<string, string[]>>({});
  const selections: Record<string, string[]> = {};
  const options: Record<string, VariableOptions> = {};
  const requests: (VariableRequest | { error: string } | undefined)[] = [];
  // Options panels wait for go first; those of a variable whose value is known only fill its drop-down.
  const priorities: Priority[] = [];
  for (const [index, variable] of variables.entries()) {
    const fixed = staticOptions(variable, context.datasources);
    let request: VariableRequest | { error: string } | undefined;
    let known: string[] = fixed ?? [];
    if (variable.type === "query") {
      request = requestFor(projectId, variable, variables.slice(0, index), { ...context, selections });
      if ("run" in request) {
        const cached = queryClient.getQueryData<string[]>(
          queryKeys.previewCall(projectId, request.endpoint, request.params),
        );
        known = cached
          ? applyVariableRegex(cached, variable.regex)
          : (lastOptions.current[variable.name] ?? []);
      }
    }
    requests.push(request);
    selections[variable.name] = reconcileSelection(variable, context.selections[variable.name], known);
    priorities.push((selections[variable.name] ?? []).length === 0 ? FIRST : SOON);
  }
  const results = useQueries({
    queries: requests.map((request, index) => {
      const usable = request !== undefined && "run" in request;
      return {
        queryKey: usable
          ? queryKeys.previewCall(projectId, request.endpoint, request.params)
          : queryKeys.previewCall(projectId, "variable", { name: variables[index]?.name ?? "" }),
        queryFn: ({ signal }: { signal: AbortSignal }) =>
          usable ? request.run(signal, priorities[index] ?? FIRST) : Promise.resolve([]),
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
