import type { Project, VerbatimConfig } from "../../model";
import { secretFilePath } from "../names";

/**
 * The keys of Alertmanager 0.25 that have a `<key>_file` twin reading the value from a file
 * (checked with amtool 0.25: config/notifiers.go, common/config). Every other secret key is
 * read only inline: the bundle cannot hand it over as a file and writes a placeholder instead.
 */
const FILE_TWINS = new Set([
  "api_url",
  "api_key",
  "routing_key",
  "service_key",
  "auth_password",
  "password",
  "credentials",
  "bearer_token",
  "client_secret",
  "smtp_auth_password",
  "slack_api_url",
  "opsgenie_api_key",
  "victorops_api_key",
]);

/** Keys whose value Alertmanager checks as a URL: a placeholder must still parse as one. */
const URL_KEYS = new Set(["url", "webhook_url", "api_url"]);

function splitPath(dotted: string): string[] {
  return dotted.match(/[^.[\]]+/g) ?? [];
}

/** Whether Alertmanager 0.25 can read the secret at `path` from a file. */
export function readsFromFile(path: string): boolean {
  return FILE_TWINS.has(splitPath(path).at(-1) ?? "");
}

/** What the bundle writes where Alertmanager reads a secret only inline: never the value. */
export function inlinePlaceholder(path: string, secret: string): string {
  const key = splitPath(path).at(-1) ?? "";
  return URL_KEYS.has(key)
    ? `https://secret.invalid/${secret}`
    : `<secret ${secret}: Alertmanager 0.25 reads ${key} only inline; put its value here>`;
}

/**
 * A verbatim config as written: each secret moved to encrypted storage becomes `<key>_file`
 * (the file docker compose mounts at /run/secrets), or a placeholder where no such twin exists.
 */
export function withSecretFiles(verbatim: VerbatimConfig): Record<string, unknown> {
  const config = structuredClone(verbatim.config);
  for (const [path, secret] of Object.entries(verbatim.secretRefs ?? {})) {
    const parts = splitPath(path);
    const key = parts.pop();
    if (key === undefined) continue;
    let parent: Record<string, unknown> = config;
    for (const part of parts) {
      const next = parent[part];
      if (typeof next !== "object" || next === null) parent[part] = {};
      parent = parent[part] as Record<string, unknown>;
    }
    if (readsFromFile(path)) parent[`${key}_file`] = secretFilePath({ secret });
    else parent[key] = inlinePlaceholder(path, secret);
  }
  return config;
}

/** Secrets of verbatim configs Alertmanager reads only inline, for the file's header. */
export function inlineOnlySecrets(project: Project): string[] {
  const inline = (verbatim: VerbatimConfig | undefined): string[] =>
    Object.entries(verbatim?.secretRefs ?? {})
      .filter(([path]) => !readsFromFile(path))
      .map(([, secret]) => secret);
  return [
    ...project.receivers.flatMap((receiver) => (receiver.verbatim ?? []).flatMap(inline)),
    ...inline(project.alertmanager.global),
  ];
}
