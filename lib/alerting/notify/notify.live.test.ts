import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { generateAlertmanager } from "../../generate/alertmanager";
import { parseProject, type Project } from "../../model";
import { freePort, type RunningProcess, startProcess, waitFor } from "../../testing/processes";
import { makeTempDir, writeFiles } from "../../tools/files";
import { alertmanagerBinary } from "../routing/testing/live-alertmanager";
import { type AlertGroupInput, groupKey, sortGroupAlerts } from "./group";
import { buildPayload, type IntegrationKind, type Payload } from "./payloads";
import { loadTemplates } from "./render";
import { sampleAlerts } from "./sample-alerts";
import type { GroupAlert } from "./template-data";
import { type HttpSink, type SmtpSink, startHttpSink, startSmtpSink } from "./testing/sinks";

/**
 * The oracle for the message builders: a real Alertmanager 0.25 runs the exported configuration
 * with its Slack and PagerDuty URLs and its webhook pointing at an HTTP sink and its e-mail going
 * to an SMTP sink; alert groups are posted (firing, resolved, many alerts, odd label values) and
 * every message that arrives must equal the payload built here (Message-Id and Date aside).
 */

const dir = makeTempDir("obsforge-notify");
let http: HttpSink;
let smtp: SmtpSink;
let alertmanager: RunningProcess;
let base = "";
let project: Project;
let config: Record<string, any>;

const EXTERNAL_URL = "http://alertmanager.test:9093";
const SECRETS = { SLACK_URL: "", PD_KEY: "pd-routing-key-0123", HOOK_TOKEN: "hook-token-4567" };

function testProject(): Project {
  return parseProject({
    name: "notify live",
    ruleGroups: [
      {
        name: "api",
        rules: [
          {
            kind: "alert",
            alert: "HighErrorRate",
            expr: 'sum(rate(http_requests_total{code=~"5.."}[5m])) > 1',
            labels: { severity: "critical", team: "api & <core>" },
            annotations: {
              summary: 'Errors on {{ $labels.instance }} at {{ $value | humanize }} "req/s" <b>&</b>',
              description: "Job {{ $labels.job }}: more than 1 error/s for 5 minutes.\nSecond line.",
              dashboard: "https://grafana.example.com/d/api?var-instance={{ $labels.instance }}&from=now-1h",
              runbook_url: "https://runbooks.example.com/api/high-error-rate",
            },
            tests: [
              {
                inputSeries: [{ series: "x", values: "1" }],
                evalTime: "1m",
                fires: true,
                labels: { instance: "api-1:8080", job: "api" },
                value: 1234.5,
              },
            ],
          },
          {
            kind: "alert",
            alert: "DiskFull",
            expr: "disk_free_ratio < 0.05",
            labels: { severity: "warning" },
            annotations: { summary: "Disk almost full on {{ $labels.instance }}" },
          },
          {
            kind: "alert",
            alert: "Flapping",
            expr: "up == 0",
            labels: { severity: "info" },
            annotations: { summary: "{{ $labels.instance }} flaps", runbook_url: "javascript:alert(1)" },
          },
        ],
      },
    ],
    receivers: [
      {
        name: "all",
        integrations: [
          { type: "slack", channel: "#alerts", apiUrl: { secret: "SLACK_URL" } },
          { type: "pagerduty", routingKey: { secret: "PD_KEY" } },
          {
            type: "webhook",
            url: "http://127.0.0.1:1/hook",
            maxAlerts: 3,
            authorization: { scheme: "Bearer", credentials: { secret: "HOOK_TOKEN" } },
          },
          {
            type: "email",
            to: "oncall@example.com",
            from: "alertmanager@example.com",
            smarthost: "127.0.0.1:25",
            requireTls: false,
          },
          {
            // Alertmanager's own e-mail (email.tmpl through html/template: templates called inside
            // href attributes, inline styles) and subject, as an imported configuration keeps them.
            type: "email",
            to: "team@example.com",
            smarthost: "127.0.0.1:25",
            requireTls: false,
            extra: {
              html: '{{ template "email.default.html" . }}',
              headers: { Subject: '{{ template "email.default.subject" . }}' },
            },
          },
        ],
      },
    ],
    route: {
      receiver: "all",
      groupBy: ["alertname"],
      groupWait: "2s",
      groupInterval: "2s",
      repeatInterval: "1h",
    },
  });
}

