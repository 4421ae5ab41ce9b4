import type { InhibitRule, Integration, Matcher, Project, Receiver, Route } from "../../model";
import { secretFilePath } from "../names";
import { compact } from "../yaml";

/** `severity="critical"`: Alertmanager's matcher syntax, with the value quoted and escaped. */
export function formatMatcher(matcher: Matcher): string {
  return `${matcher.label}${matcher.op}${JSON.stringify(matcher.value)}`;
}

function routeEntry(route: Route, isRoot: boolean): Record<string, unknown> {
  return compact({
    receiver: route.receiver,
    matchers: route.matchers.length > 0 ? route.matchers.map(formatMatcher) : undefined,
    group_by: route.groupBy,
    group_wait: route.groupWait,
    group_interval: route.groupInterval,
    repeat_interval: route.repeatInterval,
    continue: isRoot || !route.continue ? undefined : true,
    routes: route.routes.length > 0 ? route.routes.map((child) => routeEntry(child, false)) : undefined,
  });
}

function inhibitEntry(rule: InhibitRule): Record<string, unknown> {
  return compact({
    source_matchers: rule.sourceMatchers.map(formatMatcher),
    target_matchers: rule.targetMatchers.map(formatMatcher),
    equal: rule.equal.length > 0 ? rule.equal : undefined,
  });
}

type ReceiverConfigs = Record<
  "slack_configs" | "email_configs" | "pagerduty_configs" | "webhook_configs",
  unknown[]
>;

function addIntegration(configs: ReceiverConfigs, integration: Integration): void {
  switch (integration.type) {
    case "slack":
      configs.slack_configs.push({
        send_resolved: integration.sendResolved,
        api_url_file: secretFilePath(integration.apiUrl),
        channel: integration.channel,
        color: '{{ template "obsforge.slack.color" . }}',
        title: '{{ template "obsforge.slack.title" . }}',
        title_link: '{{ template "obsforge.slack.titlelink" . }}',
        text: '{{ template "obsforge.slack.text" . }}',
      });
      return;
    case "email":
      configs.email_configs.push(
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
      );
      return;
    case "pagerduty":
      configs.pagerduty_configs.push({
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
      });
      return;
    case "webhook":
      configs.webhook_configs.push(
        compact({
          send_resolved: integration.sendResolved,
          url: integration.url,
          max_alerts: integration.maxAlerts === 0 ? undefined : integration.maxAlerts,
          http_config: integration.authorization
            ? {
                authorization: {
                  type: integration.authorization.scheme,
                  credentials_file: secretFilePath(integration.authorization.credentials),
                },
              }
            : undefined,
        }),
      );
      return;
    default: {
      const exhaustive: never = integration;
      throw new Error(`unknown integration ${JSON.stringify(exhaustive)}`);
    }
  }
}

function receiverEntry(receiver: Receiver): Record<string, unknown> {
  const configs: ReceiverConfigs = {
    slack_configs: [],
    email_configs: [],
    pagerduty_configs: [],
    webhook_configs: [],
  };
  for (const integration of receiver.integrations) addIntegration(configs, integration);
  const present = Object.fromEntries(Object.entries(configs).filter(([, list]) => list.length > 0));
  return { name: receiver.name, ...present };
}

export function alertmanagerConfig(project: Project): Record<string, unknown> {
  return compact({
    global: { resolve_timeout: "5m" },
    // Relative to this file, so amtool and the container resolve it alike.
    templates: ["templates/*.tmpl"],
    route: routeEntry(project.route, true),
    inhibit_rules: project.inhibitRules.length > 0 ? project.inhibitRules.map(inhibitEntry) : undefined,
    receivers: project.receivers.map(receiverEntry),
  });
}
