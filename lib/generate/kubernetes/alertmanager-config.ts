import { Scalar } from "yaml";
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
import { projectSlug } from "../names";
import { compact } from "../yaml";
import {
  alertingSecretName,
  type ObjectMeta,
  objectMeta,
  releaseLabels,
  type SecretKeySelector,
  secretKey,
} from "./resources";

export interface OperatorMatcher {
  name: string;
  value: string;
  matchType: Scalar<Matcher["op"]>;
}

export interface OperatorRoute {
  receiver?: string;
  groupBy?: string[];
  groupWait?: string;
  groupInterval?: string;
  repeatInterval?: string;
  matchers?: OperatorMatcher[];
  continue?: boolean;
  muteTimeIntervals?: string[];
  activeTimeIntervals?: string[];
  routes?: OperatorRoute[];
}

/** v1alpha1 TimeInterval: days of the month as {start, end} numbers; no location (times are UTC). */
export interface OperatorTimeInterval {
  times?: { startTime: Scalar<string>; endTime: Scalar<string> }[];
  weekdays?: string[];
  daysOfMonth?: { start: number; end: number }[];
  months?: Scalar<string>[];
  years?: Scalar<string>[];
}

export interface OperatorMuteTimeInterval {
  name: string;
  timeIntervals: OperatorTimeInterval[];
}

export interface OperatorReceiver {
  name: string;
  emailConfigs?: Record<string, unknown>[];
  slackConfigs?: Record<string, unknown>[];
  pagerdutyConfigs?: Record<string, unknown>[];
  webhookConfigs?: Record<string, unknown>[];
}

export interface OperatorInhibitRule {
  sourceMatch: OperatorMatcher[];
  targetMatch: OperatorMatcher[];
  equal?: string[];
}

export interface AlertmanagerConfigManifest {
  apiVersion: "monitoring.coreos.com/v1alpha1";
  kind: "AlertmanagerConfig";
  metadata: ObjectMeta;
  spec: {
    route: OperatorRoute;
    receivers: OperatorReceiver[];
    inhibitRules?: OperatorInhibitRule[];
    muteTimeIntervals?: OperatorMuteTimeInterval[];
  };
}

/**
 * Always double-quoted: PyYAML reads a bare `=` as YAML 1.1's value tag and fails, and YAML 1.1
 * readers take `09:00` or `2026:2027` for base-60 numbers where the CRD wants strings.
 */
function quoted<T extends string>(text: T): Scalar<T> {
  const scalar = new Scalar(text);
  scalar.type = Scalar.QUOTE_DOUBLE;
  return scalar;
}

function matcher(m: Matcher): OperatorMatcher {
  return { name: m.label, value: m.value, matchType: quoted(m.op) };
}

function route(r: Route, receiver: string | undefined): OperatorRoute {
  return compact({
    receiver,
    groupBy: r.groupBy,
    groupWait: r.groupWait,
    groupInterval: r.groupInterval,
    repeatInterval: r.repeatInterval,
    matchers: r.matchers.length > 0 ? r.matchers.map(matcher) : undefined,
    continue: r.continue ? true : undefined,
    muteTimeIntervals: r.muteTimeIntervals?.length ? r.muteTimeIntervals : undefined,
    activeTimeIntervals: r.activeTimeIntervals?.length ? r.activeTimeIntervals : undefined,
    routes: r.routes.length > 0 ? r.routes.map((child) => route(child, child.receiver)) : undefined,
  });
}

function integrationConfig(project: Project, integration: Integration): Record<string, unknown> {
  const secret = (ref: { secret: string }): SecretKeySelector => secretKey(alertingSecretName(project), ref);
  switch (integration.type) {
    case "slack":
      return {
        apiURL: secret(integration.apiUrl),
        channel: integration.channel,
        sendResolved: integration.sendResolved,
      };
    case "email":
      return compact({
        to: integration.to,
        from: integration.from,
        smarthost: integration.smarthost,
        authUsername: integration.authUsername,
        authPassword: integration.authPassword ? secret(integration.authPassword) : undefined,
        requireTLS: integration.requireTls,
        sendResolved: integration.sendResolved,
      });
    case "pagerduty":
      return { routingKey: secret(integration.routingKey), sendResolved: integration.sendResolved };
    case "webhook":
      return compact({
        url: integration.url,
        maxAlerts: integration.maxAlerts,
        sendResolved: integration.sendResolved,
        // The operator reads a basic-auth user name from a Secret too (webhookBasicAuthUsernameRef).
        httpConfig: integration.authorization
          ? {
              authorization: {
                type: integration.authorization.scheme,
                credentials: secret(integration.authorization.credentials),
              },
            }
          : integration.basicAuth
            ? {
                basicAuth: {
                  username: secret(webhookBasicAuthUsernameRef(integration.basicAuth.password)),
                  password: secret(integration.basicAuth.password),
                },
              }
            : undefined,
      });
    default: {
      const exhaustive: never = integration;
      throw new Error(`unknown integration ${JSON.stringify(exhaustive)}`);
    }
  }
}

