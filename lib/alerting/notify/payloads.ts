/**
 * What Alertmanager v0.25 sends for one integration and one alert group (notify/slack,
 * notify/pagerduty, notify/webhook, notify/email): the configuration entry as the exported
 * alertmanager.yml has it (snake_case, defaults of config/notifiers.go applied here), rendered
 * with the templates. Secrets are not read here: the caller resolves the target (URL, key).
 */
import { type AlertGroupInput, groupKeyHash } from "./group";
import { type LoadedTemplates, type RenderOptions, renderHtml, renderText } from "./render";
import { notificationData, type NotificationData } from "./template-data";

export type IntegrationKind = "slack" | "pagerduty" | "webhook" | "email";

/** A template field that fails, named by its configuration key (`title`, `details.firing`). */
export interface FieldError {
  field: string;
  error: string;
}

export interface SlackField {
  title: string;
  value: string;
  short: boolean;
}

export interface SlackAttachment {
  title?: string;
  title_link?: string;
  pretext?: string;
  text: string;
  fallback: string;
  callback_id: string;
  fields?: SlackField[];
  image_url?: string;
  thumb_url?: string;
  footer: string;
  color?: string;
  mrkdwn_in?: string[];
}

export interface SlackMessage {
  channel?: string;
  username?: string;
  icon_emoji?: string;
  icon_url?: string;
  link_names?: boolean;
  attachments: SlackAttachment[];
}

export interface PagerdutyMessage {
  routing_key?: string;
  dedup_key: string;
  event_action: "trigger" | "resolve";
  payload: {
    summary: string;
    source: string;
    severity: string;
    class?: string;
    component?: string;
    group?: string;
    custom_details?: Record<string, string>;
  };
  client?: string;
  client_url?: string;
  images?: { src: string; alt?: string; href?: string }[];
  links?: { href: string; text?: string }[];
}

export interface WebhookMessage extends NotificationData {
  version: "4";
  groupKey: string;
  truncatedAlerts: number;
}

export interface EmailMessage {
  from: string;
  to: string;
  /** Header name (canonical) → rendered value, Subject/To/From included. */
  headers: Record<string, string>;
  html?: string;
  text?: string;
}

export type Payload =
  | { kind: "slack"; body: SlackMessage }
  | { kind: "pagerduty"; body: PagerdutyMessage }
  | { kind: "webhook"; body: WebhookMessage }
  | { kind: "email"; body: EmailMessage };

export type PayloadResult = { ok: true; payload: Payload } | { ok: false; errors: FieldError[] };

type Config = Readonly<Record<string, unknown>>;

const string = (v: unknown): string => (typeof v === "string" ? v : "");

/** Renders fields one by one, collecting every failure (Alertmanager stops at the first). */
class FieldRenderer {
  readonly errors: FieldError[] = [];
  constructor(
    private readonly loaded: LoadedTemplates,
    private readonly data: NotificationData,
    private readonly options: RenderOptions,
  ) {}
  text(field: string, template: string): string {
    const result = renderText(this.loaded, template, this.data, this.options);
    if (result.ok) return result.text;
    this.errors.push({ field, error: result.error });
    return "";
  }
  html(field: string, template: string): string {
    const result = renderHtml(this.loaded, template, this.data, this.options);
    if (result.ok) return result.text;
    this.errors.push({ field, error: result.error });
    return "";
  }
}

/** notify.TruncateInRunes: at most n runes, the last one replaced by "…" when cut. */
export function truncateInRunes(s: string, n: number): string {
  const runes = [...s];
  if (runes.length <= n) return s;
  if (n <= 3) return runes.slice(0, n).join("");
  return `${runes.slice(0, n - 1).join("")}…`;
}

const omitEmpty = <T extends Record<string, unknown>>(o: T): T =>
  Object.fromEntries(
    Object.entries(o).filter(
      ([, v]) => v !== undefined && v !== "" && v !== false && !(Array.isArray(v) && v.length === 0),
    ),
  ) as T;

