import type { ReactNode } from "react";
import type { Rule, RuleGroup } from "@/lib/model/rule";
import { anchorId } from "./issue-anchors";

export interface RuleGroupsSectionProps {
  ruleGroups: readonly RuleGroup[];
}

function RuleRow({ rule, id }: { rule: Rule; id: string }): ReactNode {
  switch (rule.kind) {
    case "alert":
      return (
        <tr id={id} className={rule.enabled ? "anchor-target" : "anchor-target disabled"}>
          <td>
            <code>{rule.alert}</code>
            {rule.enabled ? null : <span className="badge">disabled</span>}
          </td>
          <td>
            {rule.labels.severity === undefined ? (
              <span className="muted">—</span>
            ) : (
              <span className={`severity severity-${rule.labels.severity}`}>{rule.labels.severity}</span>
            )}
          </td>
          <td>{rule.for ?? <span className="muted">—</span>}</td>
          <td>{rule.annotations.summary}</td>
        </tr>
      );
    case "record":
      return (
        <tr id={id} className={rule.enabled ? "anchor-target" : "anchor-target disabled"}>
          <td>
            <code>{rule.record}</code> <span className="badge">recording</span>
          </td>
          <td className="muted">—</td>
          <td className="muted">—</td>
          <td>
            <code className="expr">{rule.expr}</code>
          </td>
        </tr>
      );
    default: {
      const exhaustive: never = rule;
      throw new Error(`unknown rule ${JSON.stringify(exhaustive)}`);
    }
  }
}

export function RuleGroupsSection({ ruleGroups }: RuleGroupsSectionProps): ReactNode {
  const alertCount = ruleGroups.reduce(
    (sum, group) => sum + group.rules.filter((rule) => rule.kind === "alert").length,
    0,
  );
  return (
    <section id="ruleGroups" className="section" data-testid="rules-section">
      <h2>
        Alert rules <span className="count">{alertCount}</span>
      </h2>
      {ruleGroups.length === 0 ? <p className="empty">No rule groups.</p> : null}
      {ruleGroups.map((group, groupIndex) => (
        <div
          key={anchorId(["ruleGroups", groupIndex])}
          id={anchorId(["ruleGroups", groupIndex])}
          className="anchor-target rule-group"
        >
          <h3>
            {group.name}
            {group.interval ? <span className="muted small"> every {group.interval}</span> : null}
          </h3>
          {group.rules.length === 0 ? (
            <p className="empty">No rules in this group.</p>
          ) : (
            <table className="rules-table">
              <colgroup>
                <col className="col-alert" />
                <col className="col-severity" />
                <col className="col-for" />
                <col />
              </colgroup>
              <thead>
                <tr>
                  <th>Alert</th>
                  <th>Severity</th>
                  <th>For</th>
                  <th>Summary</th>
                </tr>
              </thead>
              <tbody>
                {group.rules.map((rule, ruleIndex) => {
                  const id = anchorId(["ruleGroups", groupIndex, "rules", ruleIndex]);
                  return <RuleRow key={id} id={id} rule={rule} />;
                })}
              </tbody>
            </table>
          )}
        </div>
      ))}
    </section>
  );
}
