import type { BacktestRunResponse } from "@/lib/alerting/backtest/api-schemas";

/** Pure page logic of the backtest panel: timelines as positioned bars, series as chart lines. */

type Result = NonNullable<BacktestRunResponse["saved"]>;

export interface TimelineBar {
  state: "pending" | "firing";
  /** Percent of the window from its start, and width in percent. */
  left: number;
  width: number;
  fromMs: number;
  toMs: number;
}

export interface TimelineRow {
  key: string;
  name: string;
  bars: TimelineBar[];
  firedCount: number;
  firingMs: number;
}

/** A label set as `{a="b", c="d"}` without alertname (the rule's name is already on screen). */
export function labelText(labels: Readonly<Record<string, string>>): string {
  const entries = Object.entries(labels).filter(([name]) => name !== "alertname");
  return entries.length === 0 ? "{}" : `{${entries.map(([name, value]) => `${name}="${value}"`).join(", ")}}`;
}

export function timelineRows(result: Result): TimelineRow[] {
  const span = Math.max(1, result.endMs - result.startMs);
  return result.timelines.map((timeline) => ({
    key: JSON.stringify(timeline.labels),
    name: labelText(timeline.labels),
    firedCount: timeline.firedCount,
    firingMs: timeline.firingMs,
    bars: timeline.segments.map((segment) => {
      const left = ((segment.fromMs - result.startMs) / span) * 100;
      // An open segment at the last evaluation still gets a visible sliver.
      const width = Math.max(0.3, ((segment.toMs - segment.fromMs) / span) * 100);
      return {
        state: segment.state,
        left,
        width: Math.min(width, 100 - left),
        fromMs: segment.fromMs,
        toMs: segment.toMs,
      };
    }),
  }));
}
