import { extractImportedSecrets } from "../import/alertmanager/imported-secrets";
import type { Project } from "../model";
import { alertingOf, withSection } from "../model/sections";

/**
 * The project with the literal secrets an import kept (receivers' `importedValue`, literals in
 * verbatim configs and `global`) taken out and named, as the server does before storing them:
 * the bundle then references them (`*_file`, compose secrets, .env) and never holds a value.
 */
export function withoutLiteralSecrets(project: Project): Project {
  const { section, secrets } = extractImportedSecrets(alertingOf(project));
  return secrets.length === 0 ? project : withSection(project, { kind: "alerting" }, section);
}

/** Every secret name the verbatim configs and `global` read, in project order. */
export function verbatimSecretUses(project: Project): { secret: string; receiver?: string; path: string }[] {
  const uses: { secret: string; receiver?: string; path: string }[] = [];
  for (const receiver of project.receivers)
    for (const verbatim of receiver.verbatim ?? [])
      for (const [path, secret] of Object.entries(verbatim.secretRefs ?? {}))
        uses.push({ secret, receiver: receiver.name, path: `${verbatim.key}.${path}` });
  for (const [path, secret] of Object.entries(project.alertmanager.global?.secretRefs ?? {}))
    uses.push({ secret, path: `global.${path}` });
  return uses;
}
