import { createHash } from "node:crypto";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { defaultCatalogContext } from "../../lib/catalog/context";
import { catalogDashboards } from "../../lib/catalog/dashboards";
import { isServedMetric } from "../../lib/catalog/metrics";
import { catalogRules } from "../../lib/catalog/rules";
import { metricNames } from "../../lib/promql/parse";
import { renderExposition } from "./live-exporter";
import {
  demoFamilies,
  demoTimeline,
  endingAt,
  type SynthesizeOptions,
  synthesizeOpenMetrics,
} from "./synthesize";
import { DemoWorld, FRAISEQL_BUCKETS } from "./world";

/** The generator on its own: deterministic, valid OpenMetrics, and covering what the catalog queries. */

async function render(options: SynthesizeOptions): Promise<string> {
  let text = "";
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  await synthesizeOpenMetrics(options, out);
  return text;
}

const START = 1_790_000_010; // a multiple of 15
const options: SynthesizeOptions = { start: START, hours: 0.5, stepSeconds: 15 };

interface Sample {
  name: string;
  labels: string;
  value: number;
  time: number;
}

function parse(text: string): { families: Map<string, string>; samples: Sample[]; lines: string[] } {
  const lines = text.trimEnd().split("\n");
  const families = new Map<string, string>();
  const samples: Sample[] = [];
  for (const line of lines) {
    const type = /^# TYPE (\S+) (\S+)$/.exec(line);
    if (type) families.set(type[1] as string, type[2] as string);
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{.*\})? (\S+) (\d+)$/.exec(line);
    if (sample) {
      samples.push({
        name: sample[1] as string,
        labels: sample[2] ?? "",
        value: Number(sample[3]),
        time: Number(sample[4]),
      });
    } else if (!line.startsWith("# ")) {
      throw new Error(`not an OpenMetrics line: ${line}`);
    }
  }
  return { families, samples, lines };
}

describe("synthesizeOpenMetrics", () => {
  it("is deterministic: the same options give the same bytes, another seed other bytes", async () => {
    const digest = async (o: SynthesizeOptions) =>
      createHash("sha256")
        .update(await render(o))
        .digest("hex");
    expect(await digest(options)).toBe(await digest(options));
    expect(await digest({ ...options, seed: 7 })).not.toBe(await digest(options));
  });

  it("writes valid OpenMetrics: families typed, counters _total, series in time order, # EOF last", async () => {
    const { families, samples, lines } = parse(await render(options));
    expect(lines.at(-1)).toBe("# EOF");
    const timeline = demoTimeline(options);
    const bySeries = new Map<string, Sample[]>();
    for (const sample of samples) {
      const key = `${sample.name}${sample.labels}`;
      bySeries.set(key, [...(bySeries.get(key) ?? []), sample]);
    }
    for (const [key, series] of bySeries) {
      expect(
        series.map((s) => s.time),
        key,
      ).toEqual(Array.from({ length: timeline.steps }, (_, i) => timeline.start + i * timeline.stepSeconds));
    }
    for (const [family, type] of families) {
      expect(["counter", "gauge", "histogram", "unknown"], family).toContain(type);
      if (type === "counter") {
        expect(family.endsWith("_total"), family).toBe(false);
        expect(
          bySeries.has(`${family}_total{job="fraiseql",instance="app-1:8000"}`) ||
            samples.some((s) => s.name === `${family}_total`),
        ).toBe(true);
      }
    }
    // A family's samples are contiguous: once another family starts, it never comes back.
    const order = samples.map((s) => s.name.replace(/_(bucket|sum|count|total)$/, ""));
    const seen = new Set<string>();
    let previous = "";
    for (const name of order) {
      if (name !== previous) {
        expect(seen.has(name), `${name} interleaved`).toBe(false);
        seen.add(previous);
        previous = name;
      }
    }
  });

  it("keeps counters monotonic and histograms consistent", async () => {
    const { families, samples } = parse(await render({ ...options, hours: 1.25 }));
    const counters = new Set(
      [...families].filter(([, type]) => type === "counter").map(([name]) => `${name}_total`),
    );
    const histograms = [...families].filter(([, type]) => type === "histogram").map(([name]) => name);
    for (const name of histograms) counters.add(`${name}_bucket`).add(`${name}_count`);
    const last = new Map<string, number>();
    for (const sample of samples) {
      const key = `${sample.name}${sample.labels}`;
      if (counters.has(sample.name)) {
        expect(sample.value, key).toBeGreaterThanOrEqual(last.get(key) ?? 0);
      }
      last.set(key, sample.value);
    }
    // At one moment, bucket counts never decrease along le and +Inf equals _count.
    const at = (name: string, labels: string) =>
      samples.filter((s) => s.name === name && s.labels.startsWith(labels) && s.time === START + 3600);
    const prefix = '{job="fraiseql",instance="app-1:8000",operation="createOrder"';
    const buckets = at("fraiseql_query_duration_seconds_bucket", prefix).map((s) => s.value);
    expect(buckets).toHaveLength(FRAISEQL_BUCKETS.length + 1);
    expect(buckets).toEqual([...buckets].sort((a, b) => a - b));
    expect(buckets.at(-1)).toBe(at("fraiseql_query_duration_seconds_count", prefix)[0]?.value);
    expect(buckets.at(-1)).toBeGreaterThan(0);
  });

  it("covers every metric the catalog's dashboards and rules query that FraiseQL v2 and the exporters expose", () => {
    const context = defaultCatalogContext({ version: "v2" });
    const queried = new Set<string>();
    for (const entry of catalogDashboards) {
      for (const panel of entry.build(context).panels) {
        if (!("targets" in panel)) continue;
        for (const target of panel.targets)
          if (target.kind === "promql") for (const name of metricNames(target.expr)) queried.add(name);
      }
    }
    for (const entry of catalogRules)
      for (const name of metricNames(entry.build(context).expr)) queried.add(name);
    const timeline = demoTimeline(options);
    const synthesized = new Set(
      demoFamilies(new DemoWorld(timeline)).flatMap((family) =>
        family.type === "histogram"
          ? [`${family.name}_bucket`, `${family.name}_sum`, `${family.name}_count`]
          : [family.name],
      ),
    );
    const missing = [...queried]
      .filter((name) => isServedMetric(name, "v2") && !synthesized.has(name))
      .sort();
    expect(missing).toEqual([]);
    expect(queried.size).toBeGreaterThan(60);
  });

  it("ends a timeline at a given moment on a step boundary", () => {
    const timeline = demoTimeline(endingAt(START + 7, 3, 15));
    expect(timeline.start + (timeline.steps - 1) * timeline.stepSeconds).toBe(START);
    expect(timeline.steps).toBe(3 * 240 + 1);
  });
});

describe("renderExposition", () => {
  it("serves one target's series in the text format, without the target labels Prometheus adds", () => {
    const timeline = demoTimeline(options);
    const text = renderExposition(demoFamilies(new DemoWorld(timeline)), 10, {
      job: "fraiseql",
      instance: "app-2:8000",
    });
    expect(text).toContain("# TYPE fraiseql_graphql_queries_total counter\n");
    expect(text).toContain("# TYPE fraiseql_graphql_queries_success untyped\n");
    expect(text).toMatch(/^fraiseql_query_duration_seconds_bucket\{operation="getProduct",le="0\.1"\} \d+$/m);
    expect(text).not.toMatch(/instance=|job=/);
    expect(text).not.toMatch(/^up /m);
  });
});
