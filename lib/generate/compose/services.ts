import type { Project } from "../../model";
import { ALLOY_CONFIG_MOUNT, ALLOY_CONFIG_PATH, ALLOY_DATA_DIR, ALLOY_HTTP_PORT } from "../alloy";
import {
  LOKI_CONFIG_MOUNT,
  LOKI_CONFIG_PATH,
  LOKI_DATA_DIR,
  LOKI_HTTP_PORT,
  PROMTAIL_CONFIG_MOUNT,
  PROMTAIL_CONFIG_PATH,
  PROMTAIL_HTTP_PORT,
  PROMTAIL_POSITIONS_DIR,
} from "../loki";
import { secretFileName, secretFilePath } from "../names";
import type { ComposeService, ComposeServiceSecret } from "./compose-types";
import { bashHealthcheck, wgetHealthcheck } from "./healthchecks";
import { IMAGE_VERSIONS } from "./images";
import { secretsReadBy } from "./secret-uses";

export const PROMETHEUS_PORT = 9090;
export const ALERTMANAGER_PORT = 9093;
export const GRAFANA_PORT = 3000;
export const GRAFANA_ADMIN_PASSWORD_ENV = "GRAFANA_ADMIN_PASSWORD";
export const POSTGRES_EXPORTER_DSN_ENV = "DATA_SOURCE_NAME";

/** Named volumes, one per stateful service, so `docker compose down` keeps the data. */
export const VOLUMES = {
  prometheus: "prometheus-data",
  alertmanager: "alertmanager-data",
  grafana: "grafana-data",
  loki: "loki-data",
  alloy: "alloy-data",
  promtail: "promtail-positions",
} as const;

/**
 * Prometheus, Alertmanager, Loki and the shipper have no login, so their ports are published on
 * the host's loopback only; Grafana, which has one, on every interface.
 */
function loopbackPort(port: number): string {
  return `127.0.0.1:${port}:${port}`;
}

/** Each secret is mounted at exactly the path the generated configs read it from. */
function mountedSecrets(names: readonly string[]): ComposeServiceSecret[] {
  return names.map((secret) => ({ source: secretFileName({ secret }), target: secretFilePath({ secret }) }));
}

/** `${NAME}`, read by Compose from the shell or `.env`. */
export function fromEnv(name: string): string {
  return `\${${name}}`;
}

export function prometheusService(project: Project): ComposeService {
  const secrets = secretsReadBy(project, "prometheus");
  return {
    image: IMAGE_VERSIONS.prometheus,
    command: [
      "--config.file=/etc/prometheus/prometheus.yml",
      "--storage.tsdb.path=/prometheus",
      `--storage.tsdb.retention.time=${project.retention.metrics}`,
      // Lets `curl -X POST localhost:9090/-/reload` apply edited rules without a restart.
      "--web.enable-lifecycle",
    ],
    volumes: ["./prometheus:/etc/prometheus:ro", `${VOLUMES.prometheus}:/prometheus`],
    ports: [loopbackPort(PROMETHEUS_PORT)],
    ...(secrets.length > 0 ? { secrets: mountedSecrets(secrets) } : {}),
    healthcheck: wgetHealthcheck(PROMETHEUS_PORT, "/-/healthy"),
    restart: "unless-stopped",
  };
}

export function alertmanagerService(project: Project): ComposeService {
  const secrets = secretsReadBy(project, "alertmanager");
  return {
    image: IMAGE_VERSIONS.alertmanager,
    command: ["--config.file=/etc/alertmanager/alertmanager.yml", "--storage.path=/alertmanager"],
    volumes: ["./alertmanager:/etc/alertmanager:ro", `${VOLUMES.alertmanager}:/alertmanager`],
    ports: [loopbackPort(ALERTMANAGER_PORT)],
    ...(secrets.length > 0 ? { secrets: mountedSecrets(secrets) } : {}),
    healthcheck: wgetHealthcheck(ALERTMANAGER_PORT, "/-/healthy"),
    restart: "unless-stopped",
  };
}

