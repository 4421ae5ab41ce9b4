import type { ReactNode } from "react";
import type { Delivery } from "@/lib/api/notifications-client";

/** The receiver's test sends, newest first: one row per attempt. */
export function DeliveryLog({ deliveries }: { deliveries: readonly Delivery[] }): ReactNode {
  if (deliveries.length === 0) return <p className="muted">No test notification sent yet.</p>;
  return (
    <table className="delivery-log" data-testid="delivery-log">
      <caption>Delivery log</caption>
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Integration</th>
          <th scope="col">Attempt</th>
          <th scope="col">Outcome</th>
          <th scope="col">Status</th>
          <th scope="col">Latency</th>
          <th scope="col">Response</th>
        </tr>
      </thead>
      <tbody>
        {deliveries.map((d) => (
          <tr key={d.id} data-testid="delivery-row" data-outcome={d.outcome}>
            <td>{new Date(d.createdAt).toLocaleString()}</td>
            <td>{d.integration}</td>
            <td>{d.attempt}</td>
            <td className={`outcome-${d.outcome}`}>{d.outcome}</td>
            <td>{d.httpStatus ?? "—"}</td>
            <td>{d.latencyMs} ms</td>
            <td>
              <code className="delivery-excerpt">{d.excerpt}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
