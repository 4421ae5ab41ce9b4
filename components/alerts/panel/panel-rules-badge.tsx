"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import type { RuleGroup } from "@/lib/model/rule";
import { useLiveRules } from "../live/use-live-rules";
import { liveRuleState, liveStateLabel, liveStateWord } from "../model/live-state";
import { rulesOfPanel } from "../model/panel-rule";
import { editorHref } from "../list/hrefs";
import "../alerts.css";

export interface PanelRulesBadgeProps {
  projectId: string;
  dashboardUid: string;
  panelId: number;
  ruleGroups: readonly RuleGroup[];
}

const RANK: Record<string, number> = { firing: 3, pending: 2, inactive: 1 };

/**
 * On a dashboard panel's header: the alert rules linked to the panel, with the worst live state
 * among them; each opens in the rule editor. Nothing (and no request) for a panel without rules.
 */
export function PanelRulesBadge({
  projectId,
  dashboardUid,
  panelId,
  ruleGroups,
}: PanelRulesBadgeProps): ReactNode {
  const rules = rulesOfPanel(ruleGroups, dashboardUid, panelId);
  const live = useLiveRules(projectId, rules.length > 0);
  if (rules.length === 0) return null;
  const states = rules.map((entry) => liveRuleState(entry.group, entry.rule, live.data));
  const worst = states.map(liveStateWord).sort((a, b) => (RANK[b] ?? 0) - (RANK[a] ?? 0))[0] ?? "unavailable";
  const first = rules[0];
  const title = rules
    .map((entry, index) => `${entry.rule.alert}: ${liveStateLabel(states[index] ?? { kind: "unavailable" })}`)
    .join("\n");
  return (
    <Link
      href={
        first ? editorHref(projectId, first.group, { rule: first.index }) : `/projects/${projectId}/alerts`
      }
      className={`badge alerts-state alerts-state-${worst}`}
      title={title}
      data-testid="panel-rules-badge"
      data-state={worst}
      aria-label={`${rules.length} alert rule${rules.length === 1 ? "" : "s"}: ${title}`}
      onPointerDown={(event) => event.stopPropagation()}
    >
      {rules.length} alert{rules.length === 1 ? "" : "s"}
      {RANK[worst] ? ` · ${worst}` : ""}
    </Link>
  );
}
