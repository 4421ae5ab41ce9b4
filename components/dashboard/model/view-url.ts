import type { RawTimeRange } from "@/lib/dashboard/time-range";
import { isValidTimeExpression } from "@/lib/dashboard/time-range";

/**
 * What a dashboard's view is (time range, refresh, variable values) in its address, with
 * Grafana's own parameters (`?from=now-6h&to=now&refresh=30s&var-job=node&var-instance=a&var-instance=b`),
 * so a reload or a pasted link shows the same view. Pure: the designer reads and writes the URL.
 */

export interface UrlView {
  timeRange?: RawTimeRange;
  refresh?: string;
  variableSelections: Record<string, string[]>;
}

const VARIABLE_PREFIX = "var-";

export function viewFromSearchParams(params: URLSearchParams): UrlView {
  const view: UrlView = { variableSelections: {} };
  const from = params.get("from");
  const to = params.get("to");
  if (from && to && isValidTimeExpression(from) && isValidTimeExpression(to)) view.timeRange = { from, to };
  const refresh = params.get("refresh");
  if (refresh !== null) view.refresh = refresh;
  for (const key of new Set(params.keys())) {
    if (!key.startsWith(VARIABLE_PREFIX) || key.length === VARIABLE_PREFIX.length) continue;
    view.variableSelections[key.slice(VARIABLE_PREFIX.length)] = params.getAll(key);
  }
  return view;
}

/**
 * The query string for a view: the view's own parameters in Grafana's order, after any other
 * parameter the address already had (kept as it was).
 */
export function viewSearchParams(
  view: { timeRange: RawTimeRange; refresh: string; variableSelections: Record<string, string[]> },
  current: URLSearchParams = new URLSearchParams(),
): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of current) {
    if (key === "from" || key === "to" || key === "refresh" || key.startsWith(VARIABLE_PREFIX)) continue;
    out.append(key, value);
  }
  out.set("from", view.timeRange.from);
  out.set("to", view.timeRange.to);
  if (view.refresh !== "") out.set("refresh", view.refresh);
  for (const [name, values] of Object.entries(view.variableSelections)) {
    for (const value of values) out.append(`${VARIABLE_PREFIX}${name}`, value);
  }
  return out;
}

/** Search params as Next.js hands them to a page, as URLSearchParams. */
export function searchParamsOf(record: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(record)) {
    for (const item of [value ?? []].flat()) params.append(key, item);
  }
  return params;
}
