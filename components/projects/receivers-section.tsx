import type { ReactNode } from "react";
import type { Integration, Receiver } from "@/lib/model/alertmanager";
import { anchorId } from "./issue-anchors";

export interface ReceiversSectionProps {
  receivers: readonly Receiver[];
}

/** Where an integration sends, without any secret (those are only names of variables anyway). */
function integrationTarget(integration: Integration): string {
  switch (integration.type) {
    case "slack":
      return integration.channel;
    case "email":
      return integration.to;
    case "pagerduty":
      return `routing key from ${integration.routingKey.secret}`;
    case "webhook":
      return integration.url;
    default: {
      const exhaustive: never = integration;
      throw new Error(`unknown integration ${JSON.stringify(exhaustive)}`);
    }
  }
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
                  {receiver.integrations.length === 0 ? (
                    <span className="muted">none (alerts are dropped)</span>
                  ) : (
                    <ul className="plain-list">
                      {receiver.integrations.map((integration, i) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: integrations have no identity of their own
                        <li key={i}>
                          <span className="badge">{integration.type}</span>{" "}
                          <span className="muted small">{integrationTarget(integration)}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
