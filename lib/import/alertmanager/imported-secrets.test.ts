import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { importAlertmanagerConfig } from "./import-alertmanager";
import { extractImportedSecrets, importedSecrets, MASK, maskImportedSecrets } from "./imported-secrets";

const conf = (name: string): unknown =>
  parse(readFileSync(path.join(import.meta.dirname, "../testdata/alertmanager", name), "utf8"));

describe("imported secrets", () => {
  it("are all found, and none is left once masked", () => {
    const { alerting } = importAlertmanagerConfig(conf("prometheus-alertmanager-conf-good.yml"));
    const secrets = importedSecrets(alerting);
    expect(secrets.map((secret) => secret.path)).toEqual([
      "receivers[1].integrations[0].routingKey",
      "receivers[3].integrations[0].routingKey",
      "receivers[4].integrations[0].routingKey",
      "receivers[5].verbatim[0].config.api_key",
      "receivers[5].verbatim[0].config.routing_key",
      "receivers[6].verbatim[0].config.api_key",
      "receivers[7].verbatim[0].config.token",
      "receivers[7].verbatim[0].config.user_key",
      "alertmanager.global.config.smtp_auth_password",
      "alertmanager.global.config.slack_api_url",
    ]);
    expect(secrets[0]).toEqual({
      path: "receivers[1].integrations[0].routingKey",
      variable: "TEAM_X_PAGER_PAGERDUTY_ROUTING_KEY",
      value: "mysecret",
    });
    const masked = JSON.stringify(maskImportedSecrets(alerting));
    for (const secret of secrets) expect(masked).not.toContain(`:${JSON.stringify(secret.value)}`);
    expect(masked).toContain(MASK);
    // Masking leaves the original untouched.
    expect(importedSecrets(alerting)).toEqual(secrets);
  });
});

describe("extractImportedSecrets", () => {
  it("takes every literal out under a fresh name, leaving only references, and is idempotent", () => {
    const { alerting } = importAlertmanagerConfig(conf("prometheus-alertmanager-conf-good.yml"));
    const before = importedSecrets(alerting).filter(
      // VictorOps's routing_key names a route: it stays as it was.
      (secret) => secret.path !== "receivers[5].verbatim[0].config.routing_key",
    );
    const { section, secrets } = extractImportedSecrets(alerting);
    expect(secrets.map((secret) => secret.value).sort()).toEqual(before.map((secret) => secret.value).sort());
    const names = secrets.map((secret) => secret.name);
    expect(new Set(names).size).toBe(names.length);
    const text = JSON.stringify(section);
    expect(text).not.toContain("importedValue");
    for (const secret of before) expect(text).not.toContain(`:${JSON.stringify(secret.value)}`);
    expect(text).toContain('"routing_key":"Sample_route"');
    expect(section.alertmanager.global?.secretRefs).toEqual({
      smtp_auth_password: "ALERTMANAGER_SMTP_AUTH_PASSWORD",
      slack_api_url: "ALERTMANAGER_SLACK_API_URL",
    });
    expect(extractImportedSecrets(section)).toEqual({ section, secrets: [] });
  });

  it("never takes a masked value sent back by a page for a value", () => {
    const { alerting } = importAlertmanagerConfig(conf("prometheus-alertmanager-conf-good.yml"));
    const { secrets } = extractImportedSecrets(maskImportedSecrets(alerting));
    expect(secrets).toEqual([]);
  });
});
