import { describe, expect, it } from "vitest";
import { type Project, ReceiverSchema } from "../../model";
import { collectSecrets } from "../names";
import { smallProject } from "../testdata/small-project";
import { ENV_EXAMPLE_PATH, generateEnvExample } from "./env-example";
import { secretUses } from "./secret-uses";

function envText(project: Project): string {
  const files = generateEnvExample(project);
  expect(files.map((file) => file.path)).toEqual([ENV_EXAMPLE_PATH]);
  return files[0]?.content ?? "";
}

function variableNames(text: string): string[] {
  return text
    .split("\n")
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map((line) => line.replace(/=$/, ""));
}

/** Every integration type, with every optional secret set, so no secret-bearing field is missed. */
function projectWithEveryIntegration(): Project {
  const receiver = ReceiverSchema.parse({
    name: "all",
    integrations: [
      { type: "slack", channel: "#x", apiUrl: { secret: "SLACK_URL" } },
      { type: "email", to: "a@example.com", authPassword: { secret: "MAIL_PASSWORD" } },
      { type: "pagerduty", routingKey: { secret: "PD_KEY" } },
      { type: "webhook", url: "http://hook:1/x", authorization: { credentials: { secret: "HOOK_TOKEN" } } },
    ],
  });
  return { ...smallProject(), receivers: [...smallProject().receivers, receiver] };
}

describe("generateEnvExample", () => {
  it("lists every secret, the Grafana admin password and the exporter DSN, empty and sorted", () => {
    const project = smallProject();
    const names = variableNames(envText(project));
    const expected = [
      ...collectSecrets(project).map((ref) => ref.secret),
      "GRAFANA_ADMIN_PASSWORD",
      "DATA_SOURCE_NAME",
    ].sort();
    expect(names).toEqual(expected);
  });

  it("says what uses each secret", () => {
    const text = envText(smallProject());
    expect(text).toContain(
      '# Used as the bearer token of Prometheus scrape job "fraiseql".\nFRAISEQL_METRICS_TOKEN=\n',
    );
    expect(text).toContain(
      '# Used as the SMTP password of Alertmanager receiver "default".\nSMTP_PASSWORD=\n',
    );
    expect(text).toContain('Grafana datasource "Application DB"');
  });

  it("gives one line per use when a secret is shared", () => {
    const project = smallProject();
    const shared = project.scrapeTargets.map((target) =>
      target.job === "node" ? { ...target, bearerToken: { secret: "FRAISEQL_METRICS_TOKEN" } } : target,
    );
    const text = envText({ ...project, scrapeTargets: shared });
    expect(text).toMatch(
      /job "fraiseql"\.\n# Used as the bearer token of Prometheus scrape job "node"\.\nFRAISEQL_METRICS_TOKEN=/,
    );
    expect(variableNames(text).filter((name) => name === "FRAISEQL_METRICS_TOKEN")).toHaveLength(1);
  });

  it("asks for DATA_SOURCE_NAME only when postgres-exporter runs", () => {
    const project = smallProject();
    const withoutExporter = project.scrapeTargets.filter((target) => target.kind !== "postgres-exporter");
    expect(variableNames(envText({ ...project, scrapeTargets: withoutExporter }))).not.toContain(
      "DATA_SOURCE_NAME",
    );
  });

  it("is the same text every time", () => {
    expect(envText(smallProject())).toBe(envText(smallProject()));
  });
});

describe("secretUses", () => {
  it("names exactly the secrets collectSecrets finds", () => {
    for (const project of [smallProject(), projectWithEveryIntegration()]) {
      const used = [...new Set(secretUses(project).map((use) => use.secret))].sort();
      expect(used).toEqual(collectSecrets(project).map((ref) => ref.secret));
    }
  });

  it("sends receiver secrets to Alertmanager, scrape tokens to Prometheus, datasource passwords to Grafana", () => {
    const consumers = Object.fromEntries(
      secretUses(projectWithEveryIntegration()).map((use) => [use.secret, use.consumer]),
    );
    expect(consumers).toMatchObject({
      FRAISEQL_METRICS_TOKEN: "prometheus",
      APP_DB_READER_PASSWORD: "grafana",
      SLACK_URL: "alertmanager",
      MAIL_PASSWORD: "alertmanager",
      PD_KEY: "alertmanager",
      HOOK_TOKEN: "alertmanager",
    });
  });
});
