import type { SloPolicy, SloWindow } from "@/lib/model/slo";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type SloAlertSeverity = "page" | "ticket";

/** One multiwindow condition: the error ratio over both windows is above factor × budget. */
export interface BurnWindow {
  longMs: number;
  shortMs: number;
  factor: number;
  /** Pyrra waits this long before firing; the others fire at once. */
  forMs?: number;
}

/** One alerting rule: its conditions are joined with `or`. */
export interface PolicyAlert {
  severity: SloAlertSeverity;
  windows: BurnWindow[];
}

export function sloWindowMs(window: SloWindow): number {
  switch (window) {
    case "28d":
      return 28 * DAY;
    case "30d":
      return 30 * DAY;
  }
}

/** The SRE workbook's table ("Alerting on SLOs", recommended parameters), fixed burn factors. */
function sreWorkbook(): PolicyAlert[] {
  return [
    {
      severity: "page",
      windows: [
        { longMs: HOUR, shortMs: 5 * MINUTE, factor: 14.4 },
        { longMs: 6 * HOUR, shortMs: 30 * MINUTE, factor: 6 },
      ],
    },
    { severity: "ticket", windows: [{ longMs: 3 * DAY, shortMs: 6 * HOUR, factor: 1 }] },
  ];
}

/**
 * Sloth's "google" alert windows (internal/alert/windows/google-30d.yaml and -28d.yaml): each
 * condition is a share of the budget spent within the long window, so the factor follows the period.
 */
function sloth(windowMs: number): PolicyAlert[] {
  const budgetShare = (share: number, longMs: number, shortMs: number): BurnWindow => ({
    longMs,
    shortMs,
    factor: (share * windowMs) / longMs,
  });
  return [
    {
      severity: "page",
      windows: [budgetShare(0.02, HOUR, 5 * MINUTE), budgetShare(0.05, 6 * HOUR, 30 * MINUTE)],
    },
    {
      severity: "ticket",
      windows: [budgetShare(0.1, DAY, 2 * HOUR), budgetShare(0.1, 3 * DAY, 6 * HOUR)],
    },
  ];
}

/** Go's `Duration.Round(time.Minute)`: halves away from zero. */
function roundToMinute(ms: number): number {
  return Math.round(ms / MINUTE) * MINUTE;
}

/**
 * Pyrra's `Windows(sloWindow)` (slo/rules.go): four alerts whose windows are the 28-day ones
 * scaled to the SLO window and rounded to the minute, each with a `for` of half its short window.
 */
function pyrra(windowMs: number): PolicyAlert[] {
  const scaled = (divisor: number): number => roundToMinute(windowMs / divisor);
  const window = (factor: number, long: number, short: number, wait: number): BurnWindow => ({
    longMs: scaled(long),
    shortMs: scaled(short),
    factor,
    forMs: scaled(wait),
  });
  return [
    { severity: "page", windows: [window(14, 28 * 24, 28 * 24 * 12, 28 * 24 * 30)] },
    { severity: "page", windows: [window(7, 28 * 4, 28 * 24 * 2, 28 * 24 * 4)] },
    { severity: "ticket", windows: [window(2, 28, 28 * 12, 28 * 24)] },
    { severity: "ticket", windows: [window(1, 7, 28 * 4, 28 * 8)] },
  ];
}

/** The alerts a policy makes for an SLO window, most urgent first. */
export function policyAlerts(policy: SloPolicy, window: SloWindow): PolicyAlert[] {
  const windowMs = sloWindowMs(window);
  switch (policy) {
    case "sre-workbook":
      return sreWorkbook();
    case "sloth":
      return sloth(windowMs);
    case "pyrra":
      return pyrra(windowMs);
  }
}

/** Every window a policy's alerts read, shortest first, once each: one recording rule each. */
export function policyWindows(alerts: readonly PolicyAlert[]): number[] {
  const all = new Set<number>();
  for (const alert of alerts) {
    for (const w of alert.windows) {
      all.add(w.shortMs);
      all.add(w.longMs);
    }
  }
  return [...all].sort((a, b) => a - b);
}
