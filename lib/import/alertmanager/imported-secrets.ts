import type { AlertingSecret, AlertingSection, Integration, Receiver, VerbatimConfig } from "../../model";
import { isSecretIn, SecretNames } from "./secrets";

/**
 * The literal secrets an import kept in a project's alerting section, found in one place: for
 * the code that moves them to encrypted storage, and for masking them wherever the section is
 * shown (API responses, pages, logs).
 */

export interface ImportedSecret {
  /** Model path: `receivers[1].integrations[0].routingKey`, `receivers[2].verbatim[0].config.api_key`, `alertmanager.global.config.smtp_auth_password`. */
  path: string;
  /** The environment variable the bundle reads it from, when the model names one. */
  variable?: string;
  value: string;
}

export const MASK = "••••••";

function integrationSecrets(integration: Integration): [string, AlertingSecret | undefined][] {
  switch (integration.type) {
    case "slack":
      return [["apiUrl", integration.apiUrl]];
    case "email":
      return [["authPassword", integration.authPassword]];
    case "pagerduty":
      return [["routingKey", integration.routingKey]];
    case "webhook":
      return [
        ["authorization.credentials", integration.authorization?.credentials],
        ["basicAuth.password", integration.basicAuth?.password],
      ];
    default: {
      const exhaustive: never = integration;
      throw new Error(`unknown integration ${JSON.stringify(exhaustive)}`);
    }
  }
}

