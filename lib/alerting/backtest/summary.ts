import type { AlertTimeline, BacktestSummary } from "./types";

/** "41 min", "2 h 5 min", "3 d 4 h", "30 s": as long as a reader needs, no longer. */
export function formatSpan(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
}

function times(count: number): string {
  return count === 1 ? "once" : count === 2 ? "twice" : `${count} times`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** The backtest's counts and its one-sentence answer to "would this have woken me, and how often?". */
export function summarize(
  timelines: readonly AlertTimeline[],
  totals: { evaluations: number; alerts: number; errors: number },
): BacktestSummary {
  let firedCount = 0;
  let firingAlerts = 0;
  let firingMs = 0;
  let longestFiringMs = 0;
  let pendingWithoutFiring = 0;
  for (const timeline of timelines) {
    firedCount += timeline.firedCount;
    if (timeline.firedCount > 0) firingAlerts++;
    firingMs += timeline.firingMs;
    longestFiringMs = Math.max(longestFiringMs, timeline.longestFiringMs);
    pendingWithoutFiring += timeline.pendingWithoutFiring;
  }
  const parts: string[] = [];
  if (firedCount === 0) parts.push("would not have fired");
  else {
    parts.push(
      `would have fired ${times(firedCount)} on ${firingAlerts} series, ${formatSpan(firingMs)} in all`,
    );
    if (firedCount > 1) parts.push(`longest ${formatSpan(longestFiringMs)}`);
  }
  if (pendingWithoutFiring > 0) parts.push(`pending ${times(pendingWithoutFiring)} without firing`);
  if (totals.errors > 0) parts.push(`${plural(totals.errors, "evaluation")} failed`);
  return {
    ...totals,
    firedCount,
    firingAlerts,
    firingMs,
    longestFiringMs,
    pendingWithoutFiring,
    text: parts.join("; "),
  };
}
