import type { Project } from "../../model";
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
} from "../loki/log-pipeline";
import type { GeneratedFile } from "../types";
import { GENERATED_HEADER } from "../yaml";
import { type AlloyBlock, attr, block, ref, toAlloy } from "./alloy-syntax";

export const ALLOY_CONFIG_PATH = "alloy/config.alloy";
/** Where the compose file mounts the config inside the Alloy container. */
export const ALLOY_CONFIG_MOUNT = "/etc/alloy/config.alloy";
export const ALLOY_HTTP_PORT = 12345;
export const ALLOY_DATA_DIR = "/var/lib/alloy/data";

const PROCESS = ref("loki.process.json.receiver");

function dockerBlocks(): AlloyBlock[] {
  const rules = DOCKER_STREAM_LABELS.map((label) =>
    block("rule", undefined, [
      attr("source_labels", [label.source]),
      ...(label.regex === undefined ? [] : [attr("regex", label.regex)]),
      attr("target_label", label.target),
    ]),
  );
  return [
    block("discovery.docker", "containers", [attr("host", DOCKER_SOCKET)]),
    // Only its `rules` export is used, so it needs no targets of its own.
    block("discovery.relabel", "containers", [attr("targets", []), ...rules]),
    block("loki.source.docker", "containers", [
      attr("host", DOCKER_SOCKET),
      attr("targets", ref("discovery.docker.containers.targets")),
      // The source applies the rules itself: it reads the discovered targets as they are
      // (it finds each container by __meta_docker_container_id) and relabels the entries.
      attr("relabel_rules", ref("discovery.relabel.containers.rules")),
      attr("forward_to", [PROCESS]),
    ]),
  ];
}

function hostLogBlocks(): AlloyBlock[] {
  return [
    block("local.file_match", "varlog", [
      attr("path_targets", [{ __path__: HOST_LOG_GLOB, job: HOST_LOG_JOB }]),
    ]),
    block("loki.source.file", "varlog", [
      attr("targets", ref("local.file_match.varlog.targets")),
      attr("forward_to", [PROCESS]),
    ]),
  ];
}

function processBlock(): AlloyBlock {
  return block("loki.process", "json", [
    block("stage.json", undefined, [attr("expressions", { ...LOG_JSON_EXPRESSIONS })]),
    block("stage.labels", undefined, [attr("values", { [LOG_LEVEL_LABEL]: LOG_LEVEL_LABEL })]),
    block("stage.structured_metadata", undefined, [
      attr("values", { [LOG_TRACE_ID_FIELD]: LOG_TRACE_ID_FIELD }),
    ]),
    attr("forward_to", [ref("loki.write.default.receiver")]),
  ]);
}

function writeBlock(project: Project): AlloyBlock {
  return block("loki.write", "default", [
    block("endpoint", undefined, [attr("url", LOKI_PUSH_URL)]),
    attr("external_labels", logExternalLabels(project)),
  ]);
}

/** The components of the Alloy config, in the order they are written. */
export function alloyConfigBlocks(project: Project): AlloyBlock[] {
  return [...dockerBlocks(), ...hostLogBlocks(), processBlock(), writeBlock(project)];
}

/** Grafana Alloy shipping container and host logs to Loki; nothing unless Alloy is the shipper. */
export function generateAlloy(project: Project): GeneratedFile[] {
  if (!shipsLogsWith(project, "alloy")) return [];
  const header = [
    GENERATED_HEADER.replace(/^#\s*/, ""),
    "",
    "Docker container logs and /var/log/*.log, parsed as JSON, pushed to Loki.",
  ];
  return [{ path: ALLOY_CONFIG_PATH, content: toAlloy(alloyConfigBlocks(project), header) }];
}
