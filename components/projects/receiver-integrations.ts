import type { Integration, Receiver } from "@/lib/model/alertmanager";

/** One line of the overview's receiver table: the integration's type and where it sends. */
export interface IntegrationRow {
  type: string;
  detail: string;
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

/**
 * Every integration of a receiver, the edited ones and those kept as imported (an Opsgenie or an
 * e-mail config the model does not hold): those send too, so a receiver with only them is not one
 * that drops its alerts. Empty only when the receiver sends nowhere.
 */
export function integrationRows(receiver: Receiver): IntegrationRow[] {
  return [
    ...receiver.integrations.map((integration) => ({
      type: integration.type,
      detail: integrationTarget(integration),
    })),
    ...(receiver.verbatim ?? []).map((entry) => ({
      type: entry.key.replace(/_configs$/, ""),
      detail: "kept as imported",
    })),
  ];
}