/** Reads `a.b[0].c` in a config map. */
function valueAt(config: unknown, dotted: string): unknown {
  let current: unknown = config;
  for (const part of dotted.match(/[^.[\]]+/g) ?? []) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/**
 * A deep copy of `config` with `edit` applied to the object that holds `a.b[0].c`'s last part, and
 * that part's name; the copy unchanged when the path breaks off before it.
 */
function editedAt(
  config: Record<string, unknown>,
  dotted: string,
  edit: (holder: Record<string, unknown>, last: string) => void,
): Record<string, unknown> {
  const parts = dotted.match(/[^.[\]]+/g) ?? [];
  const copy = structuredClone(config);
  let current: Record<string, unknown> = copy;
  for (const part of parts.slice(0, -1)) {
    const next = current[part];
    if (typeof next !== "object" || next === null) return copy;
    current = next as Record<string, unknown>;
  }
  const last = parts.at(-1);
  if (last !== undefined) edit(current, last);
  return copy;
}

/** `a.b[0].c` replaced by `value` where it is set. */
function withValueAt(
  config: Record<string, unknown>,
  dotted: string,
  value: unknown,
): Record<string, unknown> {
  return editedAt(config, dotted, (holder, last) => {
    if (last in holder) holder[last] = value;
  });
}

function verbatimSecrets(verbatim: VerbatimConfig, prefix: string): ImportedSecret[] {
  return verbatim.secretPaths.flatMap((path) => {
    const value = valueAt(verbatim.config, path);
    return typeof value === "string" ? [{ path: `${prefix}.config.${path}`, value }] : [];
  });
}

export function importedSecrets(section: AlertingSection): ImportedSecret[] {
  const secrets: ImportedSecret[] = [];
  section.receivers.forEach((receiver, r) => {
    receiver.integrations.forEach((integration, i) => {
      for (const [field, secret] of integrationSecrets(integration))
        if (secret?.importedValue !== undefined)
          secrets.push({
            path: `receivers[${r}].integrations[${i}].${field}`,
            variable: secret.secret,
            value: secret.importedValue,
          });
    });
    receiver.verbatim?.forEach((verbatim, v) => {
      secrets.push(...verbatimSecrets(verbatim, `receivers[${r}].verbatim[${v}]`));
    });
  });
  if (section.alertmanager.global)
    secrets.push(...verbatimSecrets(section.alertmanager.global, "alertmanager.global"));
  return secrets;
}

function maskSecret<T extends AlertingSecret | undefined>(secret: T): T {
  return secret?.importedValue !== undefined ? { ...secret, importedValue: MASK } : secret;
}

function maskIntegration(integration: Integration): Integration {
  switch (integration.type) {
    case "slack":
      return { ...integration, apiUrl: maskSecret(integration.apiUrl) };
    case "email":
      return { ...integration, authPassword: maskSecret(integration.authPassword) };
    case "pagerduty":
      return { ...integration, routingKey: maskSecret(integration.routingKey) };
    case "webhook":
      return {
        ...integration,
        authorization: integration.authorization
          ? { ...integration.authorization, credentials: maskSecret(integration.authorization.credentials) }
          : undefined,
        basicAuth: integration.basicAuth
          ? { ...integration.basicAuth, password: maskSecret(integration.basicAuth.password) }
          : undefined,
      };
    default: {
      const exhaustive: never = integration;
      throw new Error(`unknown integration ${JSON.stringify(exhaustive)}`);
    }
  }
}

function maskVerbatim<T extends VerbatimConfig>(verbatim: T): T {
  let config = verbatim.config;
  for (const path of verbatim.secretPaths) config = withValueAt(config, path, MASK);
  return { ...verbatim, config };
}

function maskReceiver(receiver: Receiver): Receiver {
  return {
    ...receiver,
    integrations: receiver.integrations.map(maskIntegration),
    verbatim: receiver.verbatim?.map(maskVerbatim),
  };
}

/** The section with every imported literal secret replaced by MASK, for showing it. */
export function maskImportedSecrets(section: AlertingSection): AlertingSection {
  return {
    ...section,
    receivers: section.receivers.map(maskReceiver),
    alertmanager: {
      ...section.alertmanager,
      global: section.alertmanager.global ? maskVerbatim(section.alertmanager.global) : undefined,
    },
  };
}

/** A literal secret taken out of a section: its value goes to encrypted storage under `name`. */
export interface ExtractedSecret {
  name: string;
  value: string;
}

function withoutValueAt(config: Record<string, unknown>, dotted: string): Record<string, unknown> {
  return editedAt(config, dotted, (holder, last) => {
    delete holder[last];
  });
}

/** Every secret name the section already uses, so new names never collide with one. */
function namesInUse(section: AlertingSection): string[] {
  const names: string[] = [];
  for (const receiver of section.receivers) {
    for (const integration of receiver.integrations)
      for (const [, secret] of integrationSecrets(integration)) if (secret) names.push(secret.secret);
    for (const verbatim of receiver.verbatim ?? []) names.push(...Object.values(verbatim.secretRefs ?? {}));
  }
  names.push(...Object.values(section.alertmanager.global?.secretRefs ?? {}));
  return names;
}

function withoutImportedValue(secret: AlertingSecret, found: ExtractedSecret[]): AlertingSecret {
  if (secret.importedValue === undefined) return secret;
  const { importedValue, ...rest } = secret;
  // A masked value sent back by a page is not a value: the stored one stays.
  if (importedValue !== MASK) found.push({ name: secret.secret, value: importedValue });
  return rest;
}

function extractFromIntegration(integration: Integration, found: ExtractedSecret[]): Integration {
  const take = (secret: AlertingSecret): AlertingSecret => withoutImportedValue(secret, found);
  switch (integration.type) {
    case "slack":
      return { ...integration, apiUrl: take(integration.apiUrl) };
    case "email":
      return integration.authPassword
        ? { ...integration, authPassword: take(integration.authPassword) }
        : integration;
    case "pagerduty":
      return { ...integration, routingKey: take(integration.routingKey) };
    case "webhook":
      return {
        ...integration,
        ...(integration.authorization
          ? {
              authorization: {
                ...integration.authorization,
                credentials: take(integration.authorization.credentials),
              },
            }
          : {}),
        ...(integration.basicAuth
          ? { basicAuth: { ...integration.basicAuth, password: take(integration.basicAuth.password) } }
          : {}),
      };
    default: {
      const exhaustive: never = integration;
      throw new Error(`unknown integration ${JSON.stringify(exhaustive)}`);
    }
  }
}

function extractFromVerbatim<T extends VerbatimConfig>(
  verbatim: T,
  configKey: string,
  nameParts: string[],
  names: SecretNames,
  found: ExtractedSecret[],
): T {
  let config = verbatim.config;
  const secretRefs = { ...verbatim.secretRefs };
  const kept: string[] = [];
  for (const path of verbatim.secretPaths) {
    const value = valueAt(config, path);
    if (typeof value !== "string" || value === MASK || !isSecretIn(configKey, path)) {
      kept.push(path);
      continue;
    }
    const name = names.name(...nameParts, path.split(".").at(-1) ?? "secret");
    found.push({ name, value });
    config = withoutValueAt(config, path);
    secretRefs[path] = name;
  }
  if (kept.length === verbatim.secretPaths.length) return verbatim;
  return { ...verbatim, config, secretPaths: kept, secretRefs };
}

/**
 * The section with every literal secret an import kept taken out — `importedValue`s dropped
 * (the model keeps the name the bundle reads), literals in verbatim configs and `global` removed
 * and named in `secretRefs` — and the values, to store encrypted. Pure: the section is not changed.
 */
export function extractImportedSecrets(section: AlertingSection): {
  section: AlertingSection;
  secrets: ExtractedSecret[];
} {
  const found: ExtractedSecret[] = [];
  const names = new SecretNames(namesInUse(section));
  const receivers = section.receivers.map((receiver) => ({
    ...receiver,
    integrations: receiver.integrations.map((integration) => extractFromIntegration(integration, found)),
    ...(receiver.verbatim
      ? {
          verbatim: receiver.verbatim.map((verbatim) =>
            extractFromVerbatim(
              verbatim,
              verbatim.key,
              [receiver.name, verbatim.key.replace(/_configs$/, "")],
              names,
              found,
            ),
          ),
        }
      : {}),
  }));
  const global = section.alertmanager.global;
  const alertmanager = global
    ? {
        ...section.alertmanager,
        global: extractFromVerbatim(global, "global", ["alertmanager"], names, found),
      }
    : section.alertmanager;
  if (found.length === 0) return { section, secrets: [] };
  return { section: { ...section, receivers, alertmanager }, secrets: found };
}