const SLACK_DEFAULTS: Record<string, string> = {
  color: '{{ if eq .Status "firing" }}danger{{ else }}good{{ end }}',
  username: '{{ template "slack.default.username" . }}',
  title: '{{ template "slack.default.title" . }}',
  title_link: '{{ template "slack.default.titlelink" . }}',
  icon_emoji: '{{ template "slack.default.iconemoji" . }}',
  icon_url: '{{ template "slack.default.iconurl" . }}',
  pretext: '{{ template "slack.default.pretext" . }}',
  text: '{{ template "slack.default.text" . }}',
  fallback: '{{ template "slack.default.fallback" . }}',
  callback_id: '{{ template "slack.default.callbackid" . }}',
  footer: '{{ template "slack.default.footer" . }}',
};

function slackMessage(config: Config, r: FieldRenderer): SlackMessage {
  const field = (name: string): string =>
    r.text(name, name in config ? string(config[name]) : (SLACK_DEFAULTS[name] ?? ""));
  const mrkdwnIn =
    Array.isArray(config.mrkdwn_in) && config.mrkdwn_in.length > 0
      ? (config.mrkdwn_in as string[])
      : ["fallback", "pretext", "text"];
  const fields = Array.isArray(config.fields)
    ? (config.fields as Config[]).map((f, i) => ({
        title: r.text(`fields.${i}.title`, string(f.title)),
        value: r.text(`fields.${i}.value`, string(f.value)),
        short: typeof f.short === "boolean" ? f.short : config.short_fields === true,
      }))
    : undefined;
  const attachment = omitEmpty({
    title: truncateInRunes(field("title"), 1024),
    title_link: field("title_link"),
    pretext: field("pretext"),
    text: field("text"),
    fallback: field("fallback"),
    callback_id: field("callback_id"),
    fields,
    image_url: field("image_url"),
    thumb_url: field("thumb_url"),
    footer: field("footer"),
    color: field("color"),
    mrkdwn_in: mrkdwnIn,
  });
  // text, fallback, callback_id and footer have no omitempty.
  const full: SlackAttachment = {
    ...attachment,
    text: attachment.text ?? "",
    fallback: attachment.fallback ?? "",
    callback_id: attachment.callback_id ?? "",
    footer: attachment.footer ?? "",
  };
  return {
    ...omitEmpty({
      channel: field("channel"),
      username: field("username"),
      icon_emoji: field("icon_emoji"),
      icon_url: field("icon_url"),
      link_names: config.link_names === true,
    }),
    attachments: [full],
  };
}

const PAGERDUTY_DETAILS: Record<string, string> = {
  firing: '{{ template "pagerduty.default.instances" .Alerts.Firing }}',
  resolved: '{{ template "pagerduty.default.instances" .Alerts.Resolved }}',
  num_firing: "{{ .Alerts.Firing | len }}",
  num_resolved: "{{ .Alerts.Resolved | len }}",
};

function pagerdutyMessage(
  config: Config,
  group: AlertGroupInput,
  data: NotificationData,
  r: FieldRenderer,
): PagerdutyMessage {
  const details = { ...PAGERDUTY_DETAILS, ...((config.details as Record<string, string> | undefined) ?? {}) };
  const customDetails = Object.fromEntries(
    Object.entries(details).map(([k, v]) => [k, r.text(`details.${k}`, string(v))]),
  );
  const client = "client" in config ? string(config.client) : '{{ template "pagerduty.default.client" . }}';
  const get = (name: string, fallback = ""): string => (name in config ? string(config[name]) : fallback);
  const images = ((config.images as Config[] | undefined) ?? [])
    .map((img, i) =>
      omitEmpty({
        src: r.text(`images.${i}.src`, string(img.src)),
        alt: r.text(`images.${i}.alt`, string(img.alt)),
        href: r.text(`images.${i}.href`, string(img.href)),
      }),
    )
    .filter((img) => img.src);
  const links = ((config.links as Config[] | undefined) ?? [])
    .map((link, i) =>
      omitEmpty({
        href: r.text(`links.${i}.href`, string(link.href)),
        text: r.text(`links.${i}.text`, string(link.text)),
      }),
    )
    .filter((link) => link.href);
  return omitEmpty({
    dedup_key: groupKeyHash(group.groupKey),
    event_action: data.status === "resolved" ? "resolve" : "trigger",
    payload: omitEmpty({
      summary: truncateInRunes(
        r.text("description", get("description", '{{ template "pagerduty.default.description" .}}')),
        1024,
      ),
      // UnmarshalYAML: source defaults to the client template.
      source: r.text("source", get("source") || client),
      severity: r.text("severity", get("severity") || "error"),
      class: r.text("class", get("class")),
      component: r.text("component", get("component")),
      group: r.text("group", get("group")),
      custom_details: customDetails,
    }) as PagerdutyMessage["payload"],
    client: r.text("client", client),
    client_url: r.text("client_url", get("client_url", '{{ template "pagerduty.default.clientURL" . }}')),
    images: images as PagerdutyMessage["images"],
    links: links as PagerdutyMessage["links"],
  }) as PagerdutyMessage;
}

