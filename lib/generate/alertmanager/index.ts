import type { Project } from "../../model";
import type { GeneratedFile } from "../types";
import { GENERATED_HEADER, toYaml } from "../yaml";
import { alertmanagerConfig } from "./config";
import { NOTIFICATION_TEMPLATES } from "./templates";

/** `alertmanager/alertmanager.yml` and its notification templates. */
export function generateAlertmanager(project: Project): GeneratedFile[] {
  const header = `${GENERATED_HEADER}\n# Secrets are read from files mounted at /run/secrets (see docker-compose.yml and .env.example).`;
  return [
    { path: "alertmanager/alertmanager.yml", content: toYaml(alertmanagerConfig(project), header) },
    { path: "alertmanager/templates/obsforge.tmpl", content: NOTIFICATION_TEMPLATES },
  ];
}
