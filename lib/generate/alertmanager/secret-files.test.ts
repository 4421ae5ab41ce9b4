import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { importAlertmanagerConfig, importedSecrets } from "../../import/alertmanager";
import { parseProject } from "../../model";
import { expectToolAccepts } from "../../testing/run-tool";
import { generateBundle } from "../bundle";
import { inlinePlaceholder, readsFromFile, withSecretFiles } from "./secret-files";

const corpus = path.join(import.meta.dirname, "../../import/testdata/alertmanager");

describe("the bundle of an imported configuration with literal secrets", () => {
  for (const file of ["prometheus-alertmanager-conf-good.yml", "kube-prometheus-stack.yml", "dockprom.yml"]) {
    it(`${file}: holds no secret value anywhere, and amtool accepts it`, () => {
      const { alerting } = importAlertmanagerConfig(parse(readFileSync(path.join(corpus, file), "utf8")));
      const project = parseProject({ name: "imported", ...alerting, kubernetes: { enabled: true } });
      const files = generateBundle(project);
      const values = importedSecrets(alerting)
        .map((secret) => secret.value)
        // Values too short or too common to search for (a route name such as "Sample_route" is not a secret).
        .filter((value) => value.length >= 6 && value !== "Sample_route");
      for (const { path: where, content } of files)
        for (const value of values) expect(content.includes(value), `${value} in ${where}`).toBe(false);
      expectToolAccepts(files, "amtool", () => ["check-config", "alertmanager/alertmanager.yml"]);
      // Every file the configuration reads is one docker compose mounts.
      const config = files.find((f) => f.path === "alertmanager/alertmanager.yml")?.content ?? "";
      const compose = files.find((f) => f.path === "docker-compose.yml")?.content ?? "";
      for (const [, mounted] of config.matchAll(/_file: \/run\/secrets\/(\S+)/g))
        expect(compose).toContain(mounted);
    });
  }
});

describe("withSecretFiles", () => {
  it("writes <key>_file where Alertmanager 0.25 has one, and a placeholder (a URL where one is due) elsewhere", () => {
    expect(readsFromFile("http_config.basic_auth.password")).toBe(true);
    expect(readsFromFile("token")).toBe(false);
    expect(
      withSecretFiles({
        config: { http_config: { basic_auth: { username: "u" } }, chat_id: 1 },
        secretPaths: [],
        secretRefs: {
          "http_config.basic_auth.password": "HOOK_PASSWORD",
          bot_token: "BOT",
          webhook_url: "HOOK",
        },
      }),
    ).toEqual({
      http_config: { basic_auth: { username: "u", password_file: "/run/secrets/hook_password" } },
      chat_id: 1,
      bot_token: inlinePlaceholder("bot_token", "BOT"),
      webhook_url: "https://secret.invalid/HOOK",
    });
  });
});
