import { formatMatcherText } from "../../alerting/routing/parse-matchers";
import type {
  InhibitRule,
  Integration,
  Matcher,
  Project,
  Receiver,
  Route,
  TimeInterval,
  TimeIntervalRange,
} from "../../model";
import { secretFilePath } from "../names";
import { compact } from "../yaml";
import { withSecretFiles } from "./secret-files";

/** `severity="critical"`: Alertmanager's matcher syntax, the value quoted and escaped as it reads it back. */
export function formatMatcher(matcher: Matcher): string {
  return formatMatcherText(matcher);
}

/**
 * A list of matchers as the file writes them: new-style `matchers`, and legacy `match` /
 * `match_re` maps for those imported in that form (Alertmanager ANDs all three alike).
 */
function matcherFields(
  matchers: readonly Matcher[],
  keys: { matchers: string; match: string; matchRe: string },
): Record<string, unknown> {
  const modern = matchers.filter((m) => !m.legacy || (m.op !== "=" && m.op !== "=~"));
  const legacy = (op: Matcher["op"]): Record<string, string> | undefined => {
    const entries = matchers.filter((m) => m.legacy && m.op === op).map((m) => [m.label, m.value]);
    return entries.length > 0 ? Object.fromEntries(entries) : undefined;
  };
  return compact({
    [keys.match]: legacy("="),
    [keys.matchRe]: legacy("=~"),
    [keys.matchers]: modern.length > 0 ? modern.map(formatMatcher) : undefined,
  });
}

const nonEmpty = (list: readonly string[] | undefined): readonly string[] | undefined =>
  list && list.length > 0 ? list : undefined;

function routeEntry(route: Route, isRoot: boolean): Record<string, unknown> {
  return compact({
    receiver: route.receiver,
    ...matcherFields(route.matchers, { matchers: "matchers", match: "match", matchRe: "match_re" }),
    group_by: route.groupBy,
    group_wait: route.groupWait,
    group_interval: route.groupInterval,
    repeat_interval: route.repeatInterval,
    continue: isRoot || !route.continue ? undefined : true,
    mute_time_intervals: nonEmpty(route.muteTimeIntervals),
    active_time_intervals: nonEmpty(route.activeTimeIntervals),
    routes: route.routes.length > 0 ? route.routes.map((child) => routeEntry(child, false)) : undefined,
  });
}