beforeAll(async () => {
  http = await startHttpSink();
  smtp = await startSmtpSink();
  SECRETS.SLACK_URL = `${http.base}/slack`;
  const base0 = testProject();
  const receiver = base0.receivers[0];
  if (!receiver) throw new Error("no receiver");
  receiver.integrations = receiver.integrations.map((integration) =>
    integration.type === "webhook"
      ? { ...integration, url: `${http.base}/hook` }
      : integration.type === "email"
        ? { ...integration, smarthost: `127.0.0.1:${smtp.port}` }
        : integration,
  );
  base0.alertmanager.global = { config: { pagerduty_url: `${http.base}/pd` }, secretPaths: [] };
  project = base0;
  const secretsDir = path.join(dir, "secrets");
  mkdirSync(secretsDir, { recursive: true });
  for (const [name, value] of Object.entries(SECRETS))
    writeFileSync(path.join(secretsDir, name.toLowerCase()), value);
  const files = generateAlertmanager(project).map((file) => ({
    ...file,
    content: file.content.replaceAll("/run/secrets/", `${secretsDir}/`),
  }));
  writeFiles(dir, files);
  const configFile = path.join(dir, "alertmanager/alertmanager.yml");
  config = parse(readFileSync(configFile, "utf8"));
  const port = await freePort();
  alertmanager = startProcess(alertmanagerBinary(), [
    `--config.file=${configFile}`,
    `--storage.path=${path.join(dir, "data")}`,
    `--web.listen-address=127.0.0.1:${port}`,
    "--cluster.listen-address=",
    `--web.external-url=${EXTERNAL_URL}`,
  ]);
  base = `http://127.0.0.1:${port}`;
  await waitFor(
    async () => ((await fetch(`${base}/-/ready`)).ok ? true : undefined),
    20_000,
    () => alertmanager.output(),
  );
}, 60_000);

afterAll(async () => {
  await alertmanager?.stop();
  await http?.close();
  await smtp?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface PostedAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt: string;
  generatorURL: string;
}

async function post(alerts: PostedAlert[]): Promise<void> {
  const response = await fetch(`${base}/api/v2/alerts`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(alerts),
  });
  expect(response.status).toBe(200);
}

const KINDS: [IntegrationKind, string][] = [
  ["slack", "slack_configs"],
  ["pagerduty", "pagerduty_configs"],
  ["webhook", "webhook_configs"],
  ["email", "email_configs"],
];

/** The four messages the app predicts for a group (the kinds that send it). */
function expected(alertname: string, alerts: PostedAlert[], status: "firing" | "resolved"): Payload[] {
  const loaded = loadTemplates([
    {
      name: "obsforge.tmpl",
      text: readFileSync(path.join(dir, "alertmanager/templates/obsforge.tmpl"), "utf8"),
    },
  ]);
  expect(loaded.fileErrors).toEqual([]);
  const groupAlerts: GroupAlert[] = sortGroupAlerts(alerts).map((a) => ({ ...a, status }));
  const group: AlertGroupInput = {
    receiver: "all",
    groupLabels: { alertname },
    alerts: groupAlerts,
    externalURL: EXTERNAL_URL,
    groupKey: groupKey("{}", { alertname }),
  };
  const receiver = (config.receivers as Record<string, any>[]).find((r) => r.name === "all") ?? {};
  return KINDS.flatMap(([kind, key]) =>
    (receiver[key] as Record<string, unknown>[]).map((entry) => {
      const result = buildPayload(kind, entry, group, loaded, { global: config.global });
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      return result.payload;
    }),
  );
}

function received(alertname: string, count: number): Promise<{ [K in IntegrationKind]: unknown[] }> {
  const forGroup = (body: string): boolean => body.includes(JSON.stringify(alertname).slice(1, -1));
  return waitFor(
    () => {
      const by = (p: string): unknown[] =>
        http.requests.filter((r) => r.path === p && forGroup(r.body)).map((r) => JSON.parse(r.body));
      const mails = smtp.messages.filter((m) => m.subject.includes(alertname));
      const out = {
        slack: by("/slack"),
        pagerduty: by("/pd"),
        webhook: by("/hook"),
        email: mails as unknown[],
      };
      const emails = (config.receivers[0].email_configs as unknown[]).length;
      return Object.entries(out).every(
        ([kind, list]) => list.length >= count * (kind === "email" ? emails : 1),
      )
        ? out
        : undefined;
    },
    30_000,
    () => `${http.requests.length} requests, ${smtp.messages.length} mails\n${alertmanager.output()}`,
  );
}

