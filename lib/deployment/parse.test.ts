import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateBundle } from "../generate/bundle";
import { checkProject } from "../model";
import { checkBundleWithTools } from "../tools/real-tools";
import { parseDeploymentYaml, YamlInputError } from "./parse";

const example = readFileSync(path.join(import.meta.dirname, "../../examples/deployment.yaml"), "utf8");

function issuesOf(text: string): string[] {
  try {
    parseDeploymentYaml(text);
  } catch (error) {
    if (error instanceof YamlInputError) return error.message.split("\n");
    throw error;
  }
  return [];
}

describe("parseDeploymentYaml", () => {
  it("turns seed 000's deployment.yaml into a valid standard-level project", () => {
    const { project, notes } = parseDeploymentYaml(example);
    expect(checkProject(project).filter((issue) => issue.severity === "error")).toEqual([]);
    expect(project.name).toBe("my-app");
    expect(project.level).toBe("standard");
    expect(project.retention).toEqual({ metrics: "30d", logs: "30d" });
    expect(project.dashboards.map((d) => d.uid)).toEqual(
      expect.arrayContaining(["fraiseql-performance", "fraiseql-postgres", "fraiseql-infrastructure"]),
    );
    const custom = project.ruleGroups.find((group) => group.name === "deployment-rules");
    expect(
      custom?.rules.map((rule) =>
        rule.kind === "alert" ? [rule.alert, rule.labels.severity, rule.for] : [],
      ),
    ).toEqual([
      ["high_cpu", "warning", "5m"],
      ["database_connections", "critical", "2m"],
      ["graphql_errors", "critical", "1m"],
    ]);
    expect(project.receivers.map((r) => [r.name, r.integrations.map((i) => i.type)])).toEqual([
      ["default", ["email", "slack"]],
      ["critical", ["email", "slack", "pagerduty"]],
    ]);
    expect(notes).toEqual([
      {
        path: "monitoring.alerts.channels[1].webhook_url",
        line: 25,
        column: 22,
        message: "the Slack webhook URL is a secret: it is not copied into the bundle; set it in .env",
      },
    ]);
  });

  it("never copies a secret value into the bundle", () => {
    const text = example.replace(
      "https://hooks.slack.com/...",
      "https://hooks.slack.com/services/T0/B0/s3cr3t",
    );
    const files = generateBundle(parseDeploymentYaml(text).project);
    expect(files.some((file) => file.content.includes("s3cr3t"))).toBe(false);
    expect(files.find((file) => file.path === ".env.example")?.content).toContain("SLACK_WEBHOOK_URL=");
  });

  it("gives alerts from conditions unit tests that real promtool passes", () => {
    const files = generateBundle(parseDeploymentYaml(example).project);
    const test = files.find((file) => file.path === "prometheus/tests/deployment-rules.test.yml");
    expect(test?.content).toContain("alertname: graphql_errors");
    for (const verdict of checkBundleWithTools(files))
      expect(verdict.ok, `${verdict.command}\n${verdict.output}`).toBe(true);
  });

  it("covers every condition metric with tests that promtool passes, both versions", () => {
    const rules = [
      "cpu > 80%",
      "memory >= 85%",
      "disk > 90%",
      "disk_free < 10%",
      "connections > 80%",
      "error_rate > 5%",
      "latency_p50 > 100ms",
      "latency_p95 > 500ms",
      "latency_p99 > 1s",
      "latency_p99 < 2s",
    ]
      .map(
        (condition, i) =>
          `      - { name: rule_${i}, condition: "${condition}", duration: 3m, severity: warning }`,
      )
      .join("\n");
    for (const version of ["v1", "v2"]) {
      const text = `deployment: { name: probe, version: ${version} }\nmonitoring:\n  level: basic\n  alerts:\n    rules:\n${rules}\n`;
      const files = generateBundle(parseDeploymentYaml(text).project);
      for (const verdict of checkBundleWithTools(files))
        expect(verdict.ok, `${version}: ${verdict.command}\n${verdict.output}`).toBe(true);
    }
  });

  it("names the line of a bad condition", () => {
    expect(issuesOf(example.replace("cpu > 80%", "cpux > 80%"))).toEqual([
      'deployment.yaml:29:20: monitoring.alerts.rules[0].condition: unknown metric "cpux" in condition: expected one of cpu, memory, disk, disk_free, connections, error_rate, latency_p50, latency_p95, latency_p99',
    ]);
  });

  it("refuses a name longer than a project's, naming its line (found by fuzzing: it was a 500)", () => {
    const [issue] = issuesOf(example.replace("name: my-app", `name: ${"x".repeat(101)}`));
    expect(issue).toMatch(
      /^deployment\.yaml:\d+:\d+: deployment\.name: Too big: expected string to have <=100 characters/,
    );
  });

  it("names the line of a bad duration, level and channel", () => {
    const text = example
      .replace("duration: 2m", "duration: 2x")
      .replace("level: standard", "level: gold")
      .replace("type: email", "type: teams");
    expect(issuesOf(text)).toEqual([
      'deployment.yaml:9:10: monitoring.level: Invalid option: expected one of "basic"|"standard"|"enterprise"',
      'deployment.yaml:22:15: monitoring.alerts.channels[0].type: unknown alert channel type "teams": expected one of email, slack, pagerduty, webhook',
      'deployment.yaml:34:19: monitoring.alerts.rules[1].duration: bad duration "2x": expected a Prometheus duration such as 30s, 5m, 1h30m or 15d',
    ]);
  });

  it("reports malformed YAML with its line", () => {
    expect(issuesOf("deployment:\n  name: [unclosed\n")[0]).toMatch(/^deployment\.yaml:\d+:\d+: /);
  });

  it("requires a deployment name", () => {
    expect(issuesOf("monitoring:\n  level: basic\n")).toEqual([
      "deployment.yaml:1:1: deployment: missing: add a deployment: section with at least a name",
    ]);
  });
});