function inhibitEntry(rule: InhibitRule): Record<string, unknown> {
  return compact({
    ...matcherFields(rule.sourceMatchers, {
      matchers: "source_matchers",
      match: "source_match",
      matchRe: "source_match_re",
    }),
    ...matcherFields(rule.targetMatchers, {
      matchers: "target_matchers",
      match: "target_match",
      matchRe: "target_match_re",
    }),
    equal: rule.equal.length > 0 ? rule.equal : undefined,
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * `base` with an imported config's other fields laid over it: an imported field replaces the
 * generated one (its own `details`, not a mix), except `http_config`, whose generated
 * authorization and imported settings (proxy, TLS) are merged.
 */
function overlay(
  base: Record<string, unknown>,
  extra: Record<string, unknown> | undefined,
): Record<string, unknown> {
  if (!extra) return base;
  const out: Record<string, unknown> = { ...base, ...extra };
  if (isPlainObject(base.http_config) && isPlainObject(extra.http_config))
    out.http_config = { ...base.http_config, ...extra.http_config };
  return out;
}

function webhookHttpConfig(integration: Extract<Integration, { type: "webhook" }>): unknown {
  if (integration.authorization)
    return {
      authorization: {
        type: integration.authorization.scheme,
        credentials_file: secretFilePath(integration.authorization.credentials),
      },
    };
  if (integration.basicAuth)
    return {
      basic_auth: {
        username: integration.basicAuth.username,
        password_file: secretFilePath(integration.basicAuth.password),
      },
    };
  return undefined;
}

type ConfigKey = "slack_configs" | "email_configs" | "pagerduty_configs" | "webhook_configs";

function integrationEntry(integration: Integration): [ConfigKey, Record<string, unknown>] {
  switch (integration.type) {
    case "slack":
      return [
        "slack_configs",
        {
          send_resolved: integration.sendResolved,
          api_url_file: secretFilePath(integration.apiUrl),
          channel: integration.channel,
          color: '{{ template "obsforge.slack.color" . }}',
          title: '{{ template "obsforge.slack.title" . }}',
          title_link: '{{ template "obsforge.slack.titlelink" . }}',
          text: '{{ template "obsforge.slack.text" . }}',
        },
      ];
    case "email":
      return [
        "email_configs",
        compact({
          send_resolved: integration.sendResolved,
          to: integration.to,
          from: integration.from,
          smarthost: integration.smarthost,
          auth_username: integration.authUsername,
          auth_password_file: integration.authPassword ? secretFilePath(integration.authPassword) : undefined,
          require_tls: integration.requireTls,
          headers: { Subject: '{{ template "obsforge.email.subject" . }}' },
          html: '{{ template "obsforge.email.html" . }}',
        }),
      ];
    case "pagerduty":
      return [
        "pagerduty_configs",
        {
          send_resolved: integration.sendResolved,
          routing_key_file: secretFilePath(integration.routingKey),
          severity:
            '{{ if eq .CommonLabels.severity "critical" }}critical{{ else if eq .CommonLabels.severity "warning" }}warning{{ else }}info{{ end }}',
          description: '{{ template "obsforge.slack.title" . }}',
          details: {
            firing: '{{ template "obsforge.pagerduty.instances" .Alerts.Firing }}',
            num_firing: "{{ .Alerts.Firing | len }}",
            runbook: "{{ (index .Alerts 0).Annotations.runbook_url }}",
          },
        },
      ];
    case "webhook":
      return [
        "webhook_configs",
        compact({
          send_resolved: integration.sendResolved,
          url: integration.url,
          max_alerts: integration.maxAlerts === 0 ? undefined : integration.maxAlerts,
          http_config: webhookHttpConfig(integration),
        }),
      ];
    default: {
      const exhaustive: never = integration;
      throw new Error(`unknown integration ${JSON.stringify(exhaustive)}`);
    }
  }
}

function receiverEntry(receiver: Receiver): Record<string, unknown> {
  // The modelled kinds first in a fixed order (stable output), then verbatim ones as imported.
  const configs = new Map<string, unknown[]>(
    ["slack_configs", "email_configs", "pagerduty_configs", "webhook_configs"].map((key) => [key, []]),
  );
  const add = (key: string, config: unknown): void => {
    const list = configs.get(key) ?? [];
    list.push(config);
    configs.set(key, list);
  };
  for (const integration of receiver.integrations) {
    const [key, config] = integrationEntry(integration);
    add(key, overlay(config, integration.extra));
  }
  for (const verbatim of receiver.verbatim ?? []) add(verbatim.key, withSecretFiles(verbatim));
  const present = [...configs].filter(([, list]) => list.length > 0);
  return { name: receiver.name, ...Object.fromEntries(present) };
}

function timeRangeEntry(range: TimeIntervalRange): Record<string, unknown> {
  return compact({
    times: range.times?.map((time) => ({ start_time: time.startTime, end_time: time.endTime })),
    weekdays: range.weekdays,
    days_of_month: range.daysOfMonth,
    months: range.months,
    years: range.years,
    location: range.location,
  });
}

function timeIntervalEntry(interval: TimeInterval): Record<string, unknown> {
  return { name: interval.name, time_intervals: interval.timeIntervals.map(timeRangeEntry) };
}

export function alertmanagerConfig(project: Project): Record<string, unknown> {
  const settings = project.alertmanager;
  return compact({
    global: { resolve_timeout: "5m", ...(settings.global ? withSecretFiles(settings.global) : {}) },
    // Relative to this file, so amtool and the container resolve it alike.
    templates: ["templates/*.tmpl", ...settings.templates],
    route: routeEntry(project.route, true),
    inhibit_rules: project.inhibitRules.length > 0 ? project.inhibitRules.map(inhibitEntry) : undefined,
    receivers: project.receivers.map(receiverEntry),
    time_intervals:
      settings.timeIntervals.length > 0 ? settings.timeIntervals.map(timeIntervalEntry) : undefined,
  });
}
