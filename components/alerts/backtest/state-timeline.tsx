"use client";

import type { ReactNode } from "react";
import type { BacktestRunResponse } from "@/lib/alerting/backtest/api-schemas";
import { formatSpan } from "@/lib/alerting/backtest/summary";
import { timelineRows } from "./timeline-layout";

type Result = NonNullable<BacktestRunResponse["saved"]>;

export interface StateTimelineProps {
  result: Result;
  /** A heading: "Saved" or "Edited". */
  title: string;
}

const COLORS = { pending: "#f5b942", firing: "#e5484d" } as const;

function time(ms: number): string {
  return new Date(ms).toISOString().replace("T", " ").slice(0, 19);
}

/** Per alert (series), when it was pending and firing over the window; inactive is the gap. */
export function StateTimeline({ result, title }: StateTimelineProps): ReactNode {
  const rows = timelineRows(result);
  return (
    <section className="backtest-timeline" data-testid={`backtest-timeline-${title.toLowerCase()}`}>
      <h4>{title}</h4>
      {rows.length === 0 ? <p>No alert was pending or firing.</p> : null}
      <ul style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {rows.map((row) => (
          <li
            key={row.key}
            style={{ display: "grid", gridTemplateColumns: "16rem 1fr 7rem", gap: 8, alignItems: "center" }}
          >
            <code
              title={row.name}
              style={{ overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" }}
            >
              {row.name}
            </code>
            <div style={{ position: "relative", height: 14, background: "#eef1f4", borderRadius: 2 }}>
              {row.bars.map((bar) => (
                <span
                  key={`${bar.state}:${bar.fromMs}`}
                  data-state={bar.state}
                  title={`${bar.state} ${time(bar.fromMs)} → ${time(bar.toMs)} (${formatSpan(bar.toMs - bar.fromMs)})`}
                  style={{
                    position: "absolute",
                    left: `${bar.left}%`,
                    width: `${bar.width}%`,
                    top: 0,
                    bottom: 0,
                    background: COLORS[bar.state],
                  }}
                />
              ))}
            </div>
            <span>
              {row.firedCount > 0 ? `fired ${row.firedCount}×, ${formatSpan(row.firingMs)}` : "never fired"}
            </span>
          </li>
        ))}
      </ul>
      {result.omittedTimelines > 0 ? (
        <p>{result.omittedTimelines} more alerts not listed (counted in the summary).</p>
      ) : null}
      {result.errors.length > 0 ? (
        <p role="alert">
          {result.summary.errors} evaluations failed, e.g. at {time(result.errors[0]?.atMs ?? 0)}:{" "}
          {result.errors[0]?.message}
        </p>
      ) : null}
    </section>
  );
}
