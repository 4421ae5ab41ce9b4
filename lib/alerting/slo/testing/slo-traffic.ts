import type { SampledSeries } from "../../backtest/testing/prometheus";

export interface RouteTraffic {
  route: string;
  requestsPerMinute: number;
  errorsPerMinute: number;
}

/**
 * Steady traffic per route, one sample a minute for `hours` up to `endMs`: `http_requests_total`,
 * `http_request_errors_total` and `http_requests_ok_total` (their difference), all with
 * `job="api"`. Counters start high so `rate` never extrapolates towards zero.
 */
export function sloTraffic(routes: readonly RouteTraffic[], endMs: number, hours: number): SampledSeries[] {
  const minutes = hours * 60;
  const startMs = endMs - minutes * 60_000;
  const counter = (name: string, route: string, start: number, perMinute: number): SampledSeries => ({
    labels: { __name__: name, job: "api", route },
    samples: Array.from(
      { length: minutes + 1 },
      (_, i) => [startMs + i * 60_000, start + i * perMinute] as const,
    ),
  });
  return routes.flatMap((r) => [
    counter("http_requests_total", r.route, 1_000_000, r.requestsPerMinute),
    counter("http_request_errors_total", r.route, 10_000, r.errorsPerMinute),
    counter("http_requests_ok_total", r.route, 990_000, r.requestsPerMinute - r.errorsPerMinute),
  ]);
}
