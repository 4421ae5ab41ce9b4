import type { Project } from "../../model";
import { collectSecrets } from "../names";
import type { GeneratedFile } from "../types";
import { GENERATED_HEADER } from "../yaml";
import { hasScrapeTargetOfKind } from "./docker-compose";
import { secretUses } from "./secret-uses";
import { GRAFANA_ADMIN_PASSWORD_ENV, POSTGRES_EXPORTER_DSN_ENV } from "./services";

export const ENV_EXAMPLE_PATH = ".env.example";

/** Every variable the stack reads from `.env`, with the comment lines that say what it is for. */
export function envVariables(project: Project): Map<string, string[]> {
  const variables = new Map<string, string[]>();
  const note = (name: string, comment: string): void => {
    const comments = variables.get(name) ?? [];
    if (!comments.includes(comment)) comments.push(comment);
    variables.set(name, comments);
  };
  note(GRAFANA_ADMIN_PASSWORD_ENV, "Password of Grafana's admin user; Compose will not start without it.");
  if (hasScrapeTargetOfKind(project, "postgres-exporter")) {
    note(
      POSTGRES_EXPORTER_DSN_ENV,
      "Connection string for postgres-exporter, e.g. postgresql://monitor:password@postgres:5432/postgres?sslmode=disable",
    );
  }
  for (const use of secretUses(project)) note(use.secret, `Used as the ${use.description}.`);
  // Anything collectSecrets knows that secretUses does not still gets a line.
  for (const ref of collectSecrets(project)) if (!variables.has(ref.secret)) note(ref.secret, "Secret.");
  return new Map([...variables.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** `.env.example`: every variable empty, sorted by name, each under a comment saying what uses it. */
export function generateEnvExample(project: Project): GeneratedFile[] {
  const lines = [
    GENERATED_HEADER,
    "# Copy to .env beside docker-compose.yml and fill in every value. Keep .env out of version control.",
  ];
  for (const [name, comments] of envVariables(project)) {
    lines.push("", ...comments.map((comment) => `# ${comment}`), `${name}=`);
  }
  return [{ path: ENV_EXAMPLE_PATH, content: `${lines.join("\n")}\n` }];
}
