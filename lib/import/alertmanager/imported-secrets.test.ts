import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { importAlertmanagerConfig } from "./import-alertmanager";
import { importedSecrets, MASK, maskImportedSecrets } from "./imported-secrets";

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
