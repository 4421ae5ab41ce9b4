import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { type Project, ScrapeTargetSchema } from "../../model";
import { generateAlloy } from "../alloy";
import { generateLoki, generatePromtail } from "../loki";
import { smallProject } from "../testdata/small-project";
import { toYaml } from "../yaml";
import type { ComposeFile } from "./compose-types";
import { generateCompose } from "./docker-compose";
import { envVariables } from "./env-example";

/**
 * Validates the generated file with Debian's docker-compose (1.29.2), which checks a file
 * against the Compose schema and interpolates `.env` without a Docker daemon. `.ci/run` must
 * install it: `apt-get install -y --no-install-recommends docker-compose`.
 *
 * One rewrite is needed: 1.29.2 predates secrets sourced from `environment:` (Compose v2), so
 * the copy it checks reads each secret from a file instead. The `environment:` form itself is
 * checked in docker-compose.test.ts.
 */
const DOCKER_COMPOSE = "docker-compose";

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

function writeBundle(project: Project, env: Map<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "obsforge-compose-"));
  tempDirs.push(dir);
  const compose = parse(generateCompose(project)[0]?.content ?? "") as ComposeFile;
  const secrets: Record<string, { file: string }> = {};
  mkdirSync(path.join(dir, "secrets"));
  for (const [key, secret] of Object.entries(compose.secrets ?? {})) {
    writeFileSync(path.join(dir, "secrets", key), env.get(secret.environment) ?? "");
    secrets[key] = { file: `./secrets/${key}` };
  }
  const checked = compose.secrets ? { ...compose, secrets } : compose;
  writeFileSync(path.join(dir, "docker-compose.yml"), toYaml(checked));
  for (const file of [...generateLoki(project), ...generateAlloy(project), ...generatePromtail(project)]) {
    mkdirSync(path.join(dir, path.dirname(file.path)), { recursive: true });
    writeFileSync(path.join(dir, file.path), file.content);
  }
  for (const folder of ["prometheus", "alertmanager", "grafana/provisioning", "grafana/dashboards"]) {
    mkdirSync(path.join(dir, folder), { recursive: true });
  }
  writeFileSync(path.join(dir, ".env"), [...env].map(([name, value]) => `${name}=${value}\n`).join(""));
  return dir;
}

function filledEnv(project: Project): Map<string, string> {
  return new Map([...envVariables(project).keys()].map((name) => [name, `value-of-${name.toLowerCase()}`]));
}

function composeConfig(dir: string): { status: number | null; output: string; config: ComposeFile } {
  // A bare environment, so that nothing but .env supplies the variables.
  const result = spawnSync(
    DOCKER_COMPOSE,
    ["--project-directory", dir, "-f", "docker-compose.yml", "config"],
    {
      cwd: dir,
      // Only what docker-compose needs; NODE_ENV is there because Next's typings require it.
      env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: dir, NODE_ENV: "test" },
      encoding: "utf8",
    },
  );
  if (result.error) {
    throw new Error(
      `${DOCKER_COMPOSE} could not run (${result.error.message}); install it with apt-get install -y --no-install-recommends docker-compose`,
    );
  }
  return {
    status: result.status,
    output: `${result.stdout}${result.stderr}`,
    config: result.status === 0 ? (parse(result.stdout) as ComposeFile) : { services: {} },
  };
}

function withCadvisor(project: Project): Project {
  const target = ScrapeTargetSchema.parse({ job: "cadvisor", kind: "cadvisor", targets: ["cadvisor:8080"] });
  return { ...project, scrapeTargets: [...project.scrapeTargets, target] };
}

describe("docker-compose config", () => {
  const projects: { name: string; project: Project }[] = [
    { name: "the small project (Alloy)", project: smallProject() },
    {
      name: "Promtail as shipper",
      project: { ...smallProject(), logs: { enabled: true, shipper: "promtail" } },
    },
    { name: "logs off", project: { ...smallProject(), logs: { enabled: false, shipper: "alloy" } } },
    { name: "cAdvisor added", project: withCadvisor(smallProject()) },
    {
      name: "no secrets or exporters",
      project: { ...smallProject(), scrapeTargets: [], receivers: [], datasources: [] },
    },
  ];

  it.each(projects)("accepts the file for $name", ({ project }) => {
    const env = filledEnv(project);
    const { status, output, config } = composeConfig(writeBundle(project, env));
    expect(output, "docker-compose config output").not.toMatch(/ERROR|invalid/i);
    expect(status, output).toBe(0);
    const grafana = config.services.grafana?.environment ?? {};
    expect(grafana.GF_SECURITY_ADMIN_PASSWORD).toBe(env.get("GRAFANA_ADMIN_PASSWORD"));
  });

  it("passes .env values through to the services that need them", () => {
    const project = smallProject();
    const env = filledEnv(project);
    const { status, output, config } = composeConfig(writeBundle(project, env));
    expect(status, output).toBe(0);
    expect(config.services.grafana?.environment?.APP_DB_READER_PASSWORD).toBe(
      env.get("APP_DB_READER_PASSWORD"),
    );
    expect(config.services["postgres-exporter"]?.environment?.DATA_SOURCE_NAME).toBe(
      env.get("DATA_SOURCE_NAME"),
    );
  });

  it("refuses to start with an empty Grafana admin password", () => {
    const project = smallProject();
    const env = filledEnv(project);
    env.set("GRAFANA_ADMIN_PASSWORD", "");
    const { status, output } = composeConfig(writeBundle(project, env));
    expect(status).not.toBe(0);
    expect(output).toContain("set GRAFANA_ADMIN_PASSWORD in .env");
  });
});
