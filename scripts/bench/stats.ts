/** The value below which a share `q` of the samples fall (nearest rank). */
export function percentile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/** Median and p95 as the bench tables print them. */
export function summary(values: readonly number[]): { "median ms": string; "p95 ms": string } {
  return { "median ms": percentile(values, 0.5).toFixed(1), "p95 ms": percentile(values, 0.95).toFixed(1) };
}
