import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { type Project, ScrapeTargetSchema } from "../../model";
import { generateAlertmanager } from "../alertmanager";
import { ALLOY_CONFIG_PATH, generateAlloy } from "../alloy";
import { expectGolden } from "../golden";
import { generateGrafana } from "../grafana";
import { generateLoki, generatePromtail, LOKI_CONFIG_PATH, PROMTAIL_CONFIG_PATH } from "../loki";
import { collectSecrets, secretFileName, secretFilePath } from "../names";
import { generatePrometheusConfig } from "../prometheus/prometheus-config";
import { smallProject } from "../testdata/small-project";
import type { GeneratedFile } from "../types";
import type { ComposeFile } from "./compose-types";
import { COMPOSE_PATH, generateCompose } from "./docker-compose";
import { generateEnvExample } from "./env-example";
import { IMAGE_VERSIONS } from "./images";

function compose(project: Project): ComposeFile {
  const files = generateCompose(project);
  expect(files.map((file) => file.path)).toEqual([COMPOSE_PATH]);
  return parse(files[0]?.content ?? "") as ComposeFile;
}

function withLogs(logs: Project["logs"]): Project {
  return { ...smallProject(), logs };
}

function withTarget(job: string, kind: "cadvisor" | "node-exporter", address: string): Project {
  const project = smallProject();
  const target = ScrapeTargetSchema.parse({ job, kind, targets: [address] });
  return { ...project, scrapeTargets: [...project.scrapeTargets, target] };
}

/** `/run/secrets/...` paths a generated config reads. */
function secretPathsIn(files: readonly GeneratedFile[]): string[] {
  return [...new Set(files.flatMap((file) => file.content.match(/\/run\/secrets\/[A-Za-z0-9_.-]+/g) ?? []))];
}

function mountedSecretPaths(file: ComposeFile, service: string): string[] {
  return (file.services[service]?.secrets ?? []).map((secret) => secret.target);
}