function mailView(mail: unknown): Record<string, unknown> {
  const m = mail as {
    subject: string;
    headers: Map<string, unknown>;
    html: string | false;
    from: string;
    to: string[];
  };
  const address = (key: string): string => (m.headers.get(key) as { text?: string } | undefined)?.text ?? "";
  return {
    subject: m.subject,
    from: address("from"),
    to: address("to"),
    html: m.html,
    envelope: [m.from, m.to],
  };
}

function compare(got: { [K in IntegrationKind]: unknown[] }, want: Payload[], index: number): void {
  for (const payload of want) {
    const actual = got[payload.kind][index];
    if (payload.kind === "email") {
      const body = payload.body;
      const mails = (got.email as { to: string[] }[]).filter((m) => m.to.includes(body.to));
      expect(mailView(mails[index])).toEqual({
        subject: body.headers.Subject,
        from: body.headers.From,
        to: body.headers.To,
        html: body.html,
        envelope: [body.from, [body.to]],
      });
    } else if (payload.kind === "pagerduty") {
      expect(actual).toEqual({ ...payload.body, routing_key: SECRETS.PD_KEY });
    } else {
      expect(actual).toEqual(payload.body);
    }
  }
}

const inAnHour = (): string => new Date(Date.now() + 3_600_000).toISOString();

/**
 * A start a few milliseconds ago. Alertmanager flushes a new group at once when its first alert
 * started more than group_wait ago (aggrGroup.insert), which would race the rest of one POST's
 * alerts into a second message; recent starts keep every alert of a POST in the first message.
 */
const justNow = (offsetMs: number): string => new Date(Date.now() - offsetMs).toISOString();

describe("notification payloads agree with Alertmanager 0.25", () => {
  it("a firing group from a project rule, with markup, quotes and links in its annotations", async () => {
    const sample = sampleAlerts(project).find((s) => s.rule === "HighErrorRate");
    if (!sample) throw new Error("no sample");
    const alerts = [{ ...sample, startsAt: "2026-01-05T09:30:00.5Z", endsAt: inAnHour() }];
    await post(alerts);
    const got = await received("HighErrorRate", 1);
    compare(got, expected("HighErrorRate", alerts, "firing"), 0);
    const hook = http.requests.find((r) => r.path === "/hook");
    expect(hook?.headers.authorization).toBe(`Bearer ${SECRETS.HOOK_TOKEN}`);
  }, 60_000);

  it("many alerts with odd label values, truncated by the webhook's max_alerts", async () => {
    const sample = sampleAlerts(project).find((s) => s.rule === "DiskFull");
    if (!sample) throw new Error("no sample");
    const odd = [
      'quoted "value"',
      "back\\slash",
      "ünïcödé ✓ 日本",
      "a{{ b }}c",
      "line\nbreak",
      "<script>x</script>",
      "tab\there",
    ];
    const alerts = odd.map((instance, i) => ({
      ...sample,
      labels: { ...sample.labels, instance, zone: `z${i % 3}` },
      startsAt: justNow(10 * (odd.length - i)),
      endsAt: inAnHour(),
    }));
    await post(alerts);
    const got = await received("DiskFull", 1);
    const want = expected("DiskFull", alerts, "firing");
    compare(got, want, 0);
    expect((got.webhook[0] as { truncatedAlerts: number }).truncatedAlerts).toBe(odd.length - 3);
  }, 60_000);

  it("a group that fires and then resolves", async () => {
    const sample = sampleAlerts(project).find((s) => s.rule === "Flapping");
    if (!sample) throw new Error("no sample");
    const firing = [
      {
        ...sample,
        labels: { ...sample.labels, instance: "web-1" },
        startsAt: justNow(20),
        endsAt: inAnHour(),
      },
      {
        ...sample,
        labels: { ...sample.labels, instance: "web-2" },
        startsAt: justNow(10),
        endsAt: inAnHour(),
      },
    ];
    await post(firing);
    const first = await received("Flapping", 1);
    compare(first, expected("Flapping", firing, "firing"), 0);
    const endsAt = new Date(Date.now() - 1000).toISOString();
    const resolved = firing.map((a) => ({ ...a, endsAt }));
    await post(resolved);
    const second = await received("Flapping", 2);
    compare(second, expected("Flapping", resolved, "resolved"), 1);
  }, 60_000);
});
