import { spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { GeneratedFile } from "../../lib/generate/types";
import { toYaml } from "../../lib/generate/yaml";
import { freePort, startProcess, waitFor } from "../../lib/testing/processes";
import { type LiveExporter, type ScrapeTargetLabels, startLiveExporter } from "./live-exporter";
import { demoTimeline, endingAt, synthesizeOpenMetricsFile } from "./synthesize";

/** A real Prometheus serving backfilled demo data: for `npm run demo` and for tests. */

export interface DemoPrometheusOptions {
  /** Hours of history to backfill, ending now. */
  hours: number;
  /** Working folder: the OpenMetrics file, the TSDB, the config and rule files go here. */
  dir: string;
  /** Default: a free port. */
  port?: number;
  stepSeconds?: 15 | 30;
  seed?: number;
  /** Rule files to load (e.g. a generated bundle's prometheus/rules/*.yml). */
  ruleFiles?: readonly GeneratedFile[];
  /** Keep the simulated exporters scraped after the backfill (default true). */
  live?: boolean;
  /** Called with progress messages. */
  log?: (message: string) => void;
}

export interface DemoPrometheus {
  url: string;
  /** Unix seconds of the last backfilled sample. */
  backfilledUntil: number;
  stop: () => Promise<void>;
}

/** Runs a program to completion; rejects with its output when it fails. */
export function runTool(command: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`${command} ${args.join(" ")} exited with ${code}:\n${output.slice(-4000)}`)),
    );
  });
}

/** Turns an OpenMetrics file into TSDB blocks in `tsdbDir`, replacing what was there. */
export async function backfill(openMetricsFile: string, tsdbDir: string): Promise<void> {
  // Blocks from an earlier run would overlap the new ones and interleave two histories.
  rmSync(tsdbDir, { recursive: true, force: true });
  mkdirSync(tsdbDir, { recursive: true });
  await runTool("promtool", [
    "tsdb",
    "create-blocks-from",
    "openmetrics",
    "--quiet",
    openMetricsFile,
    tsdbDir,
  ]);
}

/** prometheus.yml: Prometheus scrapes itself, each live simulated exporter, and loads the rules. */
export function demoPrometheusConfig(options: {
  port: number;
  ruleGlob?: string;
  exporter?: { port: number; targets: readonly ScrapeTargetLabels[] };
}): string {
  const exporterJobs = (options.exporter?.targets ?? []).map((target) => ({
    job_name: `${target.job}/${target.instance}`,
    metrics_path: "/metrics",
    params: { job: [target.job], instance: [target.instance] },
    static_configs: [
      {
        targets: [`127.0.0.1:${options.exporter?.port}`],
        labels: { job: target.job, instance: target.instance },
      },
    ],
  }));
  return toYaml({
    global: { scrape_interval: "15s", evaluation_interval: "15s" },
    rule_files: options.ruleGlob ? [options.ruleGlob] : [],
    scrape_configs: [
      { job_name: "prometheus", static_configs: [{ targets: [`127.0.0.1:${options.port}`] }] },
      ...exporterJobs,
    ],
  });
}

/** Backfills `hours` of demo data ending now, then starts Debian's `prometheus` on loopback. */
export async function startDemoPrometheus(options: DemoPrometheusOptions): Promise<DemoPrometheus> {
  const log = options.log ?? (() => {});
  const port = options.port ?? (await freePort());
  const stepSeconds = options.stepSeconds ?? 15;
  const synthesis = {
    ...endingAt(Math.floor(Date.now() / 1000), options.hours, stepSeconds),
    seed: options.seed,
  };
  const timeline = demoTimeline(synthesis);
  mkdirSync(options.dir, { recursive: true });
  const openMetricsFile = path.join(options.dir, "demo.om");
  const tsdbDir = path.join(options.dir, "tsdb");

  log(`synthesizing ${options.hours}h of demo data`);
  const stats = await synthesizeOpenMetricsFile(openMetricsFile, synthesis);
  log(`backfilling ${stats.series} series, ${stats.samples} samples with promtool`);
  await backfill(openMetricsFile, tsdbDir);
  rmSync(openMetricsFile, { force: true });

  let exporter: LiveExporter | undefined;
  if (options.live ?? true) exporter = await startLiveExporter(timeline, await freePort());
  const rulesDir = path.join(options.dir, "rules");
  rmSync(rulesDir, { recursive: true, force: true });
  mkdirSync(rulesDir, { recursive: true });
  for (const file of options.ruleFiles ?? [])
    writeFileSync(path.join(rulesDir, path.basename(file.path)), file.content);
  const configFile = path.join(options.dir, "prometheus.yml");
  writeFileSync(
    configFile,
    demoPrometheusConfig({
      port,
      ruleGlob: options.ruleFiles?.length ? path.join(rulesDir, "*.yml") : undefined,
      exporter,
    }),
  );

  const url = `http://127.0.0.1:${port}`;
  const prometheus = startProcess("prometheus", [
    `--config.file=${configFile}`,
    `--storage.tsdb.path=${tsdbDir}`,
    "--storage.tsdb.retention.time=30d",
    `--web.listen-address=127.0.0.1:${port}`,
  ]);
  const stop = async (): Promise<void> => {
    await prometheus.stop();
    await exporter?.stop();
  };
  const state = await waitFor(
    async () => {
      if (prometheus.process.exitCode !== null) return "exited";
      return (await fetch(`${url}/-/ready`)).ok ? "ready" : undefined;
    },
    60_000,
    () => `prometheus did not become ready:\n${prometheus.output()}`,
  ).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  if (state === "exited") {
    const output = prometheus.output();
    await stop();
    throw new Error(`prometheus exited at start:\n${output}`);
  }
  log(`prometheus ready at ${url}`);
  return { url, backfilledUntil: timeline.start + (timeline.steps - 1) * timeline.stepSeconds, stop };
}
