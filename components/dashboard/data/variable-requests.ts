import { FIRST, type Priority, type QueryPreviewResponse, SOON } from "@/lib/api/preview-client";
import type { Datasource } from "@/lib/model/datasource";
import type { Variable } from "@/lib/model/variable";
import { referencedVariables } from "@/lib/preview/interpolate";
import {
  applyVariableRegex,
  parseVariableQuery,
  queryResultTexts,
  reconcileSelection,
  resolveDatasourceRef,
  staticOptions,
  variableParams,
} from "../model/variables";

/**
 * Which preview call gives a query variable its options, and how the variables' selections follow
 * from the options known so far. Pure, so the page (useDashboardVariables) and the server that
 * renders it (which asks for the options before the page does, see first-screen.ts) work out the
 * same calls under the same keys.
 */

export type VariableCall =
  | { kind: "label_values"; endpoint: string; label: string; params: Record<string, string | string[]> }
  | { kind: "label_names"; endpoint: "labels"; params: Record<string, string | string[]> }
  | {
      kind: "metrics";
      endpoint: "label/__name__/values";
      pattern: string;
      params: Record<string, string | string[]>;
    }
  | { kind: "query_result"; endpoint: "query"; params: Record<string, string | string[]> };

export interface VariableContext {
  from: number;
  to: number;
  selections: Readonly<Record<string, readonly string[]>>;
  datasources: readonly Datasource[];
}

/**
 * The call for a query variable's options, with the variables before it that its query names as
 * they stand now (only those: the call, and its cache key, then change only when they do).
 */
export function variableCall(
  variable: Extract<Variable, { type: "query" }>,
  earlier: readonly Variable[],
  context: VariableContext,
): VariableCall | { error: string } {
  const query = parseVariableQuery(variable.query);
  const named = new Set(referencedVariables(variable.query));
  const params: Record<string, string | string[]> = variableParams(
    earlier.filter((other) => named.has(other.name)),
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
    case "label_values":
      if (query.match) params["match[]"] = [query.match];
      return { kind: "label_values", endpoint: `label/${query.label}/values`, label: query.label, params };
    case "label_names":
      if (query.match) params["match[]"] = [query.match];
      return { kind: "label_names", endpoint: "labels", params };
    case "metrics":
      return { kind: "metrics", endpoint: "label/__name__/values", pattern: query.pattern, params };
    case "query_result": {
      const { start: _start, end, ...rest } = params;
      return {
        kind: "query_result",
        endpoint: "query",
        params: { ...rest, query: query.expr, ...(end ? { time: end } : {}) },
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

/** The options in a call's answer (`data` of Prometheus's response), before the variable's own regex. */
export function optionsFromAnswer(
  call: VariableCall,
  data: readonly string[] | QueryPreviewResponse["data"],
): string[] {
  if (isNames(data)) {
    if (call.kind === "query_result") return [];
    return call.kind === "metrics" ? applyVariableRegex(data, call.pattern) : [...data];
  }
  return call.kind === "query_result" && data.resultType === "vector" ? queryResultTexts(data.result) : [];
}

function isNames(data: readonly string[] | QueryPreviewResponse["data"]): data is readonly string[] {
  return Array.isArray(data);
}

export interface VariablesPlan {
  /** Each variable's call, by position: undefined for variables whose options are in the model. */
  calls: (VariableCall | { error: string } | undefined)[];
  /** What each variable stands for with the options known so far. */
  selections: Record<string, string[]>;
  /** For the request queue: options a panel waits for go first. */
  priorities: Priority[];
}

/**
 * Each variable's call and selection, in order (a variable's call uses the selections of those
 * before it). `knownOptions` gives a call's options as far as they are known (after the variable's
 * regex), or undefined: the selection then keeps the chosen value or the stored default.
 */
export function planVariables(
  variables: readonly Variable[],
  context: VariableContext,
  knownOptions: (variable: Variable, call: VariableCall) => string[] | undefined,
): VariablesPlan {
  const selections: Record<string, string[]> = {};
  const calls: VariablesPlan["calls"] = [];
  const priorities: Priority[] = [];
  for (const [index, variable] of variables.entries()) {
    const fixed = staticOptions(variable, context.datasources);
    let call: VariableCall | { error: string } | undefined;
    let known: string[] = fixed ?? [];
    if (variable.type === "query") {
      call = variableCall(variable, variables.slice(0, index), { ...context, selections });
      if (!("error" in call)) known = knownOptions(variable, call) ?? [];
    }
    calls.push(call);
    selections[variable.name] = reconcileSelection(variable, context.selections[variable.name], known);
    priorities.push((selections[variable.name] ?? []).length === 0 ? FIRST : SOON);
  }
  return { calls, selections, priorities };
}
