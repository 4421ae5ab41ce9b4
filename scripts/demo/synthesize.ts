import { createWriteStream } from "node:fs";
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { fraiseqlFamilies } from "./fraiseql-families";
import { infrastructureFamilies } from "./infrastructure-families";
import { type MetricFamily, type WriteStats, writeOpenMetrics } from "./openmetrics";
import { DemoWorld, type Timeline } from "./world";

/**
 * Demo data: hours of FraiseQL v2, node_exporter, postgres_exporter and cAdvisor series as
 * OpenMetrics text for `promtool tsdb create-blocks-from openmetrics`. Pure and deterministic: the
 * same options always give the same bytes (no clock, a seeded generator).
 */

export const DEFAULT_SEED = 20_261_123;

export interface SynthesizeOptions {
  /** Unix seconds of the first sample; rounded down to a multiple of the step. */
  start: number;
  /** Default 6. */
  hours?: number;
  /** Seconds between samples, as a scrape interval. Default 15. */
  stepSeconds?: 15 | 30;
  seed?: number;
}

export function demoTimeline(options: SynthesizeOptions): Timeline {
  const stepSeconds = options.stepSeconds ?? 15;
  const hours = options.hours ?? 6;
  return {
    start: Math.floor(options.start / stepSeconds) * stepSeconds,
    stepSeconds,
    steps: Math.floor((hours * 3600) / stepSeconds) + 1,
    seed: options.seed ?? DEFAULT_SEED,
  };
}

/** Options whose last sample falls at or just before `end` (unix seconds). */
export function endingAt(end: number, hours = 6, stepSeconds: 15 | 30 = 15): SynthesizeOptions {
  const last = Math.floor(end / stepSeconds) * stepSeconds;
  return { start: last - Math.floor((hours * 3600) / stepSeconds) * stepSeconds, hours, stepSeconds };
}

/** Every demo metric family, over one simulated world. */
export function demoFamilies(world: DemoWorld): MetricFamily[] {
  return [...fraiseqlFamilies(world), ...infrastructureFamilies(world)];
}

/** Streams the demo data as OpenMetrics to `out` (which is not ended). */
export function synthesizeOpenMetrics(options: SynthesizeOptions, out: Writable): Promise<WriteStats> {
  const timeline = demoTimeline(options);
  return writeOpenMetrics(demoFamilies(new DemoWorld(timeline)), timeline, out);
}

/** Writes the demo data to `file`. */
export async function synthesizeOpenMetricsFile(
  file: string,
  options: SynthesizeOptions,
): Promise<WriteStats> {
  const out = createWriteStream(file);
  const stats = await synthesizeOpenMetrics(options, out);
  out.end();
  await finished(out);
  return stats;
}
