import type { AlertFilter, LiveAlert, LiveAlertGroup } from "./schemas";

/**
 * The live list's filter, applied to what Alertmanager answered: by receiver (the alert is routed
 * to it) and by state (active, suppressed, unprocessed). Done here rather than with Alertmanager's
 * `?receiver=` regex so a receiver name with regex characters means itself.
 */
export function filterAlerts(alerts: readonly LiveAlert[], filter: AlertFilter): LiveAlert[] {
  return alerts.filter(
    (alert) =>
      (filter.receiver === undefined || alert.receivers.some((r) => r.name === filter.receiver)) &&
      (filter.state === undefined || alert.status.state === filter.state),
  );
}

/** The groups of that receiver, with only the alerts in that state; groups left empty dropped. */
export function filterGroups(groups: readonly LiveAlertGroup[], filter: AlertFilter): LiveAlertGroup[] {
  return groups
    .filter((group) => filter.receiver === undefined || group.receiver.name === filter.receiver)
    .map((group) => ({ ...group, alerts: filterAlerts(group.alerts, { state: filter.state }) }))
    .filter((group) => group.alerts.length > 0);
}

/** Every receiver named by the alerts or groups, sorted: the filter's choices. */
export function receiverNames(groups: readonly LiveAlertGroup[], alerts: readonly LiveAlert[]): string[] {
  const names = new Set<string>();
  for (const group of groups) names.add(group.receiver.name);
  for (const alert of alerts) for (const receiver of alert.receivers) names.add(receiver.name);
  return [...names].sort();
}
