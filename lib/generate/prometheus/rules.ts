import type { Project } from "../../model";
import { ruleFilePath } from "../names";
import type { GeneratedFile } from "../types";
import { GENERATED_HEADER, toYaml } from "../yaml";
import { prometheusRuleGroup } from "./rule-groups";

/** One Prometheus rule file per group that has an enabled rule, named after the group. */
export function generateRuleFiles(project: Project): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  for (const group of project.ruleGroups) {
    const prometheusGroup = prometheusRuleGroup(project, group);
    if (prometheusGroup.rules.length === 0) continue;
    files.push({
      path: ruleFilePath(group.name, project),
      content: toYaml({ groups: [prometheusGroup] }, GENERATED_HEADER),
    });
  }
  return files;
}
