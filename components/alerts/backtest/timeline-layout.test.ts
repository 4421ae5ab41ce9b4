import { describe, expect, it } from "vitest";
import { chartSeries } from "./backtest-chart";
import { labelText, timelineRows } from "./timeline-layout";

const result = {
  startMs: 0,
  endMs: 1000,
  intervalMs: 100,
  summary: {
    evaluations: 11,
    alerts: 1,
    firedCount: 1,
    firingAlerts: 1,
    firingMs: 300,
    longestFiringMs: 300,
    pendingWithoutFiring: 0,
    errors: 0,
    text: "",
  },
  timelines: [
    {
      labels: { alertname: "A", instance: "x" },
      segments: [
        { state: "pending" as const, fromMs: 100, toMs: 300, open: false },
        { state: "firing" as const, fromMs: 300, toMs: 600, open: false },
        { state: "firing" as const, fromMs: 1000, toMs: 1000, open: true },
      ],
      firedCount: 2,
      firingMs: 300,
      longestFiringMs: 300,
      pendingWithoutFiring: 0,
      lastValue: 1,
    },
  ],
  omittedTimelines: 0,
  errors: [],
};

describe("timelineRows", () => {
  it("places each state as a share of the window; an open state at the end stays visible", () => {
    const [row] = timelineRows(result);
    expect(row?.name).toBe('{instance="x"}');
    expect(row?.bars.map((bar) => [bar.state, bar.left, bar.width])).toEqual([
      ["pending", 10, 20],
      ["firing", 30, 30],
      ["firing", 100, 0],
    ]);
  });

  it("names an alert without labels {}", () => {
    expect(labelText({ alertname: "A" })).toBe("{}");
  });
});

describe("chartSeries", () => {
  it("draws the thresholds as flat lines, the edited one only when it differs", () => {
    const chart = {
      query: "x",
      series: [
        {
          metric: { __name__: "x" },
          values: [
            [1, "1"],
            [2, "3"],
          ] as [number, string][],
        },
      ],
      omittedSeries: 0,
      threshold: { operator: ">", saved: 2, draft: 2.5 },
    };
    expect(chartSeries(chart).map((s) => [s.name, s.points])).toEqual([
      [
        "x{}",
        [
          [1000, 1],
          [2000, 3],
        ],
      ],
      [
        "threshold (saved) > 2",
        [
          [1000, 2],
          [2000, 2],
        ],
      ],
      [
        "threshold (edited) > 2.5",
        [
          [1000, 2.5],
          [2000, 2.5],
        ],
      ],
    ]);
  });
});
