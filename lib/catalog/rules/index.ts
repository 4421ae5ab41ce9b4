import type { RuleEntry } from "../types";
import { availabilityRules } from "./availability";
import { complianceRules } from "./compliance";
import { performanceRules } from "./performance";
import { resourceRules } from "./resources";
import { securityRules } from "./security";

/**
 * The alert-rule catalog: seed 003's 15 rules (plus DatabaseGrowth, which it lists under resources
 * without counting it) and seed 000's rules whose thresholds differ from them. Each entry builds
 * the rule for the project's FraiseQL version, with its runbook and promtool test cases.
 */
export const catalogRules: readonly RuleEntry[] = [
  ...performanceRules,
  ...availabilityRules,
  ...securityRules,
  ...resourceRules,
  ...complianceRules,
];
