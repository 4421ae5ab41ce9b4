/**
 * Who the simulation's answer is about: the backtested rule, the typed alert, or both, so a
 * sentence never credits the rule with the messages of an alert typed beside it.
 */
export function simulationSubject(ruleAlert: string | undefined, typedAlert: boolean): string {
  if (ruleAlert === undefined) return "this alert";
  return typedAlert ? `this rule (${ruleAlert}) and the typed alert` : `this rule (${ruleAlert})`;
}
