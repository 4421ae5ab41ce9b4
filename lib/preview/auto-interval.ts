import { parseDuration } from "../model/common";
import { formatDuration } from "./duration";

/**
 * An interval variable's "auto" option, as Grafana computes it (rangeutil.calculateInterval): the
 * time range split into `count` steps, rounded to a nice interval, never below `min`.
 */

/** The option as the designer's drop-down lists it, as Grafana's shows it. */
export const AUTO_OPTION = "auto";

/** The option's value in Grafana's URLs and stored selections; the drop-down shows it as "auto". */
export function autoIntervalValue(name: string): string {
  return `$__auto_interval_${name}`;
}

/** Grafana's ladder of nice intervals (rangeutil.roundInterval): milliseconds in, milliseconds out. */
const LADDER: ReadonlyArray<readonly [below: number, interval: number]> = [
  [10, 1],
  [15, 10],
  [35, 20],
  [75, 50],
  [150, 100],
  [350, 200],
  [750, 500],
  [1500, 1000],
  [3500, 2000],
  [7500, 5000],
  [12_500, 10_000],
  [17_500, 15_000],
  [25_000, 20_000],
  [45_000, 30_000],
  [90_000, 60_000],
  [210_000, 120_000],
  [450_000, 300_000],
  [750_000, 600_000],
  [1_050_000, 900_000],
  [1_500_000, 1_200_000],
  [2_700_000, 1_800_000],
  [5_400_000, 3_600_000],
  [9_000_000, 7_200_000],
  [16_200_000, 10_800_000],
  [32_400_000, 21_600_000],
  [86_400_000, 43_200_000],
  [604_800_000, 86_400_000],
  [1_814_400_000, 604_800_000],
  [3_628_800_000, 2_592_000_000],
];

export function roundInterval(ms: number): number {
  return LADDER.find(([below]) => ms < below)?.[1] ?? 31_536_000_000;
}

/** The auto interval over `rangeMs` as a duration (`1m`): `count` steps, at least `min` (default 10s as Grafana's). */
export function autoInterval(rangeMs: number, count: number, min: string | undefined): string {
  const floor = parseDuration(min ?? "10s") ?? 1;
  return formatDuration(Math.max(floor, roundInterval(rangeMs / Math.max(1, count))));
}
