import { type AlertingSecret, HttpUrlSchema, WebhookUrlSchema } from "../../model";
import { isRecord } from "./problems";

/**
 * Literal secrets in Alertmanager configurations: the keys that hold credentials in its receiver,
 * global and http_config sections (config/notifiers.go, common/config). An import keeps them —
 * losing one would break notifications silently — but marks where they are and never prints them.
 */
const SECRET_KEYS = new Set([
  "api_url",
  "api_key",
  "api_secret",
  "routing_key",
  "service_key",
  "auth_password",
  "auth_secret",
  "password",
  "credentials",
  "bearer_token",
  "client_secret",
  "token",
  "bot_token",
  "user_key",
  "webhook_url",
  "slack_api_url",
  "smtp_auth_password",
  "smtp_auth_secret",
  "opsgenie_api_key",
  "victorops_api_key",
  "wechat_api_secret",
  "telegram_bot_token",
  "webex_api_token",
]);

export function isSecretKey(key: string): boolean {
  return SECRET_KEYS.has(key);
}

/**
 * Keys that hold credentials in most configs but not in these: VictorOps's `routing_key` names a
 * route, and `api_url` outside Slack is the service's endpoint.
 */
const NOT_SECRET_IN: Record<string, ReadonlySet<string>> = {
  victorops_configs: new Set(["routing_key", "api_url"]),
  opsgenie_configs: new Set(["api_url"]),
  wechat_configs: new Set(["api_url"]),
  pushover_configs: new Set(["url"]),
  telegram_configs: new Set(["api_url"]),
  webex_configs: new Set(["api_url"]),
};

/** Whether the literal at `path` of a `configKey` config (`victorops_configs`) is a credential. */
export function isSecretIn(configKey: string, path: string): boolean {
  const key = path.match(/[^.[\]]+/g)?.at(-1) ?? "";
  return !(NOT_SECRET_IN[configKey]?.has(key) ?? false);
}

/**
 * Services whose webhook URLs carry their credential in the path: whoever has the URL can post.
 * (Credentials in the user info or a query parameter are found by the model's own URL check.)
 */
const TOKEN_IN_PATH: readonly { host: RegExp; path: RegExp }[] = [
  { host: /^hooks\.slack\.com$/, path: /^\/(?:services|workflows|triggers)\/./ },
  { host: /^(?:[\w-]+\.)?discord(?:app)?\.com$/, path: /^\/api\/webhooks\/./ },
  { host: /(?:^|\.)webhook\.office\.com$/, path: /^\/./ },
  { host: /^outlook\.office(?:365)?\.com$/, path: /^\/webhook/i },
  { host: /^hooks\.zapier\.com$/, path: /^\/hooks\/./ },
  { host: /^api\.telegram\.org$/, path: /^\/bot./ },
  { host: /^maker\.ifttt\.com$/, path: /\/with\/key\/./ },
  { host: /^events\.pagerduty\.com$/, path: /^\/integration\/./ },
];

/**
 * Whether an http(s) URL holds a credential: a user name or password, a credential-like query
 * parameter (`?token=`, `?key=` …, as the model refuses them in a webhook URL), or a path that
 * is the credential (a Slack, Discord, Teams, Zapier … hook).
 */
export function urlCarriesCredential(text: string): boolean {
  if (!HttpUrlSchema.safeParse(text).success) return false;
  if (!WebhookUrlSchema.safeParse(text).success) return true;
  const url = new URL(text);
  const host = url.hostname.toLowerCase();
  return TOKEN_IN_PATH.some((entry) => entry.host.test(host) && entry.path.test(url.pathname));
}

/** A URL-valued key (`url`, `api_url`, `webhook_url` …) whose value holds a credential. */
function isCredentialUrl(key: string, entry: string): boolean {
  return (key === "url" || key.endsWith("_url")) && urlCarriesCredential(entry);
}

/** Dotted paths (`http_config.basic_auth.password`) of the literal secrets in a configuration map. */
export function secretPathsOf(value: unknown, prefix = ""): string[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => secretPathsOf(item, `${prefix}[${index}]`));
  if (!isRecord(value)) return [];
  return Object.entries(value).flatMap(([key, entry]) => {
    const path = prefix === "" ? key : `${prefix}.${key}`;
    if (typeof entry === "string" && entry !== "" && (isSecretKey(key) || isCredentialUrl(key, entry)))
      return [path];
    return secretPathsOf(entry, path);
  });
}

/** Environment variable names handed out in one import, so two secrets never share one. */
export class SecretNames {
  private readonly taken: Set<string>;

  /** `taken`: names already in use (by the project), never handed out again. */
  constructor(taken: Iterable<string> = []) {
    this.taken = new Set(taken);
  }

  /** `ONCALL_SLACK_API_URL` for receiver "oncall", a Slack `api_url`; `_2`, `_3` when taken. */
  name(...parts: string[]): string {
    const base = parts
      .join("_")
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "");
    const start = /^[A-Z]/.test(base) ? base : `AM_${base}`;
    let name = start;
    for (let n = 2; this.taken.has(name); n++) name = `${start}_${n}`;
    this.taken.add(name);
    return name;
  }
}

/**
 * The model's secret for a `key` / `key_file` pair of an imported config, or undefined when the
 * config has neither: the literal value or the file it named kept beside the variable name.
 */
export function importedSecret(
  config: Record<string, unknown>,
  key: string,
  names: SecretNames,
  nameParts: string[],
): AlertingSecret | undefined {
  const literal = config[key];
  const file = config[`${key}_file`];
  if (typeof literal === "string" && literal !== "")
    return { secret: names.name(...nameParts), importedValue: literal };
  if (typeof file === "string" && file !== "")
    return { secret: names.name(...nameParts), importedFile: file };
  return undefined;
}
