export { budgetRemaining, burnMaths, type BurnMaths } from "./budget";
export { prometheusDuration, spokenDuration } from "./durations";
export type { ExplainedWindow } from "./explain";
export { generateSloRules, type SloAlertExplanation, type SloGeneration } from "./generate";
export { applySloToGroup, generatedRuleKey } from "./merge";
export {
  policyAlerts,
  policyWindows,
  sloWindowMs,
  type BurnWindow,
  type PolicyAlert,
  type SloAlertSeverity,
} from "./policies";
export { budgetRemainingQuery, errorBudget, errorRatioQuery, windowErrorRatioQuery } from "./queries";