/**
 * The Secret key holding a webhook's basic-auth user name: the password's variable with
 * `_USERNAME`, so the two sit side by side; secrets.ts writes the (non-secret) name into it.
 */
export function webhookBasicAuthUsernameRef(password: { secret: string }): { secret: string } {
  return { secret: `${password.secret}_USERNAME` };
}

/** `1`, `1:5`, `-3:-1` as the CRD's {start, end}. */
function dayOfMonthRange(text: string): { start: number; end: number } {
  const [start = "", end = start] = text.split(/(?<=\d):/);
  return { start: Number(start), end: Number(end) };
}

function timeRange(range: TimeIntervalRange): OperatorTimeInterval {
  return compact({
    times: range.times?.map((t) => ({ startTime: quoted(t.startTime), endTime: quoted(t.endTime) })),
    weekdays: range.weekdays,
    daysOfMonth: range.daysOfMonth?.map(dayOfMonthRange),
    months: range.months?.map(quoted),
    years: range.years?.map(quoted),
  });
}

function muteTimeInterval(interval: TimeInterval): OperatorMuteTimeInterval {
  return { name: interval.name, timeIntervals: interval.timeIntervals.map(timeRange) };
}

function receiver(project: Project, r: Receiver): OperatorReceiver {
  const configs = (type: Integration["type"]): Record<string, unknown>[] | undefined => {
    const list = r.integrations
      .filter((integration) => integration.type === type)
      .map((integration) => integrationConfig(project, integration));
    return list.length > 0 ? list : undefined;
  };
  return compact({
    name: r.name,
    emailConfigs: configs("email"),
    slackConfigs: configs("slack"),
    pagerdutyConfigs: configs("pagerduty"),
    webhookConfigs: configs("webhook"),
  });
}

function inhibitRule(rule: InhibitRule): OperatorInhibitRule {
  return compact({
    sourceMatch: rule.sourceMatchers.map(matcher),
    targetMatch: rule.targetMatchers.map(matcher),
    equal: rule.equal.length > 0 ? rule.equal : undefined,
  });
}

/**
 * The compose stack's routing tree and receivers as an AlertmanagerConfig; secrets are keys of
 * the alerting Secret in the same namespace, as the operator requires.
 */
export function alertmanagerConfigManifest(project: Project): AlertmanagerConfigManifest {
  // The operator needs a receiver on the top route; the model defaults it to "default".
  const rootReceiver = project.route.receiver ?? project.receivers[0]?.name;
  return {
    apiVersion: "monitoring.coreos.com/v1alpha1",
    kind: "AlertmanagerConfig",
    metadata: objectMeta(project, projectSlug(project), releaseLabels(project)),
    spec: compact({
      route: route(project.route, rootReceiver),
      receivers: project.receivers.map((r) => receiver(project, r)),
      inhibitRules: project.inhibitRules.length > 0 ? project.inhibitRules.map(inhibitRule) : undefined,
      // The CRD's muteTimeIntervals serve both mute_time_intervals and active_time_intervals.
      muteTimeIntervals:
        project.alertmanager.timeIntervals.length > 0
          ? project.alertmanager.timeIntervals.map(muteTimeInterval)
          : undefined,
    }),
  };
}

/**
 * What of the alerting configuration kubernetes/alertmanager-config.yaml does not carry, for the
 * README: the operator's CRD spells each integration its own way, with every secret a Secret key,
 * and only the modelled ones are translated.
 */
export function alertmanagerConfigGaps(project: Project): string[] {
  const gaps: string[] = [];
  const verbatim = project.receivers.flatMap((r) => (r.verbatim ?? []).map((v) => `${r.name} (${v.key})`));
  if (verbatim.length > 0)
    gaps.push(
      `kubernetes/alertmanager-config.yaml leaves out integrations kept verbatim from an import: ${verbatim.join(", ")}; alertmanager/alertmanager.yml has them.`,
    );
  const located = project.alertmanager.timeIntervals.filter((interval) =>
    interval.timeIntervals.some((range) => range.location !== undefined && range.location !== "UTC"),
  );
  if (located.length > 0)
    gaps.push(
      `kubernetes/alertmanager-config.yaml has the time intervals ${located.map((i) => i.name).join(", ")} in UTC: the operator's v1alpha1 CRD has no location; alertmanager/alertmanager.yml keeps it.`,
    );
  if (project.alertmanager.global)
    gaps.push(
      "kubernetes/alertmanager-config.yaml has no global settings: the operator takes them from the Alertmanager resource.",
    );
  return gaps;
}
