import type { IntegrationCount } from "./types";

/** The simulation's answer in words: "would have sent 7 Slack messages to #alerts and paged twice". */

function times(count: number): string {
  if (count === 1) return "once";
  if (count === 2) return "twice";
  return `${count} times`;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** One phrase per integration, merged where two integrations name the same place. */
export function integrationPhrases(counts: readonly IntegrationCount[]): string[] {
  const merged = new Map<string, { type: string; target: string; messages: number; firing: number }>();
  for (const { integration, messages, firingMessages } of counts) {
    const key = `${integration.type}|${integration.target}`;
    const entry = merged.get(key) ?? {
      type: integration.type,
      target: integration.target,
      messages: 0,
      firing: 0,
    };
    entry.messages += messages;
    entry.firing += firingMessages;
    merged.set(key, entry);
  }
  return [...merged.values()]
    .sort(
      (a, b) => b.messages - a.messages || a.type.localeCompare(b.type) || a.target.localeCompare(b.target),
    )
    .map(({ type, target, messages, firing }) => {
      switch (type) {
        case "slack":
          return `${plural(messages, "Slack message", "Slack messages")} to ${target}`;
        case "email":
          return `${plural(messages, "email", "emails")} to ${target}`;
        case "pagerduty":
          return firing === messages
            ? `paged ${times(firing)}`
            : `paged ${times(firing)} (and ${plural(messages - firing, "resolve", "resolves")} to PagerDuty)`;
        default:
          return `${plural(messages, "webhook call", "webhook calls")} to ${target}`;
      }
    });
}

export function notificationSentence(counts: readonly IntegrationCount[]): string {
  const phrases = integrationPhrases(counts);
  if (phrases.length === 0) return "would have sent no notifications";
  const sentPhrases = phrases.map((phrase) => (phrase.startsWith("paged") ? phrase : `sent ${phrase}`));
  const last = sentPhrases.pop() as string;
  return `would have ${sentPhrases.length > 0 ? `${sentPhrases.join(", ")} and ${last}` : last}`;
}
