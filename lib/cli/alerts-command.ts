import type { Command } from "commander";
import { acknowledgeAlert, listAlerts, unacknowledgeAlert } from "../alerting/live/client";
import { LiveAlertmanagerError } from "../alerting/live/errors";
import { filterAlerts } from "../alerting/live/filter";
import { AcknowledgeBodySchema, AlertFilterSchema, type LiveAlert } from "../alerting/live/schemas";
import { normalizeBaseUrl } from "../preview/allowlist";
import { PreviewError } from "../prometheus/errors";
import { InputError } from "./load-input";

/**
 * `obsforge alerts list|ack|unack --alertmanager URL`: the live alerts of a running Alertmanager
 * through its API v2, by the same client as the web app's live page. `ack` silences exactly one
 * alert (by fingerprint) for a duration, with author and comment; `unack` expires the silences
 * that hold it.
 */

export interface AlertsCommonOptions {
  alertmanager: string;
}

export interface AlertsListOptions extends AlertsCommonOptions {
  receiver?: string;
  state?: string;
  json?: boolean;
}

export interface AlertsAckOptions extends AlertsCommonOptions {
  author?: string;
  comment?: string;
  duration: string;
}

function baseUrl(options: AlertsCommonOptions): string {
  try {
    return normalizeBaseUrl(options.alertmanager, "--alertmanager");
  } catch (error) {
    if (error instanceof PreviewError)
      throw new InputError([`${error.message}, e.g. --alertmanager http://localhost:9093`]);
    throw error;
  }
}

/** Failures of the Alertmanager as one line each, not a stack. */
async function talking<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof PreviewError || error instanceof LiveAlertmanagerError)
      throw new InputError([`${what}: ${error.message}`]);
    throw error;
  }
}

function labelText(labels: Readonly<Record<string, string>>): string {
  return `{${Object.entries(labels)
    .map(([name, value]) => `${name}=${JSON.stringify(value)}`)
    .join(", ")}}`;
}

/** One line per alert: fingerprint, state, receivers, labels; and what mutes it. */
export function alertLines(alerts: readonly LiveAlert[]): string[] {
  if (alerts.length === 0) return ["no alerts"];
  return alerts.map((alert) => {
    const receivers = alert.receivers.map((r) => r.name).join(",") || "-";
    const muted = [
      ...alert.status.silencedBy.map((id) => `silenced by ${id}`),
      ...alert.status.inhibitedBy.map((fp) => `inhibited by ${fp}`),
    ];
    return [
      alert.fingerprint,
      alert.status.state.padEnd(11),
      receivers,
      labelText(alert.labels),
      ...muted,
    ].join("  ");
  });
}

export async function runAlertsList(options: AlertsListOptions): Promise<string[]> {
  const filter = AlertFilterSchema.safeParse({ receiver: options.receiver, state: options.state });
  if (!filter.success)
    throw new InputError([
      `--state ${JSON.stringify(options.state)}: one of active, suppressed, unprocessed`,
    ]);
  const base = baseUrl(options);
  const alerts = filterAlerts(
    await talking(`listing alerts at ${base}`, () => listAlerts(base)),
    filter.data,
  );
  return options.json ? [JSON.stringify(alerts, null, 2)] : alertLines(alerts);
}

export async function runAlertsAck(
  fingerprint: string,
  options: AlertsAckOptions,
  now: Date = new Date(),
): Promise<string[]> {
  const body = AcknowledgeBodySchema.safeParse({
    author: options.author ?? process.env.USER ?? "",
    comment: options.comment,
    duration: options.duration,
  });
  if (!body.success)
    throw new InputError(body.error.issues.map((issue) => `--${String(issue.path[0])}: ${issue.message}`));
  const base = baseUrl(options);
  const ack = await talking(`acknowledging ${fingerprint} at ${base}`, () =>
    acknowledgeAlert(base, fingerprint, body.data, now),
  );
  return [`acknowledged ${fingerprint}: silence ${ack.silenceId} until ${ack.endsAt}`];
}

export async function runAlertsUnack(fingerprint: string, options: AlertsCommonOptions): Promise<string[]> {
  const base = baseUrl(options);
  const { expired } = await talking(`un-acknowledging ${fingerprint} at ${base}`, () =>
    unacknowledgeAlert(base, fingerprint),
  );
  if (expired.length === 0) return [`${fingerprint} was not acknowledged: no silence holds it`];
  return expired.map((id) => `un-acknowledged ${fingerprint}: expired silence ${id}`);
}

export function addAlertsCommand(
  program: Command,
  io: { stdout: (text: string) => void; stderr: (text: string) => void },
  setExit: (code: number) => void,
): void {
  const alerts = program
    .command("alerts")
    .description("the live alerts of a running Alertmanager (API v2): list, acknowledge, un-acknowledge");
  const print = (lines: readonly string[]): void => {
    for (const line of lines) io.stdout(`${line}\n`);
    setExit(0);
  };
  alerts
    .command("list")
    .description("every alert the Alertmanager holds: fingerprint, state, receivers, labels")
    .requiredOption("--alertmanager <url>", "the Alertmanager, e.g. http://localhost:9093")
    .option("--receiver <name>", "only alerts routed to this receiver")
    .option("--state <state>", "only alerts in this state: active, suppressed or unprocessed")
    .option("--json", "the alerts as Alertmanager's API v2 gives them")
    .action(async (options: AlertsListOptions) => print(await runAlertsList(options)));
  alerts
    .command("ack")
    .description("acknowledge an alert: a silence of exactly its labels, for --duration")
    .argument("<fingerprint>", "the alert's fingerprint, as `obsforge alerts list` prints it")
    .requiredOption("--alertmanager <url>", "the Alertmanager, e.g. http://localhost:9093")
    .requiredOption("--comment <text>", "why it is acknowledged")
    .option("--author <name>", "who acknowledges (default: $USER)")
    .option("--duration <duration>", "how long the silence lasts", "2h")
    .action(async (fingerprint: string, options: AlertsAckOptions) =>
      print(await runAlertsAck(fingerprint, options)),
    );
  alerts
    .command("unack")
    .description("un-acknowledge an alert: expire every silence that holds it")
    .argument("<fingerprint>", "the alert's fingerprint")
    .requiredOption("--alertmanager <url>", "the Alertmanager, e.g. http://localhost:9093")
    .action(async (fingerprint: string, options: AlertsCommonOptions) =>
      print(await runAlertsUnack(fingerprint, options)),
    );
}
