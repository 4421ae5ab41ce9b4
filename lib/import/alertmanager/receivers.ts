import {
  type Integration,
  IntegrationSchema,
  type Receiver,
  ReceiverSchema,
  type VerbatimConfig,
} from "../../model";
import { isRecord, type Problems } from "./problems";
import { importedSecret, type SecretNames, secretPathsOf, urlCarriesCredential } from "./secrets";

/**
 * Receivers of an alertmanager.yml: a Slack, email, PagerDuty or webhook config becomes a model
 * integration when the model can hold all it says (its secret moved to a named variable, the
 * fields it does not edit kept in `extra`); anything else — other integrations, a Slack config
 * that relies on the global API URL, a templated email address, a secret inside `extra` — is
 * kept verbatim under its key, with its literal secrets marked.
 */

/** Alertmanager's send_resolved defaults (config/notifiers.go): off for Slack and email. */
const SEND_RESOLVED_DEFAULT: Record<string, boolean> = {
  slack_configs: false,
  email_configs: false,
  pagerduty_configs: true,
  webhook_configs: true,
};

function without(
  config: Record<string, unknown>,
  keys: readonly string[],
): Record<string, unknown> | undefined {
  const rest = Object.fromEntries(Object.entries(config).filter(([key]) => !keys.includes(key)));
  return Object.keys(rest).length > 0 ? rest : undefined;
}

type Candidate = { integration: unknown; extra: Record<string, unknown> | undefined };

function slackCandidate(
  config: Record<string, unknown>,
  names: SecretNames,
  receiver: string,
): Candidate | undefined {
  const apiUrl = importedSecret(config, "api_url", names, [receiver, "slack_api_url"]);
  if (!apiUrl) return undefined;
  return {
    integration: { type: "slack", channel: config.channel, apiUrl },
    extra: without(config, ["send_resolved", "api_url", "api_url_file", "channel"]),
  };
}

function emailCandidate(
  config: Record<string, unknown>,
  names: SecretNames,
  receiver: string,
): Candidate | undefined {
  if (config.from === undefined || config.smarthost === undefined) return undefined;
  const authPassword = importedSecret(config, "auth_password", names, [receiver, "smtp_password"]);
  return {
    integration: {
      type: "email",
      to: config.to,
      from: config.from,
      smarthost: config.smarthost,
      authUsername: config.auth_username,
      authPassword,
      requireTls: config.require_tls ?? true,
    },
    extra: without(config, [
      "send_resolved",
      "to",
      "from",
      "smarthost",
      "auth_username",
      "auth_password",
      "auth_password_file",
      "require_tls",
    ]),
  };
}

function pagerdutyCandidate(
  config: Record<string, unknown>,
  names: SecretNames,
  receiver: string,
): Candidate | undefined {
  const routingKey = importedSecret(config, "routing_key", names, [receiver, "pagerduty_routing_key"]);
  if (!routingKey) return undefined;
  return {
    integration: { type: "pagerduty", routingKey },
    extra: without(config, ["send_resolved", "routing_key", "routing_key_file"]),
  };
}

function webhookCandidate(
  config: Record<string, unknown>,
  names: SecretNames,
  receiver: string,
): Candidate | undefined {
  // A URL that is itself a credential (a Slack-style hook, `?token=`, user info) is a secret the
  // model's webhook cannot hold (its URL is text): kept verbatim, the URL marked as a secret.
  if (typeof config.url === "string" && urlCarriesCredential(config.url)) return undefined;
  const http = isRecord(config.http_config) ? config.http_config : {};
  const auth = isRecord(http.authorization) ? http.authorization : undefined;
  const basic = isRecord(http.basic_auth) ? http.basic_auth : undefined;
  const credentials = auth
    ? importedSecret(auth, "credentials", names, [receiver, "webhook_credentials"])
    : undefined;
  const password = basic
    ? importedSecret(basic, "password", names, [receiver, "webhook_password"])
    : undefined;
  if ((auth && !credentials) || (basic && (!password || typeof basic.username !== "string")))
    return undefined;
  const restHttp = without(http, ["authorization", "basic_auth"]);
  const rest = without(config, ["send_resolved", "url", "max_alerts", "http_config"]);
  return {
    integration: {
      type: "webhook",
      url: config.url,
      authorization: auth && credentials ? { scheme: auth.type ?? "Bearer", credentials } : undefined,
      basicAuth: basic && password ? { username: basic.username, password } : undefined,
      maxAlerts: config.max_alerts ?? 0,
    },
    extra: restHttp ? { ...rest, http_config: restHttp } : rest,
  };
}

const CANDIDATES: Record<
  string,
  (config: Record<string, unknown>, names: SecretNames, receiver: string) => Candidate | undefined
> = {
  slack_configs: slackCandidate,
  email_configs: emailCandidate,
  pagerduty_configs: pagerdutyCandidate,
  webhook_configs: webhookCandidate,
};

/** The model integration for one config, or undefined when it must be kept verbatim. */
function modelIntegration(
  key: string,
  config: Record<string, unknown>,
  names: SecretNames,
  receiver: string,
): Integration | undefined {
  const candidateOf = CANDIDATES[key];
  if (!candidateOf) return undefined;
  const candidate = candidateOf(config, names, receiver);
  // Secrets left in the fields the model does not edit would be exported in clear: keep verbatim.
  if (!candidate || secretPathsOf(candidate.extra).length > 0) return undefined;
  const parsed = IntegrationSchema.safeParse({
    ...(candidate.integration as Record<string, unknown>),
    sendResolved: config.send_resolved ?? SEND_RESOLVED_DEFAULT[key],
    extra: candidate.extra,
  });
  return parsed.success ? parsed.data : undefined;
}

export interface ReceiverImport {
  receiver: Receiver;
  /** `opsgenie_configs[0]`: configs kept verbatim. */
  verbatim: string[];
}

export function receiverOf(
  value: unknown,
  path: string,
  problems: Problems,
  names: SecretNames,
): ReceiverImport | undefined {
  if (!isRecord(value) || typeof value.name !== "string") {
    problems.add(path, "missing name in receiver");
    return undefined;
  }
  const integrations: Integration[] = [];
  const verbatim: (VerbatimConfig & { key: string })[] = [];
  const kept: string[] = [];
  for (const [key, list] of Object.entries(value)) {
    if (key === "name") continue;
    if (!key.endsWith("_configs") || !Array.isArray(list)) {
      problems.add(`${path}.${key}`, "expected a list of *_configs");
      continue;
    }
    list.forEach((config, index) => {
      if (!isRecord(config)) {
        problems.add(`${path}.${key}[${index}]`, "expected a map");
        return;
      }
      const integration = modelIntegration(key, config, names, value.name as string);
      if (integration) integrations.push(integration);
      else {
        verbatim.push({ key, config, secretPaths: secretPathsOf(config) });
        kept.push(`${key}[${index}]`);
      }
    });
  }
  const parsed = ReceiverSchema.safeParse({
    name: value.name,
    integrations,
    verbatim: verbatim.length > 0 ? verbatim : undefined,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.add(`${path}.${issue.path.join(".")}`, issue.message);
    return undefined;
  }
  return { receiver: parsed.data, verbatim: kept };
}
