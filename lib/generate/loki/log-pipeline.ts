import type { Project } from "../../model";
import { projectSlug } from "../names";

/**
 * What Alloy and Promtail agree on, so that switching the shipper changes the agent and not the
 * labels the dashboards and LogQL alerts query.
 */

export const LOKI_HTTP_PORT = 3100;
export const LOKI_PUSH_URL = `http://loki:${LOKI_HTTP_PORT}/loki/api/v1/push`;
export const DOCKER_SOCKET = "unix:///var/run/docker.sock";
export const HOST_LOG_GLOB = "/var/log/*.log";
export const HOST_LOG_JOB = "varlogs";

/**
 * JMESPath expressions for the JSON stage. The alternatives cover `msg` (Go, Python
 * structlog), `message` (Python logging) and tracing's nested `fields.message` (FraiseQL v2).
 */
export const LOG_JSON_EXPRESSIONS: Readonly<Record<string, string>> = {
  level: "level",
  msg: "msg || message || fields.message",
  trace_id: "trace_id",
};

/** Only `level` becomes a label: it has a handful of values, unlike messages and trace ids. */
export const LOG_LEVEL_LABEL = "level";

/** Trace ids go to structured metadata, searchable without creating a stream per request. */
export const LOG_TRACE_ID_FIELD = "trace_id";

/** Docker service-discovery labels turned into stream labels, in the order they are written. */
export const DOCKER_STREAM_LABELS: readonly { source: string; target: string; regex?: string }[] = [
  { source: "__meta_docker_container_name", target: "container", regex: "/(.*)" },
  { source: "__meta_docker_container_label_com_docker_compose_service", target: "compose_service" },
];

/** Labels on every stream; `app` is what the generated dashboards select logs by. */
export function logExternalLabels(project: Project): { app: string; environment: string } {
  return { app: projectSlug(project), environment: project.environment };
}

export function shipsLogsWith(project: Project, shipper: Project["logs"]["shipper"]): boolean {
  return project.logs.enabled && project.logs.shipper === shipper;
}
