import { writeFileSync } from "node:fs";
import path from "node:path";
import { backfill } from "../../../../scripts/demo/prometheus";
import { toYaml } from "../../../generate/yaml";
import { freePort, startProcess, waitFor } from "../../../testing/processes";

/** A real Prometheus over backfilled samples (and optionally scraping and evaluating rules), for tests and benches. */

export interface SampledSeries {
  labels: Readonly<Record<string, string>>;
  /** [unix ms, value], ascending. */
  samples: ReadonlyArray<readonly [number, number]>;
}

function openMetricsLabels(labels: Readonly<Record<string, string>>): string {
  const { __name__: name, ...rest } = labels;
  const pairs = Object.entries(rest).map(([label, value]) => `${label}=${JSON.stringify(value)}`);
  return `${name}{${pairs.join(",")}}`;
}

function openMetricsValue(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "+Inf" : "-Inf";
  return String(value);
}

/**
 * OpenMetrics text for `promtool tsdb create-blocks-from openmetrics`. It cannot carry stale
 * markers, so a series goes stale in backfilled data only through a gap longer than the lookback.
 */
export function openMetricsText(series: readonly SampledSeries[]): string {
  const lines: string[] = [];
  for (const one of series) {
    const name = openMetricsLabels(one.labels);
    for (const [ms, value] of one.samples) lines.push(`${name} ${openMetricsValue(value)} ${ms / 1000}`);
  }
  lines.push("# EOF");
  return `${lines.join("\n")}\n`;
}

export interface TestPrometheus {
  url: string;
  port: number;
  stop: () => Promise<void>;
  output: () => string;
}

export interface TestPrometheusOptions {
  dir: string;
  /** Backfilled before the start. */
  series?: readonly SampledSeries[];
  /** prometheus.yml as an object (default: no scrapes, no rules). */
  config?: (port: number) => unknown;
}

/** Backfills `series` into a fresh TSDB in `dir`, then starts Debian's `prometheus` on loopback. */
export async function startTestPrometheus(options: TestPrometheusOptions): Promise<TestPrometheus> {
  const port = await freePort();
  const tsdb = path.join(options.dir, "tsdb");
  if (options.series && options.series.length > 0) {
    const file = path.join(options.dir, "input.om");
    writeFileSync(file, openMetricsText(options.series));
    await backfill(file, tsdb);
  }
  const configFile = path.join(options.dir, "prometheus.yml");
  writeFileSync(configFile, toYaml(options.config?.(port) ?? { global: { scrape_interval: "15s" } }));
  const url = `http://127.0.0.1:${port}`;
  const prometheus = startProcess("prometheus", [
    `--config.file=${configFile}`,
    `--storage.tsdb.path=${tsdb}`,
    "--storage.tsdb.retention.time=30d",
    `--web.listen-address=127.0.0.1:${port}`,
  ]);
  await waitFor(
    async () => {
      if (prometheus.process.exitCode !== null) throw new Error("exited");
      return (await fetch(`${url}/-/ready`)).ok ? true : undefined;
    },
    60_000,
    () => `prometheus did not become ready:\n${prometheus.output()}`,
  ).catch(async (error: unknown) => {
    await prometheus.stop();
    throw new Error(`${String(error)}\n${prometheus.output()}`);
  });
  return { url, port, stop: prometheus.stop, output: prometheus.output };
}
