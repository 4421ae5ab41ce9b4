import { createServer, type Server } from "node:http";
import { type MetricFamily, type ScalarSeries, sampleLines } from "./openmetrics";
import { demoFamilies } from "./synthesize";
import { DemoWorld, type Timeline } from "./world";

/**
 * Keeps the demo data going after the backfill: serves the simulated world's current values in the
 * Prometheus text format, one scrape target per simulated exporter (`?job=…&instance=…`), so the
 * demo Prometheus keeps fresh samples, real `up` series and rules with something to evaluate.
 */

export interface ScrapeTargetLabels {
  job: string;
  instance: string;
}

export interface LiveExporter {
  port: number;
  targets: ScrapeTargetLabels[];
  stop: () => Promise<void>;
}

function targetsOf(families: readonly MetricFamily[]): ScrapeTargetLabels[] {
  const seen = new Map<string, ScrapeTargetLabels>();
  for (const family of families) {
    for (const series of family.series) {
      const { job, instance } = series.labels;
      if (job && instance) seen.set(`${job}/${instance}`, { job, instance });
    }
  }
  return [...seen.values()];
}

function withoutTargetLabels<S extends { labels: ScalarSeries["labels"] }>(series: S): S {
  const { job: _job, instance: _instance, ...rest } = series.labels;
  return { ...series, labels: rest };
}

const TEXT_TYPES: Record<MetricFamily["type"], string> = {
  counter: "counter",
  gauge: "gauge",
  unknown: "untyped",
  histogram: "histogram",
};

/** The text exposition of one target's series at step `index`, without timestamps. */
export function renderExposition(
  families: readonly MetricFamily[],
  index: number,
  target: ScrapeTargetLabels,
): string {
  const lines: string[] = [];
  const matches = (labels: ScalarSeries["labels"]): boolean =>
    labels.job === target.job && labels.instance === target.instance;
  for (const family of families) {
    // Prometheus adds `up` itself, from the scrape.
    if (family.name === "up") continue;
    const part: MetricFamily =
      family.type === "histogram"
        ? { ...family, series: family.series.filter((s) => matches(s.labels)).map(withoutTargetLabels) }
        : { ...family, series: family.series.filter((s) => matches(s.labels)).map(withoutTargetLabels) };
    if (part.series.length === 0) continue;
    lines.push(`# HELP ${family.name} ${family.help}`, `# TYPE ${family.name} ${TEXT_TYPES[family.type]}`);
    lines.push(...sampleLines(part, index, ""));
  }
  return `${lines.join("\n")}\n`;
}

/** The step of the timeline that `nowSeconds` falls in (past the backfilled ones as time goes on). */
export function currentStep(timeline: Timeline, nowSeconds: number): number {
  return Math.max(0, Math.floor((nowSeconds - timeline.start) / timeline.stepSeconds));
}

export async function startLiveExporter(timeline: Timeline, port: number): Promise<LiveExporter> {
  const families = demoFamilies(new DemoWorld(timeline));
  const targets = targetsOf(families);
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const job = url.searchParams.get("job") ?? "";
    const instance = url.searchParams.get("instance") ?? "";
    if (url.pathname !== "/metrics" || !targets.some((t) => t.job === job && t.instance === instance)) {
      response.writeHead(404).end("unknown target\n");
      return;
    }
    const body = renderExposition(families, currentStep(timeline, Date.now() / 1000), { job, instance });
    response.writeHead(200, { "content-type": "text/plain; version=0.0.4" }).end(body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    port,
    targets,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
