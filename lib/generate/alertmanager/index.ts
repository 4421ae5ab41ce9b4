import type { Project } from "../../model";
import type { GeneratedFile } from "../types";
import { withoutLiteralSecrets } from "../literal-secrets";
import { GENERATED_HEADER, toYaml } from "../yaml";
import { alertmanagerConfig } from "./config";
import { inlineOnlySecrets } from "./secret-files";
import { NOTIFICATION_TEMPLATES } from "./templates";

/** `alertmanager/alertmanager.yml` and its notification templates. */
export function generateAlertmanager(input: Project): GeneratedFile[] {
  // Also when called on its own: a literal secret never reaches the file.
  const project = withoutLiteralSecrets(input);
  const inline = inlineOnlySecrets(project);
  const header = [
    GENERATED_HEADER,
    "# Secrets are read from files mounted at /run/secrets (see docker-compose.yml and .env.example).",
    ...(inline.length > 0
      ? [`# Alertmanager reads ${inline.join(", ")} only inline: replace their placeholders below by hand.`]
      : []),
  ].join("\n");
  return [
    { path: "alertmanager/alertmanager.yml", content: toYaml(alertmanagerConfig(project), header) },
    { path: "alertmanager/templates/obsforge.tmpl", content: NOTIFICATION_TEMPLATES },
  ];
}
