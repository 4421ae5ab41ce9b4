import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { importAlertmanagerConfig } from "../../import/alertmanager";
import { parseProject } from "../../model";
import { expectToolAccepts } from "../../testing/run-tool";
import { expectGolden } from "../golden";
import { smallProject } from "../testdata/small-project";
import { generateAlertmanager } from ".";

describe("generateAlertmanager", () => {
  it("matches the golden files", () => {
    expectGolden(import.meta.dirname, "small", generateAlertmanager(smallProject()));
  });

  it("is accepted by amtool with every receiver type and the templates", () => {
    const output = expectToolAccepts(generateAlertmanager(smallProject()), "amtool", () => [
      "check-config",
      "alertmanager/alertmanager.yml",
    ]);
    expect(output).toContain("2 receivers");
    expect(output).toContain("1 templates");
  });

  it("keeps every secret in a file, never inline", () => {
    const [config] = generateAlertmanager(smallProject());
    const text = config?.content ?? "";
    for (const field of ["api_url_file", "auth_password_file", "routing_key_file", "credentials_file"]) {
      expect(text).toContain(`${field}: /run/secrets/`);
    }
    expect(text).not.toMatch(/hooks\.slack\.com|routing_key:|api_url:|auth_password:/);
  });

  it("routes by severity and inhibits warnings while the critical alert fires", () => {
    const config = parse(generateAlertmanager(smallProject())[0]?.content ?? "") as Record<string, any>;
    expect(config.route.routes[0]).toMatchObject({ receiver: "critical", matchers: ['severity="critical"'] });
    expect(config.inhibit_rules[0]).toEqual({
      source_matchers: ['severity="critical"'],
      target_matchers: ['severity="warning"'],
      equal: ["alertname"],
    });
  });

  it("routes a test alert where amtool says it goes", () => {
    expectToolAccepts(generateAlertmanager(smallProject()), "amtool", () => [
      "config",
      "routes",
      "test",
      "--config.file=alertmanager/alertmanager.yml",
      "--verify.receivers=critical",
      "severity=critical",
      "alertname=Test",
    ]);
  });

  it("quotes matcher values so special characters survive", () => {
    const project = parseProject({
      ...smallProject(),
      route: {
        receiver: "default",
        routes: [{ receiver: "critical", matchers: [{ label: "team", op: "=~", value: 'api|"web"' }] }],
      },
    });
    const files = generateAlertmanager(project);
    expect(files[0]?.content).toContain('team=~"api|\\"web\\""');
    expectToolAccepts(files, "amtool", () => ["check-config", "alertmanager/alertmanager.yml"]);
  });
});

describe("generateAlertmanager on an imported configuration", () => {
  const importedProject = () => {
    const text = readFileSync(
      path.join(
        import.meta.dirname,
        "../../import/testdata/alertmanager/prometheus-alertmanager-conf-good.yml",
      ),
      "utf8",
    );
    const { alerting } = importAlertmanagerConfig(parse(text));
    return parseProject({
      name: "imported",
      ...alerting,
      receivers: [
        ...alerting.receivers,
        {
          name: "hook",
          integrations: [
            {
              type: "webhook",
              url: "http://hooks.internal/alert",
              basicAuth: { username: "am", password: { secret: "HOOK_PASSWORD" } },
              maxAlerts: 5,
              extra: { http_config: { proxy_url: "http://proxy:3128" } },
            },
          ],
        },
      ],
      route: {
        ...alerting.route,
        routes: [
          ...alerting.route.routes,
          {
            receiver: "hook",
            matchers: [{ label: "team", op: "=", value: "tab\there" }],
            muteTimeIntervals: ["nights"],
          },
        ],
      },
      alertmanager: {
        ...alerting.alertmanager,
        timeIntervals: [
          {
            name: "nights",
            timeIntervals: [
              { times: [{ startTime: "00:00", endTime: "06:00" }], weekdays: ["monday:friday"] },
            ],
          },
        ],
      },
    });
  };

  it("matches the golden files: legacy match kept, verbatim integrations and global, time intervals", () => {
    expectGolden(import.meta.dirname, "imported", generateAlertmanager(importedProject()));
  });

  it("is accepted by amtool", () => {
    const output = expectToolAccepts(generateAlertmanager(importedProject()), "amtool", () => [
      "check-config",
      "alertmanager/alertmanager.yml",
    ]);
    expect(output).toContain("10 receivers");
  });

  it("routes a value with a tab where amtool does (escaped as the matcher parser reads it)", () => {
    expectToolAccepts(generateAlertmanager(importedProject()), "amtool", () => [
      "config",
      "routes",
      "test",
      "--config.file=alertmanager/alertmanager.yml",
      "--verify.receivers=hook",
      "team=tab\there",
    ]);
  });
});
