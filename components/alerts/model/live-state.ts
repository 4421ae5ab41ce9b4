import type { RulesData } from "@/lib/prometheus/schemas";
import type { Rule } from "@/lib/model/rule";
import { ruleName } from "./rule-ops";

/**
 * A rule's state in the connected Prometheus, from its rules API: found when that Prometheus runs
 * a group of the same name with a rule of the same name and expression. Prometheus answers the
 * expression as its parser prints it (`sum by (job) (x)` for `sum(x) by(job)`, spaces normalised),
 * so expressions are compared without their white space, and a rule found by name whose
 * expression still differs is told apart: Prometheus runs an older version of it.
 */
export type LiveRuleState =
  | { kind: "unavailable" }
  | { kind: "not-loaded" }
  | { kind: "changed"; loadedQuery: string }
  | {
      kind: "alerting";
      state: "inactive" | "pending" | "firing";
      active: number;
      health?: string;
      lastError?: string;
    }
  | { kind: "recording"; health?: string; lastError?: string };

export type LiveState = LiveRuleState["kind"] | "inactive" | "pending" | "firing";

function compact(expr: string): string {
  return expr.replace(/\s+/g, "");
}

export function liveRuleState(groupName: string, rule: Rule, data: RulesData | undefined): LiveRuleState {
  if (!data) return { kind: "unavailable" };
  const name = ruleName(rule);
  const type = rule.kind === "alert" ? "alerting" : "recording";
  const candidates = data.groups
    .filter((group) => group.name === groupName)
    .flatMap((group) => group.rules)
    .filter((loaded) => loaded.type === type && loaded.name === name);
  if (candidates.length === 0) return { kind: "not-loaded" };
  const same = candidates.find((loaded) => compact(loaded.query) === compact(rule.expr));
  if (!same) return { kind: "changed", loadedQuery: candidates[0]?.query ?? "" };
  if (same.type === "recording") return { kind: "recording", health: same.health, lastError: same.lastError };
  return {
    kind: "alerting",
    state: same.state,
    active: same.alerts.filter((alert) => alert.state !== "inactive").length,
    health: same.health,
    lastError: same.lastError,
  };
}

/** The one word a filter matches: inactive, pending, firing, recording, not-loaded, changed, unavailable. */
export function liveStateWord(state: LiveRuleState): LiveState {
  return state.kind === "alerting" ? state.state : state.kind;
}

/** What the badge says. */
export function liveStateLabel(state: LiveRuleState): string {
  switch (state.kind) {
    case "unavailable":
      return "state unknown";
    case "not-loaded":
      return "not loaded in Prometheus";
    case "changed":
      return "Prometheus runs another version";
    case "recording":
      return state.lastError ? "recording (error)" : "recording";
    case "alerting":
      return state.active > 0 ? `${state.state} (${state.active} active)` : state.state;
    default: {
      const exhaustive: never = state;
      throw new Error(`unknown state ${JSON.stringify(exhaustive)}`);
    }
  }
}
