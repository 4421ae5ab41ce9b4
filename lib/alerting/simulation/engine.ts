import { type Labels, type Project, parseDuration, type Receiver } from "../../model";
import { compileInhibitRules, inhibitionOf } from "../routing/inhibit";
import { compileMatcher, matchesAll } from "../routing/matcher";
import { matchRoutes, type ResolvedRoute, resolveRouteTree } from "../routing/route-tree";
import { routeMutedAt } from "../routing/time-intervals";
import { groupLabelsOf, modelPathOf } from "../routing/who-gets";
import { notificationSentence } from "./sentence";
import type {
  IntegrationCount,
  IntegrationRef,
  NotificationReason,
  SimulatedAlert,
  SimulatedGroup,
  SimulatedInhibition,
  SimulatedNotification,
  SimulatedSilence,
  SimulatedSilencing,
  SimulationResult,
} from "./types";

/**
 * The alert path as Alertmanager 0.25 runs it, replayed over a window: each alert is routed
 * (dispatch/route.go), joins one aggregation group per matched route (group_by), and each group's
 * timer flushes group_wait after the group is created, then every group_interval. At a flush the
 * group's alerts go through the notification pipeline (notify/notify.go): inhibited alerts are
 * dropped (MuteStage, with the alerts firing at that moment as sources), a route in a mute time
 * interval sends nothing (TimeMuteStage), then per integration DedupStage.needsUpdate decides
 * against the notification log: a new firing alert, all alerts resolved, a new resolved alert
 * (send_resolved only), or repeat_interval since the last message. Resolved alerts leave the group
 * after the flush; an empty group is deleted (Alertmanager deletes it within 30 s) and the next
 * alert with its labels starts a new one, waiting group_wait again. Silences the user adds mute
 * like the silencer's MuteStage: at a flush, an alert that every matcher of a silence active then
 * (startsAt ≤ now ≤ endsAt, silence/silence.go getState) matches is left out. When inhibition,
 * silences or a time interval leave a flush with no alert, the pipeline stops there (MultiStage)
 * and the notification log is not touched.
 */

export interface SimulationInput {
  project: Pick<Project, "route" | "inhibitRules" | "receivers" | "alertmanager">;
  alerts: readonly SimulatedAlert[];
  startMs: number;
  endMs: number;
  /** Silences to apply (matchers as in routing: a missing label is the empty value). */
  silences?: readonly SimulatedSilence[];
}

interface Member {
  resolvedAtMs: number | null;
}

interface GroupState {
  info: SimulatedGroup;
  route: ResolvedRoute;
  members: Map<number, Member>;
  nextFlushMs: number;
}

interface LogEntry {
  firing: Set<number>;
  resolved: Set<number>;
  atMs: number;
}

type AlertEvent = { atMs: number; alert: number; kind: "start" | "end" };

function ms(text: string): number {
  return parseDuration(text) ?? 0;
}

function integrationsOf(receiver: Receiver | undefined): (IntegrationRef | undefined)[] {
  if (!receiver || receiver.integrations.length === 0) return [undefined];
  return receiver.integrations.map((integration, index): IntegrationRef => {
    const base = { receiver: receiver.name, index, sendResolved: integration.sendResolved };
    switch (integration.type) {
      case "slack":
        return { ...base, type: "slack", target: integration.channel };
      case "email":
        return { ...base, type: "email", target: integration.to };
      case "pagerduty":
        return { ...base, type: "pagerduty", target: "" };
      case "webhook": {
        let host = integration.url;
        try {
          host = new URL(integration.url).host;
        } catch {
          // An unparsable URL is named as written.
        }
        return { ...base, type: "webhook", target: host };
      }
      default: {
        const exhaustive: never = integration;
        throw new Error(`unknown integration ${JSON.stringify(exhaustive)}`);
      }
    }
  });
}

const subset = (items: ReadonlySet<number>, of: ReadonlySet<number>): boolean => {
  for (const item of items) if (!of.has(item)) return false;
  return true;
};

/** DedupStage.needsUpdate, with the reason the message goes out; undefined when it does not. */
function needsUpdate(
  entry: LogEntry | undefined,
  firing: ReadonlySet<number>,
  resolved: ReadonlySet<number>,
  sendResolved: boolean,
  repeatMs: number,
  nowMs: number,
): NotificationReason | undefined {
  if (!entry) return firing.size > 0 ? "new" : undefined;
  if (!subset(firing, entry.firing)) return entry.firing.size === 0 ? "new" : "changed";
  if (firing.size === 0) return entry.firing.size > 0 ? "resolved" : undefined;
  if (sendResolved && !subset(resolved, entry.resolved)) return "changed";
  // The reference's rule: an unchanged group is re-sent once repeat_interval has passed, at the
  // first flush after it (so rounded up to the group's timer).
  return nowMs - entry.atMs >= repeatMs ? "repeat" : undefined;
}

