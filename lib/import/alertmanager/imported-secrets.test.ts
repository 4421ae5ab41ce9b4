import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { importAlertmanagerConfig } from "./import-alertmanager";
import {
  extractImportedSecrets,
  importedSecrets,
  isSealedValue,
  MASK,
  maskImportedSecrets,
  SEALED_PREFIX,
  withImportedSecretValues,
} from "./imported-secrets";

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

describe("withImportedSecretValues", () => {
  it("replaces exactly the values a save takes out, which then come out under the same names", () => {
    const { alerting } = importAlertmanagerConfig(conf("prometheus-alertmanager-conf-good.yml"));
    const plain = extractImportedSecrets(alerting);
    const sealed = withImportedSecretValues(alerting, (value) => `${SEALED_PREFIX}<${value}>`);
    const text = JSON.stringify(sealed);
    for (const secret of plain.secrets) expect(text).not.toContain(`:${JSON.stringify(secret.value)}`);
    // VictorOps's routing_key is no secret: it stays as written.
    expect(text).toContain('"routing_key":"Sample_route"');
    const fromSealed = extractImportedSecrets(sealed);
    expect(fromSealed.secrets).toEqual(
      plain.secrets.map((secret) => ({ ...secret, value: `${SEALED_PREFIX}<${secret.value}>` })),
    );
    expect(fromSealed.secrets.every((secret) => isSealedValue(secret.value))).toBe(true);
    expect(fromSealed.section).toEqual(plain.section);
    // The original is untouched, and masked values are left alone.
    expect(extractImportedSecrets(alerting)).toEqual(plain);
    expect(withImportedSecretValues(maskImportedSecrets(alerting), () => "x")).toEqual(
      maskImportedSecrets(alerting),
    );
  });

  it("says where each secret was, never what", () => {
    const { alerting } = importAlertmanagerConfig(conf("prometheus-alertmanager-conf-good.yml"));
    const { secrets } = extractImportedSecrets(alerting);
    expect(secrets.map((secret) => secret.where)).toContain('receiver "team-X-pager" pagerduty routingKey');
    expect(secrets.map((secret) => secret.where)).toContain("global smtp_auth_password");
    // The corpus holds short sample values ("key") that a path can name by chance.
    for (const secret of secrets.filter((secret) => secret.value.length > 8))
      expect(secret.where).not.toContain(secret.value);
  });
});
