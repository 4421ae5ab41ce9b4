import type { QueryData } from "@/lib/prometheus/schemas";

/** One SLO series' budget left: its labels (the group-by ones) and the share left (1 = untouched). */
export interface BudgetRow {
  labels: Record<string, string>;
  /** NaN when there was no traffic over the window. */
  left: number;
}

/** The budget query's answer as rows, worst first. */
export function budgetRows(data: QueryData): BudgetRow[] {
  if (data.resultType === "scalar") return [{ labels: {}, left: Number(data.result[1]) }];
  if (data.resultType !== "vector") return [];
  return data.result
    .map((sample) => ({ labels: sample.metric, left: Number(sample.value?.[1] ?? Number.NaN) }))
    .sort((a, b) => (Number.isNaN(a.left) ? 1 : Number.isNaN(b.left) ? -1 : a.left - b.left));
}

/** `73.2 %`, `-12 %` (overspent), or `no traffic`. */
export function budgetText(left: number): string {
  if (!Number.isFinite(left)) return "no traffic";
  return `${Number((left * 100).toPrecision(3))} %`;
}
