import type { SloSpec } from "@/lib/model/slo";
import type { BurnMaths } from "./budget";
import { prometheusDuration, spokenDuration } from "./durations";
import { percent, tidyNumber } from "./numbers";
import type { BurnWindow, SloAlertSeverity } from "./policies";

export interface ExplainedWindow extends BurnWindow, BurnMaths {
  /** One sentence: "Pages when 2 % of the 30-day error budget burns within an hour: …". */
  text: string;
}

function verb(severity: SloAlertSeverity): string {
  return severity === "page" ? "Pages" : "Opens a ticket";
}

function days(windowMs: number): string {
  return `${Math.round(windowMs / 86_400_000)}-day`;
}

/** The plain-words meaning of one burn condition of an alert. */
export function explainWindow(
  spec: SloSpec,
  severity: SloAlertSeverity,
  window: BurnWindow,
  maths: BurnMaths,
  sloWindowMs: number,
): string {
  const budget = percent(1 - spec.objective / 100);
  const head = `${verb(severity)} when ${percent(maths.budgetShare)} of the ${days(sloWindowMs)} error budget burns within ${spokenDuration(window.longMs)}`;
  const wait = window.forMs ? `, for ${prometheusDuration(window.forMs)}` : "";
  if (!maths.reachable) {
    return `${head}; it cannot fire: that needs an error ratio above ${percent(maths.threshold)} (${tidyNumber(window.factor)} × the ${budget} budget).`;
  }
  return (
    `${head}: the error ratio is above ${percent(maths.threshold)} (${tidyNumber(window.factor)} × the ${budget} budget) ` +
    `over the last ${prometheusDuration(window.longMs)} and the last ${prometheusDuration(window.shortMs)}${wait}. ` +
    `At that rate the whole budget lasts ${spokenDuration(maths.exhaustionMs)}; ` +
    `with every request failing it fires after about ${spokenDuration(maths.detectionAtTotalFailureMs)}.`
  );
}
