/**
 * A receiver's messages for a sample alert group, as the exported configuration makes
 * Alertmanager send them: each modelled integration's entry of alertmanager.yml (with imported
 * overrides) rendered with the generated templates. Pure: the project in, messages out.
 */
import { alertmanagerConfig } from "../../generate/alertmanager/config";
import { NOTIFICATION_TEMPLATES } from "../../generate/alertmanager/templates";
import type { Integration, Project, Receiver, Route } from "../../model";
import type { PreviewResponse, RenderedMessage, SampleSelection } from "./api-schemas";
import type { AlertGroupInput } from "./group";
import { buildPayload, type IntegrationKind, type PayloadResult, sendsResolved } from "./payloads";
import { type LoadedTemplates, loadTemplates } from "./render";
import { routedTo, type SampleRoute, sampleRoute } from "./route-group";
import {
  FALLBACK_SAMPLE,
  SAMPLE_EXTERNAL_URL,
  type SampleAlert,
  sampleAlerts,
  sampleGroupAlerts,
} from "./sample-alerts";
import type { GroupAlert } from "./template-data";

const CONFIG_KEYS: Record<IntegrationKind, string> = {
  slack: "slack_configs",
  email: "email_configs",
  pagerduty: "pagerduty_configs",
  webhook: "webhook_configs",
};

let generated: LoadedTemplates | undefined;
/** Alertmanager's built-in templates and the bundle's obsforge.tmpl, parsed once. */
export function projectTemplates(): LoadedTemplates {
  generated ??= loadTemplates([{ name: "obsforge.tmpl", text: NOTIFICATION_TEMPLATES }]);
  return generated;
}

export function integrationLabel(integration: Integration): string {
  switch (integration.type) {
    case "slack":
      return `slack ${integration.channel}`;
    case "email":
      return `email ${integration.to}`;
    case "pagerduty":
      return `pagerduty ${integration.routingKey.secret}`;
    case "webhook": {
      const url = URL.canParse(integration.url) ? new URL(integration.url) : undefined;
      return `webhook ${url ? url.host : integration.url}`;
    }
    default: {
      const exhaustive: never = integration;
      return String(exhaustive);
    }
  }
}

/** The exported configuration entry of each integration of the receiver, in model order. */
export function integrationEntries(
  project: Project,
  receiver: Receiver,
): { integration: Integration; entry: Record<string, unknown> }[] {
  const config = alertmanagerConfig(project);
  const exported =
    (config.receivers as Record<string, unknown>[]).find((r) => r.name === receiver.name) ?? {};
  const seen: Record<string, number> = {};
  return receiver.integrations.map((integration) => {
    const key = CONFIG_KEYS[integration.type];
    const position = seen[key] ?? 0;
    seen[key] = position + 1;
    const entry = ((exported[key] as Record<string, unknown>[] | undefined) ?? [])[position] ?? {};
    return { integration, entry };
  });
}

/**
 * The sample the preview renders: the one asked for, else the first alert that Alertmanager
 * routes to `receiver` (so a receiver of critical alerts shows a critical one), else the first.
 */
export function pickSample(
  project: Project,
  id: string | undefined,
  known?: readonly SampleAlert[],
  receiver?: string,
): { samples: SampleAlert[]; sample: SampleAlert } {
  const samples = known ? [...known] : sampleAlerts(project);
  const list = samples.length > 0 ? samples : [FALLBACK_SAMPLE];
  const asked = list.find((s) => s.id === id);
  if (asked) return { samples: list, sample: asked };
  const routed =
    receiver === undefined
      ? []
      : routedTo(
          project.route,
          receiver,
          list.map((s) => s.labels),
        );
  return { samples: list, sample: list[routed.indexOf(true)] ?? (list[0] as SampleAlert) };
}

/**
 * The group as Alertmanager forms it for `receiver`: on the route that takes the first alert to
 * it, grouped by that route's `group_by`, with that route's key (sampleRoute).
 */
export function sampleGroup(
  route: Route,
  receiver: string,
  alerts: GroupAlert[],
  externalURL = SAMPLE_EXTERNAL_URL,
): { group: AlertGroupInput; route: SampleRoute } {
  const taken = sampleRoute(route, receiver, alerts[0]?.labels ?? {});
  return {
    group: {
      receiver,
      groupLabels: taken.groupLabels,
      alerts,
      externalURL,
      groupKey: taken.groupKey,
    },
    route: taken,
  };
}

export function renderIntegration(
  project: Project,
  integration: Integration,
  entry: Record<string, unknown>,
  group: AlertGroupInput,
): PayloadResult {
  const global = alertmanagerConfig(project).global as Record<string, unknown> | undefined;
  return buildPayload(integration.type, entry, group, projectTemplates(), { global });
}

/**
 * The receiver's rendered messages for one sample group; `samples`, when given, are the samples
 * to choose from (validation computes the first one once for every receiver).
 */
export function previewReceiver(
  project: Project,
  receiver: Receiver,
  selection: SampleSelection,
  samples?: readonly SampleAlert[],
): PreviewResponse {
  const { samples: list, sample } = pickSample(project, selection.sample, samples, receiver.name);
  const { group, route } = sampleGroup(
    project.route,
    receiver.name,
    sampleGroupAlerts(sample, selection.status, selection.count),
  );
  const messages: RenderedMessage[] = integrationEntries(project, receiver).map(
    ({ integration, entry }, index) => {
      const result = renderIntegration(project, integration, entry, group);
      return {
        index,
        kind: integration.type,
        label: integrationLabel(integration),
        sends: selection.status === "firing" || sendsResolved(integration.type, entry),
        ...(result.ok ? { payload: result.payload.body, errors: [] } : { errors: result.errors }),
      };
    },
  );
  return {
    receiver: receiver.name,
    saved: true,
    source: "saved",
    route,
    samples: list.map((s) => ({ id: s.id, rule: s.rule })),
    sample: sample.id,
    status: selection.status,
    messages,
    verbatim: (receiver.verbatim ?? []).map((v) => v.key),
  };
}