function emailMessage(config: Config, r: FieldRenderer): EmailMessage {
  const canonical = (name: string): string =>
    name.toLowerCase().replace(/(^|-)([a-z])/g, (_, dash, c: string) => dash + c.toUpperCase());
  const headerTemplates: Record<string, string> = {};
  for (const [name, value] of Object.entries((config.headers as Record<string, string> | undefined) ?? {}))
    headerTemplates[canonical(name)] = string(value);
  headerTemplates.Subject ??= '{{ template "email.default.subject" . }}';
  headerTemplates.To ??= string(config.to);
  headerTemplates.From ??= string(config.from);
  const headers = Object.fromEntries(
    Object.entries(headerTemplates).map(([name, template]) => [name, r.text(`headers.${name}`, template)]),
  );
  const html = "html" in config ? string(config.html) : '{{ template "email.default.html" . }}';
  const text = string(config.text);
  return {
    from: r.text("from", string(config.from)),
    to: r.text("to", string(config.to)),
    headers,
    ...(html ? { html: r.html("html", html) } : {}),
    ...(text ? { text: r.text("text", text) } : {}),
  };
}

/**
 * The message one integration sends for the group. `config` is the integration's entry of the
 * exported alertmanager.yml (e.g. one of `slack_configs`), `global` its `global` section.
 */
export function buildPayload(
  kind: IntegrationKind,
  config: Config,
  group: AlertGroupInput,
  loaded: LoadedTemplates,
  options: RenderOptions & { global?: Config } = {},
): PayloadResult {
  // The webhook truncates before the data is built, so common labels are those of the kept alerts.
  const maxAlerts = kind === "webhook" && typeof config.max_alerts === "number" ? config.max_alerts : 0;
  const kept = maxAlerts > 0 ? group.alerts.slice(0, maxAlerts) : group.alerts;
  const data = notificationData(group.receiver, group.groupLabels, kept, group.externalURL);
  const r = new FieldRenderer(loaded, data, options);
  let payload: Payload;
  switch (kind) {
    case "slack":
      payload = { kind, body: slackMessage(config, r) };
      break;
    case "pagerduty":
      payload = { kind, body: pagerdutyMessage(config, group, data, r) };
      break;
    case "webhook":
      payload = {
        kind,
        body: {
          ...data,
          version: "4",
          groupKey: group.groupKey,
          truncatedAlerts: group.alerts.length - kept.length,
        },
      };
      break;
    case "email":
      payload = {
        kind,
        body: emailMessage({ from: options.global?.smtp_from, ...config }, r),
      };
      break;
    default: {
      const exhaustive: never = kind;
      throw new Error(`unknown integration ${String(exhaustive)}`);
    }
  }
  return r.errors.length > 0 ? { ok: false, errors: r.errors } : { ok: true, payload };
}

/** Whether Alertmanager sends this group at all: a resolved group only with send_resolved. */
export function sendsResolved(kind: IntegrationKind, config: Config): boolean {
  if (typeof config.send_resolved === "boolean") return config.send_resolved;
  // DefaultSlackConfig and DefaultEmailConfig: false; PagerDuty and webhook: true.
  return kind === "pagerduty" || kind === "webhook";
}
