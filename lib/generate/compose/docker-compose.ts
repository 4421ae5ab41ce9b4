import type { Project, ScrapeTargetKind } from "../../model";
import { collectSecrets, secretFileName } from "../names";
import type { GeneratedFile } from "../types";
import { GENERATED_HEADER, toYaml } from "../yaml";
import type { ComposeFile, ComposeSecret, ComposeService } from "./compose-types";
import {
  alertmanagerService,
  alloyService,
  cadvisorService,
  grafanaService,
  lokiService,
  nodeExporterService,
  postgresExporterService,
  prometheusService,
  promtailService,
} from "./services";

export const COMPOSE_PATH = "docker-compose.yml";

/** Exporters the stack runs itself when a scrape target of that kind exists, keyed by service name. */
const EXPORTER_SERVICES: readonly { kind: ScrapeTargetKind; service: string; make: () => ComposeService }[] =
  [
    { kind: "node-exporter", service: "node-exporter", make: nodeExporterService },
    { kind: "postgres-exporter", service: "postgres-exporter", make: postgresExporterService },
    { kind: "cadvisor", service: "cadvisor", make: cadvisorService },
  ];

export function hasScrapeTargetOfKind(project: Project, kind: ScrapeTargetKind): boolean {
  return project.scrapeTargets.some((target) => target.kind === kind);
}

function logServices(project: Project): Record<string, ComposeService> {
  if (!project.logs.enabled) return {};
  const shipper = project.logs.shipper;
  switch (shipper) {
    case "alloy":
      return { loki: lokiService(), alloy: alloyService() };
    case "promtail":
      return { loki: lokiService(), promtail: promtailService() };
    default: {
      const exhaustive: never = shipper;
      throw new Error(`unknown log shipper ${String(exhaustive)}`);
    }
  }
}

/** The services of the stack, in the order they are written. */
export function composeServices(project: Project): Record<string, ComposeService> {
  const services: Record<string, ComposeService> = {
    prometheus: prometheusService(project),
    alertmanager: alertmanagerService(project),
    grafana: grafanaService(project),
    ...logServices(project),
  };
  for (const exporter of EXPORTER_SERVICES) {
    if (hasScrapeTargetOfKind(project, exporter.kind)) services[exporter.service] = exporter.make();
  }
  return services;
}

/** Named volumes are the mount sources that are neither bundle paths (`./`) nor host paths (`/`). */
function namedVolumes(services: Record<string, ComposeService>): string[] {
  const names = Object.values(services)
    .flatMap((service) => service.volumes ?? [])
    .map((mount) => mount.split(":")[0] ?? "")
    .filter((source) => source !== "" && !source.startsWith(".") && !source.startsWith("/"));
  return [...new Set(names)];
}

function composeSecrets(project: Project): Record<string, ComposeSecret> {
  const secrets: Record<string, ComposeSecret> = {};
  for (const ref of collectSecrets(project)) secrets[secretFileName(ref)] = { environment: ref.secret };
  return secrets;
}

/** Targets Prometheus scrapes that this compose file does not run, e.g. the application. */
function externalTargets(project: Project, services: Record<string, ComposeService>): string[] {
  return project.scrapeTargets
    .flatMap((target) => target.targets)
    .filter((address) => !Object.hasOwn(services, address.split(":")[0] ?? ""));
}

function header(project: Project, services: Record<string, ComposeService>): string {
  const lines = [
    GENERATED_HEADER,
    "# Needs Docker Compose v2 (`docker compose`): secrets are read from environment variables.",
    "# Start: cp .env.example .env, fill in every value, then docker compose up -d",
  ];
  const external = externalTargets(project, services);
  if (external.length > 0) {
    lines.push(
      `# Not run here, but scraped: ${external.join(", ")}. Put them on this stack's network`,
      "# (or change the targets) so that Prometheus can resolve them.",
    );
  }
  return lines.join("\n");
}

export function composeFile(project: Project): ComposeFile {
  const services = composeServices(project);
  const file: ComposeFile = { services };
  const volumes = namedVolumes(services);
  if (volumes.length > 0) file.volumes = Object.fromEntries(volumes.map((name) => [name, {}]));
  const secrets = composeSecrets(project);
  if (Object.keys(secrets).length > 0) file.secrets = secrets;
  return file;
}

/** docker-compose.yml for the whole stack, with every image pinned and every secret from `.env`. */
export function generateCompose(project: Project): GeneratedFile[] {
  const file = composeFile(project);
  return [{ path: COMPOSE_PATH, content: toYaml(file, header(project, file.services)) }];
}
