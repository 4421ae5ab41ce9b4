import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { expectToolAccepts } from "../../testing/run-tool";
import { expectGolden } from "../golden";
import { smallProject } from "../testdata/small-project";
import { generatePrometheusConfig } from "./prometheus-config";

describe("generatePrometheusConfig", () => {
  it("matches the golden file", () => {
    expectGolden(import.meta.dirname, "small-config", generatePrometheusConfig(smallProject()));
  });

  it("is accepted by promtool", () => {
    expectToolAccepts(generatePrometheusConfig(smallProject()), "promtool", () => [
      "check",
      "config",
      "--syntax-only",
      "prometheus/prometheus.yml",
    ]);
  });

  it("reads the FraiseQL v2 scrape token from a mounted file, never inline", () => {
    const [file] = generatePrometheusConfig(smallProject());
    const config = parse(file?.content ?? "") as { scrape_configs: Record<string, any>[] };
    const app = config.scrape_configs.find((scrape) => scrape.job_name === "fraiseql");
    expect(app?.authorization).toEqual({
      type: "Bearer",
      credentials_file: "/run/secrets/fraiseql_metrics_token",
    });
    expect(file?.content).not.toMatch(/credentials:|bearer_token:/);
  });

  it("omits rule_files when there are no rules", () => {
    const project = { ...smallProject(), ruleGroups: [] };
    const config = parse(generatePrometheusConfig(project)[0]?.content ?? "") as Record<string, unknown>;
    expect(config.rule_files).toBeUndefined();
  });
});
