import type { ReactNode } from "react";
import type { AlertingImportReport } from "@/lib/api/alerting-import-client";

export interface ImportReportProps {
  report: AlertingImportReport;
}

const COUNTS: readonly { key: keyof AlertingImportReport["imported"]; label: string }[] = [
  { key: "receivers", label: "Receivers" },
  { key: "routes", label: "Routes (with the root)" },
  { key: "inhibitRules", label: "Inhibit rules" },
  { key: "timeIntervals", label: "Time intervals" },
];

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/**
 * What an alertmanager.yml becomes, before anything changes: the configuration it replaces and
 * what replaces it, each receiver's editable integrations and verbatim configs, what else is kept,
 * the literal secrets (names and places only: the values never reach the page) and notes.
 */
export function ImportReport({ report }: ImportReportProps): ReactNode {
  const verbatim = report.receivers.reduce((sum, receiver) => sum + receiver.verbatim.length, 0);
  return (
    <div className="alerting-import-report" data-testid="alerting-import-report">
      <p data-testid="alerting-import-summary">{report.summary}</p>
      <table className="alerting-import-counts">
        <caption className="muted small">It replaces the whole alerting configuration</caption>
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">Now</th>
            <th scope="col">After the import</th>
          </tr>
        </thead>
        <tbody>
          {COUNTS.map(({ key, label }) => (
            <tr key={key} data-testid={`alerting-import-count-${key}`}>
              <th scope="row">{label}</th>
              <td>{report.replaces[key]}</td>
              <td data-testid={`alerting-import-imported-${key}`}>{report.imported[key]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <details open>
        <summary>
          Receivers ({report.receivers.length}; {verbatim} config{verbatim === 1 ? "" : "s"} kept verbatim)
        </summary>
        <ul className="plain-list" data-testid="alerting-import-receivers">
          {report.receivers.map((receiver) => (
            <li key={receiver.name} data-receiver={receiver.name}>
              <strong>{receiver.name}</strong>
              {receiver.integrations.length > 0 ? `: ${receiver.integrations.join(", ")}` : ""}
              {receiver.verbatim.length > 0 ? (
                <span className="muted">
                  {" "}
                  (kept verbatim, exported as written: {receiver.verbatim.join(", ")})
                </span>
              ) : null}
              {receiver.integrations.length === 0 && receiver.verbatim.length === 0 ? (
                <span className="muted"> no integrations: its alerts are dropped</span>
              ) : null}
            </li>
          ))}
        </ul>
      </details>
      {report.timeIntervals.length > 0 ? (
        <p data-testid="alerting-import-intervals">Time intervals: {report.timeIntervals.join(", ")}</p>
      ) : null}
      {report.global.length > 0 ? (
        <p data-testid="alerting-import-global">
          Global settings kept verbatim: <code>{report.global.join(", ")}</code>
        </p>
      ) : null}
      {report.templates.length > 0 ? (
        <p data-testid="alerting-import-templates">
          Template paths kept: <code>{report.templates.join(", ")}</code>
        </p>
      ) : null}
      <details open={report.secrets.length > 0}>
        <summary>
          {plural(report.secrets.length, "literal secret")}, stored encrypted when you save (never shown)
        </summary>
        <ul className="plain-list" data-testid="alerting-import-secrets">
          {report.secrets.map((secret) => (
            <li key={secret.name} data-secret={secret.name}>
              <code>{secret.name}</code> <span className="muted">from {secret.where}</span>
              {secret.replacesStored ? (
                <span className="badge" data-testid="alerting-import-replaces-secret">
                  replaces the stored value
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      </details>
      {report.notes.length > 0 || report.warnings.length > 0 ? (
        <ul className="issue-list" data-testid="alerting-import-notes">
          {report.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
          {report.warnings.map((warning) => (
            <li key={`${warning.path}|${warning.message}`}>
              <code>{warning.path}</code> warning: {warning.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