export function grafanaService(project: Project): ComposeService {
  const environment: Record<string, string> = {
    // `:?` stops Compose when the password is empty: Grafana would otherwise fall back to admin/admin.
    GF_SECURITY_ADMIN_PASSWORD: `\${${GRAFANA_ADMIN_PASSWORD_ENV}:?set ${GRAFANA_ADMIN_PASSWORD_ENV} in .env}`,
    GF_USERS_ALLOW_SIGN_UP: "false",
    GF_ANALYTICS_REPORTING_ENABLED: "false",
    GF_ANALYTICS_CHECK_FOR_UPDATES: "false",
    GF_ANALYTICS_CHECK_FOR_PLUGIN_UPDATES: "false",
  };
  // Datasource provisioning reads these as $__env{NAME}.
  for (const secret of secretsReadBy(project, "grafana")) environment[secret] = fromEnv(secret);
  const dependsOn: ComposeService["depends_on"] = { prometheus: { condition: "service_healthy" } };
  if (project.logs.enabled) dependsOn.loki = { condition: "service_healthy" };
  return {
    image: IMAGE_VERSIONS.grafana,
    environment,
    volumes: [
      "./grafana/provisioning:/etc/grafana/provisioning:ro",
      "./grafana/dashboards:/var/lib/grafana/dashboards:ro",
      `${VOLUMES.grafana}:/var/lib/grafana`,
    ],
    ports: [`${GRAFANA_PORT}:${GRAFANA_PORT}`],
    depends_on: dependsOn,
    healthcheck: wgetHealthcheck(GRAFANA_PORT, "/api/health", "30s"),
    restart: "unless-stopped",
  };
}

export function lokiService(): ComposeService {
  return {
    image: IMAGE_VERSIONS.loki,
    command: [`-config.file=${LOKI_CONFIG_MOUNT}`],
    volumes: [`./${LOKI_CONFIG_PATH}:${LOKI_CONFIG_MOUNT}:ro`, `${VOLUMES.loki}:${LOKI_DATA_DIR}`],
    ports: [loopbackPort(LOKI_HTTP_PORT)],
    // /ready answers 503 until the ingester has joined its ring, about 15 seconds after start.
    healthcheck: wgetHealthcheck(LOKI_HTTP_PORT, "/ready", "30s"),
    restart: "unless-stopped",
  };
}

const HOST_LOG_MOUNTS = ["/var/run/docker.sock:/var/run/docker.sock:ro", "/var/log:/var/log:ro"];

export function alloyService(): ComposeService {
  return {
    image: IMAGE_VERSIONS.alloy,
    command: [
      "run",
      `--server.http.listen-addr=0.0.0.0:${ALLOY_HTTP_PORT}`,
      `--storage.path=${ALLOY_DATA_DIR}`,
      ALLOY_CONFIG_MOUNT,
    ],
    volumes: [
      `./${ALLOY_CONFIG_PATH}:${ALLOY_CONFIG_MOUNT}:ro`,
      ...HOST_LOG_MOUNTS,
      `${VOLUMES.alloy}:${ALLOY_DATA_DIR}`,
    ],
    ports: [loopbackPort(ALLOY_HTTP_PORT)],
    depends_on: { loki: { condition: "service_healthy" } },
    healthcheck: bashHealthcheck(ALLOY_HTTP_PORT, "/-/ready"),
    restart: "unless-stopped",
  };
}

export function promtailService(): ComposeService {
  return {
    image: IMAGE_VERSIONS.promtail,
    command: [`-config.file=${PROMTAIL_CONFIG_MOUNT}`],
    volumes: [
      `./${PROMTAIL_CONFIG_PATH}:${PROMTAIL_CONFIG_MOUNT}:ro`,
      ...HOST_LOG_MOUNTS,
      `${VOLUMES.promtail}:${PROMTAIL_POSITIONS_DIR}`,
    ],
    depends_on: { loki: { condition: "service_healthy" } },
    healthcheck: bashHealthcheck(PROMTAIL_HTTP_PORT, "/ready"),
    restart: "unless-stopped",
  };
}

export function nodeExporterService(): ComposeService {
  return {
    image: IMAGE_VERSIONS.nodeExporter,
    // The host's filesystems and processes, not the container's.
    command: ["--path.rootfs=/host"],
    pid: "host",
    volumes: ["/:/host:ro,rslave"],
    healthcheck: wgetHealthcheck(9100, "/"),
    restart: "unless-stopped",
  };
}

export function postgresExporterService(): ComposeService {
  return {
    image: IMAGE_VERSIONS.postgresExporter,
    environment: { DATA_SOURCE_NAME: fromEnv(POSTGRES_EXPORTER_DSN_ENV) },
    healthcheck: wgetHealthcheck(9187, "/"),
    restart: "unless-stopped",
  };
}

export function cadvisorService(): ComposeService {
  return {
    image: IMAGE_VERSIONS.cadvisor,
    volumes: [
      "/:/rootfs:ro",
      "/var/run:/var/run:ro",
      "/sys:/sys:ro",
      "/var/lib/docker/:/var/lib/docker:ro",
      "/dev/disk/:/dev/disk:ro",
    ],
    // cAdvisor reads cgroups and the kernel log of every container.
    privileged: true,
    devices: ["/dev/kmsg"],
    healthcheck: wgetHealthcheck(8080, "/healthz"),
    restart: "unless-stopped",
  };
}
