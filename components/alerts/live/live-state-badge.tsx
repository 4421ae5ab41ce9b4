import type { ReactNode } from "react";
import { type LiveRuleState, liveStateLabel, liveStateWord } from "../model/live-state";

export interface LiveStateBadgeProps {
  state: LiveRuleState;
  testId?: string;
}

function title(state: LiveRuleState): string | undefined {
  if (state.kind === "changed") return `Prometheus runs: ${state.loadedQuery}`;
  if (state.kind === "not-loaded") return "The connected Prometheus has no rule of this group with this name";
  if (state.kind === "unavailable") return "The connected Prometheus's rules could not be read";
  return state.lastError;
}

/** A rule's live state in the connected Prometheus: inactive, pending, firing (n active) … */
export function LiveStateBadge({ state, testId = "rule-live-state" }: LiveStateBadgeProps): ReactNode {
  const word = liveStateWord(state);
  return (
    <span
      className={`badge alerts-state alerts-state-${word}`}
      data-testid={testId}
      data-state={word}
      title={title(state)}
    >
      {liveStateLabel(state)}
    </span>
  );
}
