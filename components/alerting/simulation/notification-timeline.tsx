import type { ReactNode } from "react";
import type { SimulatedNotification } from "@/lib/alerting/simulation/types";

export interface NotificationTimelineProps {
  notifications: readonly SimulatedNotification[];
  /** Rows shown; the rest are counted. */
  limit?: number;
}

const REASONS = {
  new: "first notification",
  changed: "group changed",
  resolved: "all resolved",
  repeat: "repeat",
} as const;

function integrationText(notification: SimulatedNotification): string {
  const integration = notification.integration;
  if (!integration) return "(no integration: nothing sent)";
  return integration.target ? `${integration.type} ${integration.target}` : integration.type;
}

/** The messages, in time order: when, to whom, why, with how many alerts. */
export function NotificationTimeline({ notifications, limit = 200 }: NotificationTimelineProps): ReactNode {
  if (notifications.length === 0) return <p className="empty">No notifications.</p>;
  return (
    <>
      <table className="simulation-timeline" data-testid="simulation-timeline">
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Receiver</th>
            <th scope="col">Integration</th>
            <th scope="col">Why</th>
            <th scope="col">Firing</th>
            <th scope="col">Resolved</th>
          </tr>
        </thead>
        <tbody>
          {notifications.slice(0, limit).map((notification, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is computed whole and never reordered
            <tr key={index} data-testid="simulation-notification">
              <td>{new Date(notification.atMs).toLocaleString()}</td>
              <td>{notification.receiver}</td>
              <td>{integrationText(notification)}</td>
              <td>{REASONS[notification.reason]}</td>
              <td>{notification.firing.length}</td>
              <td>{notification.resolved.length}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {notifications.length > limit ? (
        <p className="field-hint">and {notifications.length - limit} more</p>
      ) : null}
    </>
  );
}
