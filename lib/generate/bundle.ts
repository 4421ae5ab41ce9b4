import { withoutLiteralSecrets } from "./literal-secrets";
import type { Project } from "../model";
import { generateAlertmanager } from "./alertmanager";
import { generateAlloy } from "./alloy";
import { generateCompose, generateEnvExample } from "./compose";
import { generateGrafana } from "./grafana";
import { generateKubernetes } from "./kubernetes";
import { generateLoki, generatePromtail } from "./loki";
import { generatePrometheusConfig } from "./prometheus/prometheus-config";
import { generateRuleFiles } from "./prometheus/rules";
import { generateRuleTests } from "./prometheus/unit-tests";
import { generateReadme } from "./readme";
import { generateRunbooks } from "./runbooks";
import type { GeneratedFile, Generator } from "./types";

/** Every generator of the bundle; the README comes last because it describes the others' files. */
export const BUNDLE_GENERATORS: readonly Generator[] = [
  generatePrometheusConfig,
  generateRuleFiles,
  generateRuleTests,
  generateAlertmanager,
  generateGrafana,
  generateLoki,
  generateAlloy,
  generatePromtail,
  generateCompose,
  generateEnvExample,
  generateKubernetes,
  generateRunbooks,
];

/** The whole observability bundle for a validated project, sorted by path. */
export function generateBundle(input: Project): GeneratedFile[] {
  // A literal secret an import kept never reaches a file: each generator sees it as a named secret.
  const project = withoutLiteralSecrets(input);
  const files = BUNDLE_GENERATORS.flatMap((generate) => generate(project));
  files.push(...generateReadme(project, files));
  const seen = new Set<string>();
  for (const file of files) {
    if (seen.has(file.path)) throw new Error(`two generators wrote ${file.path}`);
    seen.add(file.path);
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
