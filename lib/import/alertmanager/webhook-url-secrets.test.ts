import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { generateAlertmanager } from "../../generate/alertmanager";
import { parseProject } from "../../model";
import { expectToolAccepts } from "../../testing/run-tool";
import { makeTempDir } from "../../tools/files";
import { extractImportedSecrets, importAlertmanagerConfig } from ".";
import { urlCarriesCredential } from "./secrets";
import { routingDifferences } from "./testing/routing-oracle";

const dir = makeTempDir("obsforge-webhook-url-secrets");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("urlCarriesCredential", () => {
  it.each([
    ["https://hooks.slack.com/services/T000/B000/XXXXXXXX", true],
    ["https://hooks.slack.com/workflows/T000/A000/123/abc", true],
    ["https://discord.com/api/webhooks/123/abc-token", true],
    ["https://ptb.discordapp.com/api/webhooks/123/abc", true],
    ["https://contoso.webhook.office.com/webhookb2/abc@def/IncomingWebhook/x/y", true],
    ["https://outlook.office.com/webhook/abc/IncomingWebhook/x/y", true],
    ["https://hooks.zapier.com/hooks/catch/123/abc/", true],
    ["https://api.telegram.org/bot123:ABC/sendMessage", true],
    ["https://maker.ifttt.com/trigger/alert/with/key/abc", true],
    ["https://events.pagerduty.com/integration/abc123/enqueue", true],
    ["https://example.org/hook?token=abc", true],
    ["https://example.org/hook?api_key=abc&x=1", true],
    ["https://example.org/hook?sig=abc", true],
    ["https://user:pass@example.org/hook", true],
    ["https://user@example.org/hook", true],
    ["https://example.org/hook", false],
    ["https://example.org/hook?channel=ops", false],
    ["https://hooks.slack.com/", false],
    ["https://discord.com/channels/1/2", false],
    ["http://127.0.0.1:5001/", false],
    ["not a url", false],
    ['{{ template "url" . }}', false],
  ])("%s → %s", (url, expected) => {
    expect(urlCarriesCredential(url)).toBe(expected);
  });
});

const SLACK_HOOK = "https://hooks.slack.com/services/T0LEAK/B0LEAK/slackhooktokenLEAK";
const TOKEN_PARAM = "https://hooks.example.org/alerts?token=queryparamtokenLEAK";
const USERINFO = "https://bot:userinfopasswordLEAK@hooks.example.org/alerts";
const PLAIN = "https://hooks.example.org/plain";

const CONFIG = `
route:
  receiver: plain
  routes:
    - receiver: slackish
      matchers: [team="a"]
    - receiver: tokened
      matchers: [team=~"b|c"]
      continue: true
    - receiver: userinfo
      match: { team: c }
receivers:
  - name: plain
    webhook_configs:
      - url: ${PLAIN}
  - name: slackish
    webhook_configs:
      - url: ${SLACK_HOOK}
        max_alerts: 5
  - name: tokened
    webhook_configs:
      - url: ${TOKEN_PARAM}
        send_resolved: false
  - name: userinfo
    webhook_configs:
      - url: ${USERINFO}
`;

describe("an imported webhook URL that carries a token", () => {
  it("is a secret: kept verbatim with the URL marked, moved to encrypted storage, never exported", async () => {
    const { alerting, report } = importAlertmanagerConfig(parse(CONFIG));
    const byName = Object.fromEntries(alerting.receivers.map((receiver) => [receiver.name, receiver]));
    // A plain URL stays an editable webhook integration.
    expect(byName.plain?.integrations).toMatchObject([{ type: "webhook", url: PLAIN }]);
    for (const name of ["slackish", "tokened", "userinfo"]) {
      expect(byName[name]?.integrations, name).toEqual([]);
      expect(byName[name]?.verbatim, name).toMatchObject([{ key: "webhook_configs", secretPaths: ["url"] }]);
    }
    expect(report.secrets).toHaveLength(3);
    for (const line of report.secrets)
      for (const url of [SLACK_HOOK, TOKEN_PARAM, USERINFO]) expect(line).not.toContain(url);

    const { section, secrets } = extractImportedSecrets(alerting);
    expect(Object.fromEntries(secrets.map((secret) => [secret.name, secret.value]))).toEqual({
      SLACKISH_WEBHOOK_URL: SLACK_HOOK,
      TOKENED_WEBHOOK_URL: TOKEN_PARAM,
      USERINFO_WEBHOOK_URL: USERINFO,
    });
    expect(JSON.stringify(section)).not.toContain("LEAK");

    const project = parseProject({ name: "webhooks", ...alerting });
    const files = generateAlertmanager(project);
    const exported = files.find((file) => file.path === "alertmanager/alertmanager.yml")?.content ?? "";
    expect(exported).not.toContain("LEAK");
    expect(exported).toContain(PLAIN);
    expectToolAccepts(files, "amtool", () => ["check-config", "alertmanager/alertmanager.yml"]);
    const routed = await routingDifferences(CONFIG, exported, dir, 60, 3);
    expect(routed.differences).toEqual([]);
  }, 60_000);
});
