import { describe, expect, it } from "vitest";
import { projectFromTemplate } from "../catalog/templates";
import { checkProject, type Level, type Project } from "../model";
import { checkBundleWithTools } from "../tools/real-tools";
import { generateBundle } from "./bundle";
import { checkBundleFiles } from "./bundle-checks";
import { smallProject } from "./testdata/small-project";
import { zipBundle } from "./zip";

const LEVELS: Level[] = ["basic", "standard", "enterprise"];

const cases: [string, () => Project][] = [
  ...LEVELS.flatMap((level) =>
    (["v2", "v1"] as const).map((version): [string, () => Project] => [
      `${level} catalog, FraiseQL ${version}`,
      () => projectFromTemplate({ name: `Shop ${level}`, level, version }),
    ]),
  ),
  ["a project using every receiver type", smallProject],
];

describe.each(cases)("the bundle of %s", (_name, build) => {
  const project = build();
  const files = generateBundle(project);

  it("is a valid project with a complete file layout", () => {
    expect(checkProject(project).filter((issue) => issue.severity === "error")).toEqual([]);
    const paths = files.map((file) => file.path);
    for (const expected of [
      "README.md",
      ".env.example",
      "docker-compose.yml",
      "prometheus/prometheus.yml",
      "alertmanager/alertmanager.yml",
      "alertmanager/templates/obsforge.tmpl",
      "grafana/provisioning/datasources/datasources.yml",
      "grafana/provisioning/dashboards/dashboards.yml",
      "loki/loki-config.yml",
      "kubernetes/prometheus-rule.yaml",
      "kubernetes/values.yaml",
      "runbooks/README.md",
    ]) {
      expect(paths).toContain(expected);
    }
    expect(paths.filter((p) => p.startsWith("grafana/dashboards/"))).toHaveLength(project.dashboards.length);
    expect(paths.some((p) => p.startsWith("prometheus/rules/"))).toBe(true);
    expect(paths.some((p) => p.startsWith("prometheus/tests/"))).toBe(true);
  });

  it("has every runbook and dashboard link resolving inside it", () => {
    expect(checkBundleFiles(files, project.links.runbookBaseUrl)).toEqual([]);
  });

  it("is accepted by promtool (config, rules, unit tests) and amtool", () => {
    const verdicts = checkBundleWithTools(files);
    expect(verdicts.map((verdict) => verdict.command)).toEqual([
      "promtool check config --syntax-only prometheus/prometheus.yml",
      expect.stringMatching(/^promtool check rules /),
      expect.stringMatching(/^promtool test rules /),
      "amtool check-config alertmanager/alertmanager.yml",
    ]);
    for (const verdict of verdicts) expect(verdict.ok, `${verdict.command}\n${verdict.output}`).toBe(true);
  });

  it("is the same zip, byte for byte, when generated again", () => {
    const again = generateBundle(build());
    expect(Buffer.from(zipBundle(again)).equals(Buffer.from(zipBundle(files)))).toBe(true);
  });

  it("holds no image pinned to latest and no secret value", () => {
    for (const file of files) {
      expect(file.content, file.path).not.toMatch(/image:\s*\S+:latest\b/);
      expect(file.content, file.path).not.toMatch(/hooks\.slack\.com\/services\/|BEGIN [A-Z ]*PRIVATE KEY/);
    }
  });
});
