import { queryRange } from "../../../prometheus/client";
import type { RangeQuery } from "../run";

/**
 * The backtest's RangeQuery over a test Prometheus, through the app's own client. Apart from
 * testing/prometheus.ts because the client is server-only, which the bench script cannot import.
 */
export function testRangeQuery(prometheusUrl: string): RangeQuery {
  return async (text, startMs, endMs, stepMs) => {
    const answer = await queryRange(prometheusUrl, {
      query: text,
      start: String(startMs / 1000),
      end: String(endMs / 1000),
      step: String(stepMs / 1000),
    });
    if (answer.data.resultType !== "matrix") throw new Error(`${text}: not a matrix`);
    return answer.data.result;
  };
}
