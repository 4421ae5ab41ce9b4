import { describe, expect, it } from "vitest";
import { parse } from "yaml";
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
