"use client";

import type { ReactNode } from "react";
import { budgetText } from "@/lib/alerting/slo/budget-rows";
import type { SloSpec } from "@/lib/model/slo";
import { useBudgetLeft } from "./use-budget-left";

export interface SloBudgetProps {
  projectId: string;
  spec: SloSpec;
  query: string;
}

function labelsText(labels: Record<string, string>): string {
  const entries = Object.entries(labels);
  return entries.length === 0 ? "all traffic" : entries.map(([k, v]) => `${k}="${v}"`).join(", ");
}

/** Budget left over the SLO window, live from the project's Prometheus. */
export function SloBudget({ projectId, spec, query }: SloBudgetProps): ReactNode {
  const budget = useBudgetLeft(projectId, query);
  return (
    <section className="card" data-testid="slo-budget">
      <h3>Error budget left over the last {spec.window}</h3>
      {budget.isPending ? <p className="muted">Asking Prometheus…</p> : null}
      {budget.error ? (
        <p className="notice notice-warning" data-testid="slo-budget-error">
          No live figure: {budget.error.message}
        </p>
      ) : null}
      {budget.data && budget.data.length === 0 ? (
        <p className="muted" data-testid="slo-budget-empty">
          No data: the queries match no series in this Prometheus.
        </p>
      ) : null}
      {budget.data && budget.data.length > 0 ? (
        <ul className="slo-budget-list">
          {budget.data.slice(0, 20).map((row) => (
            <li key={labelsText(row.labels)} data-testid="slo-budget-row">
              <strong className={row.left < 0 ? "slo-overspent" : undefined}>{budgetText(row.left)}</strong>{" "}
              <span className="muted">{labelsText(row.labels)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <details>
        <summary className="muted small">Query</summary>
        <pre className="slo-code">{query}</pre>
      </details>
    </section>
  );
}
