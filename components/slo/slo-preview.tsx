"use client";

import type { ReactNode } from "react";
import type { SloGeneration } from "@/lib/alerting/slo";

export interface SloExplanationsProps {
  generation: SloGeneration;
}

/** Each generated alert in plain words, and what to watch out for. */
export function SloExplanations({ generation }: SloExplanationsProps): ReactNode {
  const problems = generation.warnings;
  return (
    <section className="card" data-testid="slo-alerts">
      <h3>Alerts</h3>
      <ul className="slo-alert-list">
        {generation.alerts.map((alert) => (
          <li key={JSON.stringify(alert.labels)} data-testid="slo-alert">
            <strong>{alert.alert}</strong> <span className="badge">{alert.severity}</span>
            <ul>
              {alert.windows.map((w) => (
                <li key={`${w.longMs}-${w.shortMs}`} data-testid="slo-alert-window">
                  {w.text}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {problems.length > 0 ? (
        <ul className="issue-list" data-testid="slo-warnings">
          {problems.map((issue) => (
            <li
              key={issue.message}
              className={issue.severity === "error" ? "notice notice-error" : "notice notice-warning"}
              data-testid="slo-warning"
            >
              <code>{issue.path}</code> {issue.message}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

export interface SloYamlProps {
  yaml: string;
}

/** The rule group as the bundle will write it. */
export function SloYaml({ yaml }: SloYamlProps): ReactNode {
  return (
    <section className="card">
      <h3>Generated rules</h3>
      <pre className="slo-code" data-testid="slo-yaml">
        {yaml}
      </pre>
    </section>
  );
}