function alertEvents(alerts: readonly SimulatedAlert[], startMs: number, endMs: number): AlertEvent[] {
  const events: AlertEvent[] = [];
  alerts.forEach((alert, index) => {
    for (const { fromMs, toMs } of alert.firing) {
      const from = Math.max(fromMs, startMs);
      if (from >= endMs || (toMs !== null && toMs <= from)) continue;
      events.push({ atMs: from, alert: index, kind: "start" });
      if (toMs !== null && toMs < endMs) events.push({ atMs: toMs, alert: index, kind: "end" });
    }
  });
  // At one instant, ends before starts (a series that flaps at one evaluation is replaced).
  return events.sort((a, b) => a.atMs - b.atMs || (a.kind === b.kind ? 0 : a.kind === "end" ? -1 : 1));
}

export function simulateAlertPath(input: SimulationInput): SimulationResult {
  const { project, alerts, startMs, endMs } = input;
  const tree = resolveRouteTree(project.route);
  const inhibitRules = compileInhibitRules(project.inhibitRules);
  const receivers = new Map(project.receivers.map((receiver) => [receiver.name, integrationsOf(receiver)]));
  const intervals = project.alertmanager.timeIntervals;
  const routesOf = alerts.map((alert) => matchRoutes(tree, alert.labels));
  const silences = (input.silences ?? []).map((silence) => ({
    ...silence,
    compiled: silence.matchers.map(compileMatcher),
  }));
  const silencings: SimulatedSilencing[] = [];
  const silencedNow = new Map<number, number>();

  /** Silencer.Mutes at a flush: the first silence active at atMs whose matchers all match. */
  function silenced(alertIndex: number, atMs: number): boolean {
    if (silences.length === 0) return false;
    const labels = alerts[alertIndex]?.labels ?? {};
    const found = silences.findIndex(
      (s) => s.startsMs <= atMs && atMs <= s.endsMs && matchesAll(s.compiled, labels),
    );
    if (found >= 0 && silencedNow.get(alertIndex) !== found)
      silencings.push({ atMs, alert: labels, silence: found });
    if (found >= 0) silencedNow.set(alertIndex, found);
    else silencedNow.delete(alertIndex);
    return found >= 0;
  }

  const alive = new Map<string, GroupState>();
  const allGroups = new Map<string, SimulatedGroup>();
  const log = new Map<string, LogEntry>();
  const firingNow = new Set<number>();
  const inhibitedNow = new Map<number, string>();
  const notifications: SimulatedNotification[] = [];
  const inhibitions: SimulatedInhibition[] = [];
  const groupKeyOf = (route: ResolvedRoute, labels: Labels): string =>
    `${modelPathOf(route.path)}:${JSON.stringify(Object.entries(groupLabelsOf(route.options, labels)).sort())}`;

  function join(alertIndex: number, atMs: number): void {
    const labels = alerts[alertIndex]?.labels ?? {};
    for (const route of routesOf[alertIndex] ?? []) {
      const key = groupKeyOf(route, labels);
      let group = alive.get(key);
      if (!group) {
        let info = allGroups.get(key);
        if (!info) {
          info = {
            key,
            routePath: route.path,
            modelPath: modelPathOf(route.path),
            receiver: route.options.receiver,
            groupLabels: groupLabelsOf(route.options, labels),
            groupWaitMs: ms(route.options.groupWait),
            groupIntervalMs: Math.max(1, ms(route.options.groupInterval)),
            repeatIntervalMs: ms(route.options.repeatInterval),
            alerts: [],
            flushes: [],
          };
          allGroups.set(key, info);
        }
        group = { info, route, members: new Map(), nextFlushMs: atMs + info.groupWaitMs };
        alive.set(key, group);
      }
      if (!group.info.alerts.includes(labels)) group.info.alerts.push(labels);
      group.members.set(alertIndex, { resolvedAtMs: null });
    }
  }

  function leave(alertIndex: number, atMs: number): void {
    for (const group of alive.values()) {
      const member = group.members.get(alertIndex);
      if (member && member.resolvedAtMs === null) member.resolvedAtMs = atMs;
    }
  }

  // The firing set changes only at alert events: an alert's inhibition is computed once per change.
  let firingVersion = 0;
  const inhibitionCache = new Map<number, { version: number; muted: boolean }>();

  /** Whether the alert is inhibited now; an inhibition is recorded when it starts (or its rule changes). */
  function muted(
    alertIndex: number,
    atMs: number,
    sources: () => Labels[],
    sourceIndexes: number[],
  ): boolean {
    if (inhibitRules.length === 0) return false;
    const cached = inhibitionCache.get(alertIndex);
    if (cached?.version === firingVersion) return cached.muted;
    const labels = alerts[alertIndex]?.labels ?? {};
    const found = inhibitionOf(inhibitRules, labels, sources());
    const key = found ? String(found.rule) : undefined;
    if (found && inhibitedNow.get(alertIndex) !== key) {
      inhibitions.push({
        atMs,
        alert: labels,
        rule: found.rule,
        sources: found.sources.map((source) => alerts[sourceIndexes[source] ?? -1]?.labels ?? {}),
      });
    }
    if (key) inhibitedNow.set(alertIndex, key);
    else inhibitedNow.delete(alertIndex);
    inhibitionCache.set(alertIndex, { version: firingVersion, muted: found !== undefined });
    return found !== undefined;
  }

  function flush(group: GroupState, atMs: number): void {
    group.info.flushes.push(atMs);
    const sourceIndexes = [...firingNow];
    let sourceLabels: Labels[] | undefined;
    const sources = (): Labels[] => {
      sourceLabels ??= sourceIndexes.map((index) => alerts[index]?.labels ?? {});
      return sourceLabels;
    };
    const firing = new Set<number>();
    const resolved = new Set<number>();
    for (const [index, member] of group.members) {
      if (muted(index, atMs, sources, sourceIndexes)) continue;
      (member.resolvedAtMs === null ? firing : resolved).add(index);
    }
    const { muteTimeIntervals, activeTimeIntervals } = group.route.options;
    const timeMuted =
      (muteTimeIntervals.length > 0 || activeTimeIntervals.length > 0) &&
      routeMutedAt(group.route.options, intervals, new Date(atMs));
    // The silencer's MuteStage comes after the time intervals' (notify.go's MultiStage order).
    if (!timeMuted) {
      for (const index of [...firing, ...resolved]) {
        if (silenced(index, atMs)) {
          firing.delete(index);
          resolved.delete(index);
        }
      }
    }
    // MultiStage stops at a stage that leaves no alert: no message and no notification log entry.
    if (!timeMuted && firing.size + resolved.size > 0) {
      for (const integration of receivers.get(group.info.receiver) ?? integrationsOf(undefined)) {
        const logKey = `${group.info.key}|${integration?.index ?? -1}`;
        const sendResolved = integration?.sendResolved ?? true;
        const entry = log.get(logKey);
        const reason = needsUpdate(entry, firing, resolved, sendResolved, group.info.repeatIntervalMs, atMs);
        if (!reason) continue;
        log.set(logKey, { firing: new Set(firing), resolved: new Set(resolved), atMs });
        const sent = sendResolved ? [...resolved] : [];
        if (firing.size === 0 && sent.length === 0) continue;
        notifications.push({
          atMs,
          groupKey: group.info.key,
          routePath: group.info.routePath,
          receiver: group.info.receiver,
          groupLabels: group.info.groupLabels,
          ...(integration ? { integration } : {}),
          firing: [...firing].map((index) => alerts[index]?.labels ?? {}),
          resolved: sent.map((index) => alerts[index]?.labels ?? {}),
          reason,
        });
      }
    }
    for (const [index, member] of group.members)
      if (member.resolvedAtMs !== null) group.members.delete(index);
    if (group.members.size === 0) alive.delete(group.info.key);
    else group.nextFlushMs = atMs + group.info.groupIntervalMs;
  }

  const events = alertEvents(alerts, startMs, endMs);
  let next = 0;
  for (;;) {
    let due: GroupState | undefined;
    for (const group of alive.values()) if (!due || group.nextFlushMs < due.nextFlushMs) due = group;
    const eventAt = events[next]?.atMs ?? Number.POSITIVE_INFINITY;
    const flushAt = due?.nextFlushMs ?? Number.POSITIVE_INFINITY;
    if (Math.min(eventAt, flushAt) > endMs) break;
    // An alert that arrives at a flush's instant is in it: Prometheus sent it just before.
    if (eventAt <= flushAt) {
      const event = events[next++] as AlertEvent;
      firingVersion += 1;
      if (event.kind === "start") {
        firingNow.add(event.alert);
        join(event.alert, event.atMs);
      } else {
        firingNow.delete(event.alert);
        leave(event.alert, event.atMs);
      }
    } else if (due) {
      flush(due, flushAt);
    }
  }

  const counts = countByIntegration(notifications);
  return {
    startMs,
    endMs,
    groups: [...allGroups.values()],
    notifications,
    inhibitions,
    silencings,
    counts,
    sentence: notificationSentence(counts),
  };
}

function countByIntegration(notifications: readonly SimulatedNotification[]): IntegrationCount[] {
  const counts = new Map<string, IntegrationCount>();
  for (const notification of notifications) {
    const integration = notification.integration;
    if (!integration) continue;
    const key = `${integration.receiver}|${integration.index}`;
    const count = counts.get(key) ?? { integration, messages: 0, firingMessages: 0 };
    count.messages += 1;
    if (notification.firing.length > 0) count.firingMessages += 1;
    counts.set(key, count);
  }
  return [...counts.values()];
}
