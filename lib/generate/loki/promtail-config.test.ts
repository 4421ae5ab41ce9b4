import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { Project } from "../../model";
import { expectGolden } from "../golden";
import { smallProject } from "../testdata/small-project";
import { generatePromtail, PROMTAIL_CONFIG_PATH } from "./promtail-config";

function promtailProject(): Project {
  return { ...smallProject(), logs: { enabled: true, shipper: "promtail" } };
}

describe("generatePromtail", () => {
  it("matches the golden file for the small project shipping with Promtail", () => {
    expectGolden(import.meta.dirname, "small-promtail", generatePromtail(promtailProject()));
  });

  it("says that Promtail is end of life and Alloy replaces it", () => {
    const text = generatePromtail(promtailProject())[0]?.content ?? "";
    expect(text).toMatch(/^# .*end of life on 2026-03-02.*Alloy replaces it/m);
  });

  it("pushes to Loki with the project's labels and reads Docker and /var/log", () => {
    const files = generatePromtail(promtailProject());
    expect(files.map((file) => file.path)).toEqual([PROMTAIL_CONFIG_PATH]);
    const config = parse(files[0]?.content ?? "");
    expect(config.clients).toEqual([
      {
        url: "http://loki:3100/loki/api/v1/push",
        external_labels: { app: "shop-api", environment: "production" },
      },
    ]);
    const [docker, varlogs] = config.scrape_configs;
    expect(docker.docker_sd_configs[0].host).toBe("unix:///var/run/docker.sock");
    expect(docker.relabel_configs.map((rule: { target_label: string }) => rule.target_label)).toEqual([
      "container",
      "compose_service",
    ]);
    expect(varlogs.static_configs[0].labels).toEqual({ job: "varlogs", __path__: "/var/log/*.log" });
    for (const scrape of config.scrape_configs) {
      expect(scrape.pipeline_stages[0].json.expressions).toMatchObject({
        level: "level",
        trace_id: "trace_id",
      });
      expect(scrape.pipeline_stages[1]).toEqual({ labels: { level: "level" } });
    }
  });

  it("writes nothing when Alloy ships the logs or logs are off", () => {
    expect(generatePromtail(smallProject())).toEqual([]);
    expect(generatePromtail({ ...smallProject(), logs: { enabled: false, shipper: "promtail" } })).toEqual(
      [],
    );
  });
});
