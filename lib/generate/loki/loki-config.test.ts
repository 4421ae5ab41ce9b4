import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { expectGolden } from "../golden";
import { smallProject } from "../testdata/small-project";
import { generateLoki, LOKI_CONFIG_PATH } from "./loki-config";

function lokiConfig(project = smallProject()): Record<string, Record<string, unknown>> {
  const files = generateLoki(project);
  expect(files.map((file) => file.path)).toEqual([LOKI_CONFIG_PATH]);
  return parse(files[0]?.content ?? "");
}

describe("generateLoki", () => {
  it("matches the golden file for the small project", () => {
    expectGolden(import.meta.dirname, "small", generateLoki(smallProject()));
  });

  it("keeps logs for the project's retention, with the compactor deleting them", () => {
    const config = lokiConfig({ ...smallProject(), retention: { metrics: "15d", logs: "90d" } });
    expect(config.limits_config?.retention_period).toBe("90d");
    expect(config.compactor).toMatchObject({ retention_enabled: true, delete_request_store: "filesystem" });
  });

  it("is a single-binary, filesystem-backed Loki 3 with TSDB/v13 and no telemetry", () => {
    const config = lokiConfig();
    expect(config.auth_enabled).toBe(false);
    expect(config.server?.http_listen_port).toBe(3100);
    expect(config.common).toMatchObject({ replication_factor: 1, ring: { kvstore: { store: "inmemory" } } });
    expect(config.schema_config?.configs).toEqual([
      {
        from: "2024-01-01",
        store: "tsdb",
        object_store: "filesystem",
        schema: "v13",
        index: { prefix: "index_", period: "24h" },
      },
    ]);
    expect(config.ruler?.alertmanager_url).toBe("http://alertmanager:9093");
    expect(config.analytics?.reporting_enabled).toBe(false);
  });

  it("writes nothing when logs are off", () => {
    const project = smallProject();
    expect(generateLoki({ ...project, logs: { enabled: false, shipper: "alloy" } })).toEqual([]);
  });
});
