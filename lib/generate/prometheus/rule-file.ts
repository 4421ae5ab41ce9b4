import type { Project, RuleGroup } from "../../model";
import { toYaml } from "../yaml";
import { prometheusRuleGroup } from "./rule-groups";

/**
 * Groups as one Prometheus rule file, as the bundle writes each group (labels and annotations as
 * the rules have them, disabled rules left out), but every group kept, an empty one too: what an
 * imported file exports as.
 */
export function ruleFileYaml(project: Project, groups: readonly RuleGroup[]): string {
  return toYaml({ groups: groups.map((group) => prometheusRuleGroup(project, group)) });
}
