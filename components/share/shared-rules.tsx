import type { ReactNode } from "react";
import type { Rule, RuleGroup } from "@/lib/model/rule";

export interface SharedRulesProps {
  ruleGroups: readonly RuleGroup[];
}

function ruleName(rule: Rule): string {
  return rule.kind === "alert" ? rule.alert : rule.record;
}

/** Each rule with a key of its own: a group may hold two rules of one name. */
function keyedRules(rules: readonly Rule[]): { key: string; rule: Rule }[] {
  const seen = new Map<string, number>();
  return rules.map((rule) => {
    const name = `${rule.kind}:${ruleName(rule)}`;
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return { key: `${name}:${count}`, rule };
  });
}

/** The project's alerting and recording rules, as text: names, expressions, durations, labels. */
export function SharedRules({ ruleGroups }: SharedRulesProps): ReactNode {
  if (ruleGroups.length === 0) return <p className="muted">This project has no alert rules.</p>;
  return (
    <div data-testid="shared-rules">
      {ruleGroups.map((group) => (
        <section key={group.name} className="card" aria-label={`Rule group ${group.name}`}>
          <h3>
            {group.name}
            {group.interval ? <span className="muted small"> every {group.interval}</span> : null}
          </h3>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Rule</th>
                <th scope="col">Expression</th>
                <th scope="col">For</th>
                <th scope="col">Labels</th>
              </tr>
            </thead>
            <tbody>
              {keyedRules(group.rules).map(({ key, rule }) => (
                <tr key={key} data-testid="shared-rule">
                  <td>{rule.kind === "alert" ? rule.alert : <code>{rule.record}</code>}</td>
                  <td>
                    <code>{rule.expr}</code>
                  </td>
                  <td>{rule.kind === "alert" ? (rule.for ?? "") : ""}</td>
                  <td>
                    {Object.entries(rule.labels)
                      .map(([name, value]) => `${name}=${value}`)
                      .join(", ")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
