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

/**
 * The integration with `map` applied to each secret it has (`field` as in `integrationSecrets`):
 * the one walk masking, sealing and extraction share.
 */
function mapIntegrationSecrets(
  integration: Integration,
  map: (secret: AlertingSecret, field: string) => AlertingSecret,
): Integration {
  switch (integration.type) {
    case "slack":
      return { ...integration, apiUrl: map(integration.apiUrl, "apiUrl") };
    case "email":
      return integration.authPassword
        ? { ...integration, authPassword: map(integration.authPassword, "authPassword") }
        : integration;
    case "pagerduty":
      return { ...integration, routingKey: map(integration.routingKey, "routingKey") };
    case "webhook":
      return {
        ...integration,
        ...(integration.authorization
          ? {
              authorization: {
                ...integration.authorization,
                credentials: map(integration.authorization.credentials, "authorization.credentials"),
              },
            }
          : {}),
        ...(integration.basicAuth
          ? {
              basicAuth: {
                ...integration.basicAuth,
                password: map(integration.basicAuth.password, "basicAuth.password"),
              },
            }
          : {}),
      };
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
  return mapIntegrationSecrets(integration, maskSecret);
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
  /** Where it was, for a report (`receiver "ops" slack apiUrl`, `global smtp_auth_password`); never the value. */
  where: string;
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

/** A value an import kept that a save moves to encrypted storage: a masked one sent back by a page is not one. */
function isMovableValue(value: unknown): value is string {
  return typeof value === "string" && value !== MASK;
}

function withoutImportedValue(
  secret: AlertingSecret,
  where: string,
  found: ExtractedSecret[],
): AlertingSecret {
  if (secret.importedValue === undefined) return secret;
  const { importedValue, ...rest } = secret;
  // A masked value sent back by a page is not a value: the stored one stays.
  if (isMovableValue(importedValue)) found.push({ name: secret.secret, value: importedValue, where });
  return rest;
}

/** The paths of a verbatim config whose literal a save moves to encrypted storage. */
function movablePaths(verbatim: VerbatimConfig, configKey: string): string[] {
  return verbatim.secretPaths.filter(
    (path) => isMovableValue(valueAt(verbatim.config, path)) && isSecretIn(configKey, path),
  );
}

function extractFromVerbatim<T extends VerbatimConfig>(
  verbatim: T,
  configKey: string,
  nameParts: string[],
  names: SecretNames,
  found: ExtractedSecret[],
  where: string,
): T {
  const moved = movablePaths(verbatim, configKey);
  if (moved.length === 0) return verbatim;
  let config = verbatim.config;
  const secretRefs = { ...verbatim.secretRefs };
  for (const path of moved) {
    const name = names.name(...nameParts, path.split(".").at(-1) ?? "secret");
    found.push({ name, value: valueAt(config, path) as string, where: `${where} ${path}` });
    config = withoutValueAt(config, path);
    secretRefs[path] = name;
  }
  const kept = verbatim.secretPaths.filter((path) => !moved.includes(path));
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
    integrations: receiver.integrations.map((integration) =>
      mapIntegrationSecrets(integration, (secret, field) =>
        withoutImportedValue(secret, `receiver "${receiver.name}" ${integration.type} ${field}`, found),
      ),
    ),
    ...(receiver.verbatim
      ? {
          verbatim: receiver.verbatim.map((verbatim) =>
            extractFromVerbatim(
              verbatim,
              verbatim.key,
              [receiver.name, verbatim.key.replace(/_configs$/, "")],
              names,
              found,
              `receiver "${receiver.name}" ${verbatim.key}`,
            ),
          ),
        }
      : {}),
  }));
  const global = section.alertmanager.global;
  const alertmanager = global
    ? {
        ...section.alertmanager,
        global: extractFromVerbatim(global, "global", ["alertmanager"], names, found, "global"),
      }
    : section.alertmanager;
  if (found.length === 0) return { section, secrets: [] };
  return { section: { ...section, receivers, alertmanager }, secrets: found };
}

function replacedVerbatim<T extends VerbatimConfig>(
  verbatim: T,
  configKey: string,
  replace: (value: string) => string,
): T {
  const moved = movablePaths(verbatim, configKey);
  if (moved.length === 0) return verbatim;
  let config = verbatim.config;
  for (const path of moved) config = withValueAt(config, path, replace(valueAt(config, path) as string));
  return { ...verbatim, config };
}

/**
 * The section with `replace` applied to each literal secret a save would move to encrypted
 * storage (the values `extractImportedSecrets` takes, nothing else), for handing an imported
 * section to a page sealed instead of in clear. Pure.
 */
export function withImportedSecretValues(
  section: AlertingSection,
  replace: (value: string) => string,
): AlertingSection {
  const global = section.alertmanager.global;
  return {
    ...section,
    receivers: section.receivers.map((receiver) => ({
      ...receiver,
      integrations: receiver.integrations.map((integration) =>
        mapIntegrationSecrets(integration, (secret) =>
          isMovableValue(secret.importedValue)
            ? { ...secret, importedValue: replace(secret.importedValue) }
            : secret,
        ),
      ),
      ...(receiver.verbatim
        ? { verbatim: receiver.verbatim.map((verbatim) => replacedVerbatim(verbatim, verbatim.key, replace)) }
        : {}),
    })),
    alertmanager: global
      ? { ...section.alertmanager, global: replacedVerbatim(global, "global", replace) }
      : section.alertmanager,
  };
}

/**
 * Imported literals handed to a page sealed (AES-GCM under the server's key, by the import
 * preview) start with this, so they are neither shown nor checked as values; only the server
 * opens them, when the section is saved.
 */
export const SEALED_PREFIX = "obsforge-sealed:v1:";

export function isSealedValue(value: string): boolean {
  return value.startsWith(SEALED_PREFIX);
}
