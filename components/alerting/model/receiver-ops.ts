import type { Integration, IntegrationType, Receiver } from "@/lib/model/alertmanager";
import type { AlertingSection } from "@/lib/model/sections";
import { renameIntervalInRoute, renameReceiverInRoute } from "./route-ops";

/** What the receiver editor does to the alerting section: add, rename (routes follow), delete. */

export const RECEIVER_NAME = /^[a-zA-Z0-9_.-]{1,100}$/;

/** A name not taken yet: `receiver`, `receiver-2`, … */
export function freeName(taken: readonly string[], base: string): string {
  const names = new Set(taken);
  if (!names.has(base)) return base;
  for (let n = 2; ; n++) if (!names.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The environment variable a new secret is read from: `TEAM_API_SLACK_API_URL`. */
export function secretVariable(receiver: string, field: string): string {
  const base = `${receiver}_${field}`
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  return /^[A-Z]/.test(base) ? base : `AM_${base}`;
}

/** A new integration of a type, with the fields a user must fill left empty or defaulted. */
export function newIntegration(type: IntegrationType, receiver: string): Integration {
  switch (type) {
    case "slack":
      return {
        type,
        sendResolved: true,
        channel: "#alerts",
        apiUrl: { secret: secretVariable(receiver, "slack_api_url") },
      };
    case "email":
      return {
        type,
        sendResolved: false,
        to: "oncall@example.com",
        from: "alertmanager@example.com",
        smarthost: "smtp.example.com:587",
        requireTls: true,
      };
    case "pagerduty":
      return {
        type,
        sendResolved: true,
        routingKey: { secret: secretVariable(receiver, "pagerduty_routing_key") },
      };
    case "webhook":
      return { type, sendResolved: true, url: "https://example.com/alerts", maxAlerts: 0 };
    default: {
      const exhaustive: never = type;
      throw new Error(`unknown integration type ${String(exhaustive)}`);
    }
  }
}

export function withReceiverAdded(section: AlertingSection, name?: string): AlertingSection {
  const taken = section.receivers.map((receiver) => receiver.name);
  const receiver: Receiver = { name: name ?? freeName(taken, "receiver"), integrations: [] };
  return { ...section, receivers: [...section.receivers, receiver] };
}

/** Why `name` cannot be the new name of receiver `index`, or undefined when it can. */
export function receiverRenameProblem(
  section: AlertingSection,
  index: number,
  name: string,
): string | undefined {
  if (!RECEIVER_NAME.test(name)) return "receiver names are letters, digits, _, . or -";
  const other = section.receivers.findIndex((receiver, i) => i !== index && receiver.name === name);
  if (other !== -1) return `a receiver "${name}" exists already`;
  return undefined;
}

/** Receiver `index` renamed, and every route that named it naming the new name. */
export function withReceiverRenamed(section: AlertingSection, index: number, name: string): AlertingSection {
  const receiver = section.receivers[index];
  if (!receiver || receiver.name === name) return section;
  return {
    ...section,
    receivers: section.receivers.map((entry, i) => (i === index ? { ...entry, name } : entry)),
    route: renameReceiverInRoute(section.route, receiver.name, name),
  };
}

/**
 * Receiver `index` removed. Routes that named it keep the name, so the model marks each of them
 * ("undefined receiver") until another receiver is picked: nothing is saved broken, nothing silently rerouted.
 */
export function withoutReceiver(section: AlertingSection, index: number): AlertingSection {
  return { ...section, receivers: section.receivers.filter((_, i) => i !== index) };
}

export function withReceiver(section: AlertingSection, index: number, receiver: Receiver): AlertingSection {
  return { ...section, receivers: section.receivers.map((entry, i) => (i === index ? receiver : entry)) };
}

/** Time interval `index` renamed (routes follow) or, with `name` undefined, removed (routes drop it). */
export function withIntervalRenamed(
  section: AlertingSection,
  index: number,
  name: string | undefined,
): AlertingSection {
  const interval = section.alertmanager.timeIntervals[index];
  if (!interval || interval.name === name) return section;
  const timeIntervals =
    name === undefined
      ? section.alertmanager.timeIntervals.filter((_, i) => i !== index)
      : section.alertmanager.timeIntervals.map((entry, i) => (i === index ? { ...entry, name } : entry));
  return {
    ...section,
    alertmanager: { ...section.alertmanager, timeIntervals },
    route: renameIntervalInRoute(section.route, interval.name, name),
  };
}
