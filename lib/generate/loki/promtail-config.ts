import type { Project } from "../../model";
import type { GeneratedFile } from "../types";
import { GENERATED_HEADER, toYaml } from "../yaml";
import {
  DOCKER_SOCKET,
  DOCKER_STREAM_LABELS,
  HOST_LOG_GLOB,
  HOST_LOG_JOB,
  LOG_JSON_EXPRESSIONS,
  LOG_LEVEL_LABEL,
  LOG_TRACE_ID_FIELD,
  LOKI_PUSH_URL,
  logExternalLabels,
  shipsLogsWith,
} from "./log-pipeline";

export const PROMTAIL_CONFIG_PATH = "loki/promtail-config.yml";
export const PROMTAIL_CONFIG_MOUNT = "/etc/promtail/promtail-config.yml";
export const PROMTAIL_HTTP_PORT = 9080;
export const PROMTAIL_POSITIONS_DIR = "/var/lib/promtail";

const END_OF_LIFE_NOTE = [
  "# Promtail reached end of life on 2026-03-02 and gets no more fixes; Grafana Alloy replaces it.",
  '# Set logs.shipper to "alloy" in the project to generate alloy/config.alloy instead.',
].join("\n");

type PipelineStage =
  | { json: { expressions: Record<string, string> } }
  | { labels: Record<string, string> }
  | { structured_metadata: Record<string, string> };

interface RelabelConfig {
  source_labels: string[];
  regex?: string;
  target_label: string;
}

interface ScrapeConfig {
  job_name: string;
  docker_sd_configs?: { host: string; refresh_interval: string }[];
  static_configs?: { targets: string[]; labels: Record<string, string> }[];
  relabel_configs?: RelabelConfig[];
  pipeline_stages: PipelineStage[];
}

interface PromtailConfig {
  server: { http_listen_port: number; grpc_listen_port: number };
  positions: { filename: string };
  clients: { url: string; external_labels: Record<string, string> }[];
  scrape_configs: ScrapeConfig[];
}

function jsonPipeline(): PipelineStage[] {
  return [
    { json: { expressions: { ...LOG_JSON_EXPRESSIONS } } },
    { labels: { [LOG_LEVEL_LABEL]: LOG_LEVEL_LABEL } },
    { structured_metadata: { [LOG_TRACE_ID_FIELD]: LOG_TRACE_ID_FIELD } },
  ];
}

function dockerRelabelings(): RelabelConfig[] {
  return DOCKER_STREAM_LABELS.map((label) =>
    label.regex === undefined
      ? { source_labels: [label.source], target_label: label.target }
      : { source_labels: [label.source], regex: label.regex, target_label: label.target },
  );
}

function promtailConfig(project: Project): PromtailConfig {
  return {
    server: { http_listen_port: PROMTAIL_HTTP_PORT, grpc_listen_port: 0 },
    positions: { filename: `${PROMTAIL_POSITIONS_DIR}/positions.yaml` },
    clients: [{ url: LOKI_PUSH_URL, external_labels: logExternalLabels(project) }],
    scrape_configs: [
      {
        job_name: "docker",
        docker_sd_configs: [{ host: DOCKER_SOCKET, refresh_interval: "5s" }],
        relabel_configs: dockerRelabelings(),
        pipeline_stages: jsonPipeline(),
      },
      {
        job_name: HOST_LOG_JOB,
        static_configs: [{ targets: ["localhost"], labels: { job: HOST_LOG_JOB, __path__: HOST_LOG_GLOB } }],
        pipeline_stages: jsonPipeline(),
      },
    ],
  };
}

/** Promtail, only when the project still chooses it over Alloy. */
export function generatePromtail(project: Project): GeneratedFile[] {
  if (!shipsLogsWith(project, "promtail")) return [];
  const header = `${GENERATED_HEADER}\n${END_OF_LIFE_NOTE}`;
  return [{ path: PROMTAIL_CONFIG_PATH, content: toYaml(promtailConfig(project), header) }];
}
