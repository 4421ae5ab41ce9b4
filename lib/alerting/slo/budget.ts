import type { BurnWindow } from "./policies";

/** What one burn condition means for the budget, in numbers an explanation or a test reads. */
export interface BurnMaths {
  /** Error ratio the condition must exceed: factor × budget. */
  threshold: number;
  /** Share of the whole window's budget spent when the long window burns at the factor. */
  budgetShare: number;
  /** How long the whole budget lasts at this burn rate. */
  exhaustionMs: number;
  /** False when the error ratio would have to exceed 100 % (factor × budget ≥ 1): it never fires. */
  reachable: boolean;
  /**
   * Time from the first failure to firing when every event fails, traffic is steady and the long
   * window held no errors before: the long window's ratio reaches the threshold after
   * long × threshold, the short one after short × threshold; then `for`.
   */
  detectionAtTotalFailureMs: number;
  /** Fewer events than this in the long window, and a single failure crosses the threshold. */
  lowTrafficEvents: number;
}

export function burnMaths(window: BurnWindow, budget: number, sloWindowMs: number): BurnMaths {
  const threshold = window.factor * budget;
  return {
    threshold,
    budgetShare: (window.factor * window.longMs) / sloWindowMs,
    exhaustionMs: sloWindowMs / window.factor,
    reachable: threshold < 1,
    detectionAtTotalFailureMs: Math.max(window.longMs, window.shortMs) * threshold + (window.forMs ?? 0),
    lowTrafficEvents: Math.ceil(1 / threshold),
  };
}

/** Budget left from an error ratio measured over the SLO window: 1 − ratio / budget. */
export function budgetRemaining(errorRatio: number, budget: number): number {
  return 1 - errorRatio / budget;
}
