/**
 * Preview proxy overhead: the same range query sent straight to Prometheus and through the app's
 * preview endpoint, interleaved in one run, 200 times each. Prints p50/p95 of both and the ratio.
 */

import { makeTempDir } from "../../lib/tools/files";
import { createDemoProject } from "../demo/demo-project";
import { startDemoPrometheus } from "../demo/prometheus";
import { ensureBuild, startApp } from "./server";
import { percentile } from "./stats";

const ROUNDS = Number(process.env.BENCH_PREVIEW_ROUNDS ?? 200);
const QUERY = "sum by (operation) (rate(fraiseql_query_duration_seconds_count[5m]))";

async function timed(url: string): Promise<number> {
  const start = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return performance.now() - start;
}

export async function benchPreview(): Promise<void> {
  ensureBuild();
  const prometheus = await startDemoPrometheus({
    hours: 3,
    dir: makeTempDir("obsforge-bench-prom"),
    live: false,
  });
  const { url: app, server } = await startApp({ OBSFORGE_DATA_DIR: makeTempDir("obsforge-bench-preview") });
  try {
    const projectId = await createDemoProject(app, prometheus.url);
    const end = prometheus.backfilledUntil;
    const params = new URLSearchParams({
      query: QUERY,
      start: String(end - 3600),
      end: String(end),
      step: "15",
    });
    const direct = `${prometheus.url}/api/v1/query_range?${params}`;
    const proxied = `${app}/api/projects/${projectId}/preview/query_range?${params}`;
    for (let i = 0; i < 10; i++) await Promise.all([timed(direct), timed(proxied)]);
    const directTimes: number[] = [];
    const proxiedTimes: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      directTimes.push(await timed(direct));
      proxiedTimes.push(await timed(proxied));
    }
    const ratio = percentile(proxiedTimes, 0.5) / percentile(directTimes, 0.5);
    console.log(`\nPreview proxy overhead (${ROUNDS} interleaved range queries over 1 h at 15 s step)`);
    console.table([
      {
        path: "direct to Prometheus",
        "p50 ms": percentile(directTimes, 0.5).toFixed(2),
        "p95 ms": percentile(directTimes, 0.95).toFixed(2),
      },
      {
        path: "through the app",
        "p50 ms": percentile(proxiedTimes, 0.5).toFixed(2),
        "p95 ms": percentile(proxiedTimes, 0.95).toFixed(2),
      },
    ]);
    console.log(`ratio at p50: ${ratio.toFixed(2)} (aim ≤ 1.10)`);
  } finally {
    await server.stop();
    await prometheus.stop();
  }
}