describe("generateCompose", () => {
  it("matches the golden files for the small project", () => {
    const project = smallProject();
    expectGolden(import.meta.dirname, "small", [...generateCompose(project), ...generateEnvExample(project)]);
  });

  it("pins every image to an explicit tag, never latest", () => {
    const images = Object.values(IMAGE_VERSIONS);
    for (const image of images) {
      // The tag follows the last ':' of the last path segment (a registry may have a port).
      const [, tag] = (image.split("/").at(-1) ?? "").split(":");
      expect(tag, `${image} has no tag`).toMatch(/^v?\d+\.\d+\.\d+$/);
      expect(tag).not.toBe("latest");
    }
    const projects = [
      smallProject(),
      withLogs({ enabled: true, shipper: "promtail" }),
      withTarget("c", "cadvisor", "cadvisor:8080"),
    ];
    for (const project of projects) {
      for (const [name, service] of Object.entries(compose(project).services)) {
        expect(images, `service ${name}`).toContain(service.image);
      }
    }
  });

  it("declares every project secret as a compose secret read from the environment", () => {
    const project = smallProject();
    const file = compose(project);
    const expected = Object.fromEntries(
      collectSecrets(project).map((ref) => [secretFileName(ref), { environment: ref.secret }]),
    );
    expect(file.secrets).toEqual(expected);
  });

  it("mounts each secret at secretFilePath, in the services that read it", () => {
    const project = smallProject();
    const file = compose(project);
    const byKey = new Map(
      Object.entries(file.secrets ?? {}).map(([key, secret]) => [key, secret.environment]),
    );
    for (const service of Object.values(file.services)) {
      for (const mount of service.secrets ?? []) {
        const name = byKey.get(mount.source);
        expect(name, `secret ${mount.source} is declared`).toBeDefined();
        expect(mount.target).toBe(secretFilePath({ secret: name ?? "" }));
      }
    }
    expect(mountedSecretPaths(file, "prometheus")).toEqual(["/run/secrets/fraiseql_metrics_token"]);
    expect(mountedSecretPaths(file, "grafana")).toEqual([]);
    expect(file.services.grafana?.environment?.APP_DB_READER_PASSWORD).toBe("${APP_DB_READER_PASSWORD}");
  });

  it("mounts every secret file the Prometheus and Alertmanager configs read", () => {
    const project = smallProject();
    const file = compose(project);
    const prometheusReads = secretPathsIn(generatePrometheusConfig(project));
    const alertmanagerReads = secretPathsIn(generateAlertmanager(project));
    expect(prometheusReads.length).toBeGreaterThan(0);
    expect(alertmanagerReads.length).toBeGreaterThan(0);
    expect(mountedSecretPaths(file, "prometheus")).toEqual(expect.arrayContaining(prometheusReads));
    expect(mountedSecretPaths(file, "alertmanager")).toEqual(expect.arrayContaining(alertmanagerReads));
  });

  it("passes Grafana every variable its provisioning files expand with $__env", () => {
    const project = smallProject();
    const expanded = generateGrafana(project).flatMap((file) =>
      [...file.content.matchAll(/\$__env\{([A-Za-z0-9_]+)\}/g)].map((match) => match[1] ?? ""),
    );
    expect(expanded.length).toBeGreaterThan(0);
    const environment = compose(project).services.grafana?.environment ?? {};
    for (const name of expanded) expect(Object.keys(environment)).toContain(name);
  });

  it("bind-mounts only files and folders the bundle contains", () => {
    for (const shipper of ["alloy", "promtail"] as const) {
      const project = withLogs({ enabled: true, shipper });
      const bundle = [
        ...generatePrometheusConfig(project),
        ...generateAlertmanager(project),
        ...generateGrafana(project),
        ...generateLoki(project),
        ...generateAlloy(project),
        ...generatePromtail(project),
      ].map((file) => file.path);
      const sources = Object.values(compose(project).services)
        .flatMap((service) => service.volumes ?? [])
        .map((mount) => mount.split(":")[0] ?? "")
        .filter((source) => source.startsWith("./"))
        .map((source) => source.slice(2));
      expect(sources.length).toBeGreaterThan(0);
      for (const source of sources) {
        expect(
          bundle.some((file) => file === source || file.startsWith(`${source}/`)),
          source,
        ).toBe(true);
      }
    }
  });

  it("starts Prometheus and Alertmanager on the config files their generators write", () => {
    const project = smallProject();
    const file = compose(project);
    const bundle = new Set(
      [...generatePrometheusConfig(project), ...generateAlertmanager(project)].map((f) => f.path),
    );
    expect(file.services.prometheus?.command).toContain("--config.file=/etc/prometheus/prometheus.yml");
    expect(file.services.prometheus?.volumes).toContain("./prometheus:/etc/prometheus:ro");
    expect(bundle).toContain("prometheus/prometheus.yml");
    expect(file.services.alertmanager?.command).toContain("--config.file=/etc/alertmanager/alertmanager.yml");
    expect(bundle).toContain("alertmanager/alertmanager.yml");
    expect(file.services.prometheus?.command).toContain("--storage.tsdb.retention.time=15d");
  });

  it("runs exactly one log shipper, the one the project chooses, with its config mounted", () => {
    const cases = [
      { shipper: "alloy", service: "alloy", other: "promtail", config: ALLOY_CONFIG_PATH },
      { shipper: "promtail", service: "promtail", other: "alloy", config: PROMTAIL_CONFIG_PATH },
    ] as const;
    for (const { shipper, service, other, config } of cases) {
      const project = withLogs({ enabled: true, shipper });
      const shipperFiles = [...generateAlloy(project), ...generatePromtail(project)];
      expect(shipperFiles.map((f) => f.path)).toEqual([config]);
      const services = compose(project).services;
      expect(Object.keys(services)).toContain(service);
      expect(Object.keys(services)).not.toContain(other);
      expect(services[service]?.volumes?.[0]).toMatch(new RegExp(`^\\./${config.replace(".", "\\.")}:`));
      expect(services[service]?.depends_on).toEqual({ loki: { condition: "service_healthy" } });
      expect(services.loki?.volumes?.[0]).toMatch(new RegExp(`^\\./${LOKI_CONFIG_PATH}:`));
    }
  });

  it("leaves Loki and the shipper out when logs are off", () => {
    const project = withLogs({ enabled: false, shipper: "alloy" });
    const file = compose(project);
    expect(Object.keys(file.services)).toEqual([
      "prometheus",
      "alertmanager",
      "grafana",
      "node-exporter",
      "postgres-exporter",
    ]);
    expect(file.services.grafana?.depends_on).toEqual({ prometheus: { condition: "service_healthy" } });
    expect(Object.keys(file.volumes ?? {})).toEqual(["prometheus-data", "alertmanager-data", "grafana-data"]);
    expect(generateLoki(project)).toEqual([]);
  });

  it("runs an exporter only when a scrape target of its kind exists", () => {
    expect(Object.keys(compose(smallProject()).services)).not.toContain("cadvisor");
    const file = compose(withTarget("cadvisor", "cadvisor", "cadvisor:8080"));
    expect(file.services.cadvisor?.image).toBe(IMAGE_VERSIONS.cadvisor);
    const bare = compose({ ...smallProject(), scrapeTargets: [] });
    expect(Object.keys(bare.services)).not.toContain("node-exporter");
    expect(Object.keys(bare.services)).not.toContain("postgres-exporter");
  });

  it("gives every service a healthcheck and a restart policy, and every named volume a declaration", () => {
    const file = compose(withTarget("cadvisor", "cadvisor", "cadvisor:8080"));
    for (const [name, service] of Object.entries(file.services)) {
      expect(service.healthcheck.test[0], name).toBe("CMD");
      expect(service.restart, name).toBe("unless-stopped");
      for (const mount of service.volumes ?? []) {
        const source = mount.split(":")[0] ?? "";
        if (!source.startsWith(".") && !source.startsWith("/"))
          expect(file.volumes, name).toHaveProperty(source);
      }
    }
    expect(file.services.prometheus?.healthcheck.test.at(-1)).toBe("http://127.0.0.1:9090/-/healthy");
    expect(file.services.grafana?.healthcheck.test.at(-1)).toBe("http://127.0.0.1:3000/api/health");
    expect(file.services.loki?.healthcheck.test.at(-1)).toBe("http://127.0.0.1:3100/ready");
  });

  it("names scrape targets the stack does not run in its header", () => {
    const text = generateCompose(smallProject())[0]?.content ?? "";
    expect(text).toMatch(/^# Not run here, but scraped: app:8000\./m);
  });

  it("keeps the Grafana admin password mandatory and telemetry off", () => {
    const environment = compose(smallProject()).services.grafana?.environment ?? {};
    expect(environment.GF_SECURITY_ADMIN_PASSWORD).toMatch(/^\$\{GRAFANA_ADMIN_PASSWORD:\?/);
    expect(environment).toMatchObject({
      GF_USERS_ALLOW_SIGN_UP: "false",
      GF_ANALYTICS_REPORTING_ENABLED: "false",
      GF_ANALYTICS_CHECK_FOR_UPDATES: "false",
    });
  });
});
