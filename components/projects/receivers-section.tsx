import type { ReactNode } from "react";
import type { Receiver } from "@/lib/model/alertmanager";
import { anchorId } from "./issue-anchors";
import { integrationRows } from "./receiver-integrations";

export interface ReceiversSectionProps {
  receivers: readonly Receiver[];
}

function IntegrationList({ receiver }: { receiver: Receiver }): ReactNode {
  const rows = integrationRows(receiver);
  if (rows.length === 0) return <span className="muted">none (alerts are dropped)</span>;
  return (
    <ul className="plain-list">
      {rows.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: integrations have no identity of their own
        <li key={i}>
          <span className="badge">{row.type}</span> <span className="muted small">{row.detail}</span>
        </li>
      ))}
    </ul>
  );
}

export function ReceiversSection({ receivers }: ReceiversSectionProps): ReactNode {
  return (
    <section id="receivers" className="section" data-testid="receivers-section">
      <h2>
        Receivers <span className="count">{receivers.length}</span>
      </h2>
      {receivers.length === 0 ? (
        <p className="empty">No receivers: alerts are not sent anywhere.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Receiver</th>
              <th>Integrations</th>
            </tr>
          </thead>
          <tbody>
            {receivers.map((receiver, index) => (
              <tr
                key={anchorId(["receivers", index])}
                id={anchorId(["receivers", index])}
                className="anchor-target"
              >
                <td>
                  <code>{receiver.name}</code>
                </td>
                <td>
                  <IntegrationList receiver={receiver} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
