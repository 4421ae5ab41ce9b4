export { type BurnMaths, budgetRemaining, burnMaths } from "./budget";
export { prometheusDuration, spokenDuration } from "./durations";
export type { ExplainedWindow } from "./explain";
export { generateSloRules, type SloAlertExplanation, type SloGeneration } from "./generate";
export { applySloToGroup, generatedRuleKey } from "./merge";
export {
  type BurnWindow,
  type PolicyAlert,
  policyAlerts,
  policyWindows,
  type SloAlertSeverity,
  sloWindowMs,
} from "./policies";
export { budgetRemainingQuery, errorBudget, errorRatioQuery, windowErrorRatioQuery } from "./queries";
