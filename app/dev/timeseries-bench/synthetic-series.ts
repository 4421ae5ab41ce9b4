import type { Series } from "@/lib/dashboard/series";

/** An arbitrary fixed end, so every run draws the same picture. */
const END_MS = Date.UTC(2026, 0, 1);
const STEP_MS = 15_000;

/** A small deterministic generator (mulberry32): the same seed gives the same series. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * `count` series of `points` points each at a 15 s step, shaped as the preview API's range results
 * become (refId A, one label per series): random walks around different levels, like request rates.
 */
export function syntheticSeries(count: number, points: number, seed = 1): Series[] {
  const next = random(seed);
  const start = END_MS - (points - 1) * STEP_MS;
  return Array.from({ length: count }, (_, index) => {
    const instance = `host-${String(index + 1).padStart(3, "0")}:9100`;
    let value = 10 + next() * 90;
    return {
      key: `A:instance=${instance}`,
      name: instance,
      refId: "A",
      labels: { instance },
      points: Array.from({ length: points }, (_point, step): [number, number | null] => {
        value = Math.max(0, value + (next() - 0.5) * 4);
        return [start + step * STEP_MS, Math.round(value * 1000) / 1000];
      }),
    };
  });
}
