/**
 * npm run bench backtest — prints figures, asserts nothing: a 24 h backtest at 15 s and a 7 d
 * backtest at 1 m of a rule whose expression returns 50 series (`bench_load > 5`, for 2m,
 * keep_firing_for 1m), each against a real Prometheus holding the backfilled series, as its time
 * and as a ratio to one plain range query of the same expression (fetched and parsed) in the same
 * run, rounds interleaved. Aim: ratio ≤ 1.5. Also with the chart's query (the expression without its
 * comparison, about 600 points per series, run beside the replay), which the UI asks for. The backtest runs in-process (runBacktest: chunk
 * planning, the range queries, the threshold applied, the engine); the app's route adds only the
 * NDJSON lines around it.
 */
import { rmSync } from "node:fs";
import { type RangeQuery, runBacktest } from "../../lib/alerting/backtest/run";
import { startTestPrometheus } from "../../lib/alerting/backtest/testing/prometheus";
import type { ResultSeries } from "../../lib/alerting/backtest/types";
import { seededRandom } from "../../lib/promql/testing/mutate";
import { makeTempDir } from "../../lib/tools/files";
import { percentile } from "./stats";

const ROUNDS = Number(process.env.BENCH_BACKTEST_ROUNDS ?? 5);
const SERIES = 50;
const EXPR = "bench_load > 5";
const DAY = 86_400_000;

/** 50 flapping series over 7 d + 1 h: one sample a minute, every 15 s over the last 25 h. */
function benchSeries(endMs: number): { labels: Record<string, string>; samples: [number, number][] }[] {
  const startMs = endMs - 7 * DAY - 3_600_000;
  const fineFrom = endMs - 25 * 3_600_000;
  return Array.from({ length: SERIES }, (_, s) => {
    const random = seededRandom(1000 + s);
    const samples: [number, number][] = [];
    let high = false;
    for (let t = startMs; t <= endMs; t += t >= fineFrom ? 15_000 : 60_000) {
      if (random() < 0.01) high = !high;
      samples.push([t, high ? 6 + Math.floor(random() * 4) : 1 + Math.floor(random() * 4)]);
    }
    return { labels: { __name__: "bench_load", instance: `host-${s}`, job: "bench" }, samples };
  });
}

async function rangeQuery(
  base: string,
  query: string,
  startMs: number,
  endMs: number,
  stepMs: number,
  signal?: AbortSignal,
): Promise<ResultSeries[]> {
  const params = new URLSearchParams({
    query,
    start: String(startMs / 1000),
    end: String(endMs / 1000),
    step: String(stepMs / 1000),
  });
  const response = await fetch(`${base}/api/v1/query_range`, { method: "POST", body: params, signal });
  const body = (await response.json()) as {
    status: string;
    data: { result: ResultSeries[] };
    error?: string;
  };
  if (body.status !== "success") throw new Error(`${query}: ${body.error}`);
  return body.data.result;
}

export async function benchBacktest(): Promise<void> {
  const dir = makeTempDir("obsforge-bench-backtest");
  const endMs = Math.floor(Date.now() / 60_000) * 60_000 - 3_600_000;
  const prometheus = await startTestPrometheus({ dir, series: benchSeries(endMs) });
  try {
    const query: RangeQuery = (text, start, end, step, signal) =>
      rangeQuery(prometheus.url, text, start, end, step, signal);
    const cases = [
      { name: "24 h at 15 s", spanMs: DAY, intervalMs: 15_000 },
      { name: "7 d at 1 m", spanMs: 7 * DAY, intervalMs: 60_000 },
    ];
    const rows: Record<string, string>[] = [];
    for (const { name, spanMs, intervalMs } of cases) {
      const startMs = endMs - spanMs;
      const plain: number[] = [];
      const backtest: number[] = [];
      const withChart: number[] = [];
      let summaryText = "";
      let queries = 0;
      for (let round = 0; round < ROUNDS + 1; round++) {
        let t = performance.now();
        const answer = await query(EXPR, startMs, endMs, intervalMs);
        const plainMs = performance.now() - t;
        if (answer.length !== SERIES && round === 0)
          console.warn(`the plain query returned ${answer.length} series`);
        const input = {
          saved: { alert: "BenchLoadHigh", expr: EXPR, forMs: 120_000, keepFiringForMs: 60_000, labels: {} },
          group: { intervalMs },
          startMs,
          endMs,
        };
        t = performance.now();
        const run = await runBacktest({ ...input, chart: false }, query);
        const backtestMs = performance.now() - t;
        t = performance.now();
        await runBacktest(input, query);
        const chartMs = performance.now() - t;
        // The first round warms Prometheus's caches and the JIT; it is not counted.
        if (round > 0) {
          plain.push(plainMs);
          backtest.push(backtestMs);
          withChart.push(chartMs);
        }
        summaryText = run.saved?.summary.text ?? "";
        queries = run.queries;
      }
      const ratio = percentile(backtest, 0.5) / percentile(plain, 0.5);
      rows.push({
        backtest: name,
        "plain query ms": percentile(plain, 0.5).toFixed(0),
        "backtest ms": percentile(backtest, 0.5).toFixed(0),
        ratio: ratio.toFixed(2),
        "aim ≤": "1.5",
        "with chart ms": percentile(withChart, 0.5).toFixed(0),
        "with chart ratio": (percentile(withChart, 0.5) / percentile(plain, 0.5)).toFixed(2),
        queries: String(queries),
      });
      console.log(`${name}: ${summaryText}`);
    }
    console.log(`\nBacktest of a rule returning ${SERIES} series (median of ${ROUNDS} interleaved rounds)`);
    console.table(rows);
  } finally {
    await prometheus.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
