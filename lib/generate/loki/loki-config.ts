import type { Project } from "../../model";
import type { GeneratedFile } from "../types";
import { GENERATED_HEADER, toYaml } from "../yaml";
import { LOKI_HTTP_PORT } from "./log-pipeline";

export const LOKI_CONFIG_PATH = "loki/loki-config.yml";
/** Where the compose file mounts the config inside the Loki container. */
export const LOKI_CONFIG_MOUNT = "/etc/loki/loki-config.yml";
export const LOKI_DATA_DIR = "/loki";

/** The date the TSDB/v13 schema starts; fixed so that regenerating never changes the schema history. */
const SCHEMA_START = "2024-01-01";

interface LokiConfig {
  auth_enabled: boolean;
  server: { http_listen_port: number; grpc_listen_port: number; log_level: string };
  common: {
    instance_addr: string;
    path_prefix: string;
    storage: { filesystem: { chunks_directory: string; rules_directory: string } };
    replication_factor: number;
    ring: { kvstore: { store: string } };
  };
  schema_config: {
    configs: {
      from: string;
      store: string;
      object_store: string;
      schema: string;
      index: { prefix: string; period: string };
    }[];
  };
  limits_config: {
    retention_period: string;
    reject_old_samples: boolean;
    reject_old_samples_max_age: string;
    allow_structured_metadata: boolean;
    volume_enabled: boolean;
  };
  compactor: {
    working_directory: string;
    compaction_interval: string;
    retention_enabled: boolean;
    retention_delete_delay: string;
    delete_request_store: string;
  };
  ruler: { alertmanager_url: string };
  analytics: { reporting_enabled: boolean };
}

function lokiConfig(project: Project): LokiConfig {
  return {
    auth_enabled: false,
    server: { http_listen_port: LOKI_HTTP_PORT, grpc_listen_port: 9096, log_level: "info" },
    common: {
      instance_addr: "127.0.0.1",
      path_prefix: LOKI_DATA_DIR,
      storage: {
        filesystem: {
          chunks_directory: `${LOKI_DATA_DIR}/chunks`,
          rules_directory: `${LOKI_DATA_DIR}/rules`,
        },
      },
      replication_factor: 1,
      ring: { kvstore: { store: "inmemory" } },
    },
    schema_config: {
      configs: [
        {
          from: SCHEMA_START,
          store: "tsdb",
          object_store: "filesystem",
          schema: "v13",
          index: { prefix: "index_", period: "24h" },
        },
      ],
    },
    limits_config: {
      retention_period: project.retention.logs,
      reject_old_samples: true,
      reject_old_samples_max_age: "168h",
      // The shippers put trace ids in structured metadata rather than in labels.
      allow_structured_metadata: true,
      volume_enabled: true,
    },
    compactor: {
      working_directory: `${LOKI_DATA_DIR}/compactor`,
      compaction_interval: "10m",
      // Without the compactor's retention, retention_period is only a number: nothing is deleted.
      retention_enabled: true,
      retention_delete_delay: "2h",
      delete_request_store: "filesystem",
    },
    ruler: { alertmanager_url: "http://alertmanager:9093" },
    analytics: { reporting_enabled: false },
  };
}

/** Loki 3.x as a single binary on the local filesystem; nothing when logs are off. */
export function generateLoki(project: Project): GeneratedFile[] {
  if (!project.logs.enabled) return [];
  return [{ path: LOKI_CONFIG_PATH, content: toYaml(lokiConfig(project), GENERATED_HEADER) }];
}
