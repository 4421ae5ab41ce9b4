import type { Labels } from "../../model";
import type { SimulatedAlert } from "./types";

/** A backtest's timelines (lib/alerting/backtest) as the alerts the simulation posts: their firing stretches. */

interface TimelineLike {
  labels: Labels;
  segments: readonly { state: "pending" | "firing"; fromMs: number; toMs: number; open: boolean }[];
}

export function alertsFromTimelines(timelines: readonly TimelineLike[], rule?: string): SimulatedAlert[] {
  return timelines
    .map((timeline) => ({
      labels: timeline.labels,
      ...(rule === undefined ? {} : { rule }),
      firing: timeline.segments
        .filter((segment) => segment.state === "firing")
        .map((segment) => ({ fromMs: segment.fromMs, toMs: segment.open ? null : segment.toMs })),
    }))
    .filter((alert) => alert.firing.length > 0);
}

/** A typed label set firing for the whole window, for "what if this alert fired". */
export function typedAlert(labels: Labels, startMs: number): SimulatedAlert {
  return { labels, firing: [{ fromMs: startMs, toMs: null }] };
}
