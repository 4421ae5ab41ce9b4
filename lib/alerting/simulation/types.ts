import type { Labels, Matcher } from "../../model";

/** What the alert-path simulation reads and answers: plain label sets and times in ms. */

/** One alert (a label set) and when it fired: `[fromMs, toMs)`, `toMs` null while still firing at the end. */
export interface SimulatedAlert {
  labels: Labels;
  firing: { fromMs: number; toMs: number | null }[];
  /** The rule it came from, for the answer's wording. */
  rule?: string;
}

/** One integration of a receiver, as the sentence names it. */
export interface IntegrationRef {
  receiver: string;
  /** Index in the receiver's integrations. */
  index: number;
  type: "slack" | "email" | "pagerduty" | "webhook";
  /** `#alerts`, `oncall@example.com`, the webhook's host; "" for PagerDuty. */
  target: string;
  sendResolved: boolean;
}

export type NotificationReason = "new" | "changed" | "resolved" | "repeat";

/** One message an integration would send. */
export interface SimulatedNotification {
  atMs: number;
  /** The aggregation group's key: route path and group labels. */
  groupKey: string;
  routePath: number[];
  receiver: string;
  groupLabels: Labels;
  /** Undefined for a receiver without integrations: Alertmanager then sends nothing, the group still notifies. */
  integration?: IntegrationRef;
  firing: Labels[];
  resolved: Labels[];
  reason: NotificationReason;
}

/** An alert muted at a flush by an inhibit rule, and by which firing alerts. */
export interface SimulatedInhibition {
  atMs: number;
  alert: Labels;
  rule: number;
  sources: Labels[];
}

/** A silence the user adds to the simulation: its matchers, active from startsMs to endsMs. */
export interface SimulatedSilence {
  matchers: Matcher[];
  startsMs: number;
  endsMs: number;
}

/** An alert left out of its groups' notifications by a silence, from the first flush it was. */
export interface SimulatedSilencing {
  atMs: number;
  alert: Labels;
  /** Index of the silence in the input. */
  silence: number;
}

export interface SimulatedGroup {
  key: string;
  routePath: number[];
  modelPath: string;
  receiver: string;
  groupLabels: Labels;
  groupWaitMs: number;
  groupIntervalMs: number;
  repeatIntervalMs: number;
  /** Every alert that was in the group at some time. */
  alerts: Labels[];
  /** The flush times of the group's timer. */
  flushes: number[];
}

export interface IntegrationCount {
  integration: IntegrationRef;
  messages: number;
  /** Messages that carried at least one firing alert (a page, for PagerDuty). */
  firingMessages: number;
}

export interface SimulationResult {
  startMs: number;
  endMs: number;
  groups: SimulatedGroup[];
  /** Every message, in time order; group-level ones (receiver without integrations) too. */
  notifications: SimulatedNotification[];
  inhibitions: SimulatedInhibition[];
  silencings: SimulatedSilencing[];
  counts: IntegrationCount[];
  /** "would have sent 7 Slack messages to #alerts and paged twice" */
  sentence: string;
}
