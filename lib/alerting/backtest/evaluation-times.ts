import { xxhash64 } from "./xxhash64";

/**
 * When a group's rules are evaluated. Prometheus (rules/group.go, Group.EvalTimestamp) evaluates a
 * group at `k × interval + offset`, the offset being the hash of the group's name and file
 * (labels.Hash of {file, name}) modulo the interval, in nanoseconds; the query runs at that time
 * truncated to milliseconds, less the group's query_offset.
 *
 * A backtest cannot know the file path a future Prometheus will load a group from (it depends on
 * how the rules are deployed), so by default it evaluates at whole multiples of the interval, as
 * `promtool test rules` does. When the path is known (the compose bundle's
 * `/etc/prometheus/rules/<file>`), `prometheusOffsetMs` gives the exact phase of that Prometheus.
 */

/** Prometheus's caps a range query at 11,000 points per series. */
export const MAX_POINTS_PER_QUERY = 11_000;

/** labels.Hash of {file, name}: the bytes `file\xff<file>\xffname\xff<name>\xff`. */
function groupHash(groupName: string, ruleFile: string): bigint {
  const encoder = new TextEncoder();
  const parts = [
    encoder.encode("file"),
    Uint8Array.of(0xff),
    encoder.encode(ruleFile),
    Uint8Array.of(0xff),
    encoder.encode("name"),
    Uint8Array.of(0xff),
    encoder.encode(groupName),
    Uint8Array.of(0xff),
  ];
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return xxhash64(bytes);
}

/** The evaluation phase, in ms, of a group loaded from `ruleFile` by Prometheus (Group.EvalTimestamp). */
export function prometheusOffsetMs(groupName: string, ruleFile: string, intervalMs: number): number {
  const offsetNs = groupHash(groupName, ruleFile) % (BigInt(intervalMs) * 1_000_000n);
  return Number(offsetNs / 1_000_000n);
}

/** The first evaluation at or after `ms`, for evaluations at `k × interval + offset`. */
export function firstEvaluationAtOrAfter(ms: number, intervalMs: number, offsetMs: number): number {
  const k = Math.ceil((ms - offsetMs) / intervalMs);
  return k * intervalMs + offsetMs;
}

/** The last evaluation at or before `ms`. */
export function lastEvaluationAtOrBefore(ms: number, intervalMs: number, offsetMs: number): number {
  const k = Math.floor((ms - offsetMs) / intervalMs);
  return k * intervalMs + offsetMs;
}

export interface TimeSpan {
  startMs: number;
  endMs: number;
}

/**
 * Range queries covering the evaluations `start, start + interval, … end`, each at most
 * `maxPoints` evaluations, each starting one interval after the previous one ended.
 */
export function planChunks(
  startMs: number,
  endMs: number,
  intervalMs: number,
  maxPoints = MAX_POINTS_PER_QUERY,
): TimeSpan[] {
  const chunks: TimeSpan[] = [];
  for (let from = startMs; from <= endMs; from += maxPoints * intervalMs) {
    chunks.push({ startMs: from, endMs: Math.min(endMs, from + (maxPoints - 1) * intervalMs) });
  }
  return chunks;
}
