"use client";

import type { ReactNode } from "react";
import { issuesWithin } from "@/components/form/field-messages";
import { FieldMessages } from "@/components/form/field-messages";
import type { Matcher } from "@/lib/model/alertmanager";
import type { ModelIssue } from "@/lib/model/issues";

const OPS: readonly Matcher["op"][] = ["=", "!=", "=~", "!~"];

export interface MatchersEditorProps {
  /** What the matchers are for, in the controls' labels: "Route", "Source", "Target". */
  label: string;
  matchers: readonly Matcher[];
  onChange: (matchers: Matcher[]) => void;
  issues: readonly ModelIssue[];
  /** Model path of the list: `route.routes[0].matchers`. */
  path: string;
  testId: string;
  /** What an empty list means, in words. */
  emptyText: string;
}

/**
 * A list of matchers (`label op value`), each row with its own messages: a regex Go's RE2 refuses
 * is marked on its value, as Alertmanager refuses the configuration for it.
 */
export function MatchersEditor({
  label,
  matchers,
  onChange,
  issues,
  path,
  testId,
  emptyText,
}: MatchersEditorProps): ReactNode {
  const update = (index: number, matcher: Matcher): void =>
    onChange(matchers.map((entry, i) => (i === index ? withoutLegacy(matcher) : entry)));
  return (
    <fieldset className="alerting-matchers" data-testid={testId}>
      <legend>{label} matchers</legend>
      {matchers.length === 0 ? <p className="muted small">{emptyText}</p> : null}
      {matchers.map((matcher, index) => {
        const at = `${path}[${index}]`;
        const rowIssues = issuesWithin(issues, at);
        const invalid = (field: string): true | undefined =>
          issuesWithin(rowIssues, `${at}.${field}`).some((issue) => issue.severity === "error") || undefined;
        const n = index + 1;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: matchers have no identity; two may be equal while typed
          <div key={index} className="alerting-matcher" data-testid={`${testId}-row`}>
            <div className="alerting-matcher-inputs">
              <input
                aria-label={`${label} matcher ${n} label`}
                value={matcher.label}
                placeholder="label"
                aria-invalid={invalid("label")}
                onChange={(event) => update(index, { ...matcher, label: event.target.value })}
                data-testid={`${testId}-label`}
              />
              <select
                aria-label={`${label} matcher ${n} operator`}
                value={matcher.op}
                aria-invalid={invalid("op")}
                onChange={(event) => update(index, { ...matcher, op: event.target.value as Matcher["op"] })}
                data-testid={`${testId}-op`}
              >
                {OPS.map((op) => (
                  <option key={op} value={op}>
                    {op}
                  </option>
                ))}
              </select>
              <input
                aria-label={`${label} matcher ${n} value`}
                value={matcher.value}
                placeholder={matcher.op.endsWith("~") ? "regex" : "value"}
                aria-invalid={invalid("value")}
                onChange={(event) => update(index, { ...matcher, value: event.target.value })}
                data-testid={`${testId}-value`}
              />
              <button
                type="button"
                className="button button-small button-danger-outline"
                aria-label={`Remove ${label.toLowerCase()} matcher ${n}`}
                onClick={() => onChange(matchers.filter((_, i) => i !== index))}
              >
                Remove
              </button>
            </div>
            <FieldMessages issues={rowIssues} testId={`${testId}-issues`} />
          </div>
        );
      })}
      <button
        type="button"
        className="button button-small"
        onClick={() => onChange([...matchers, { label: "", op: "=", value: "" }])}
        data-testid={`${testId}-add`}
      >
        Add {label.toLowerCase()} matcher
      </button>
    </fieldset>
  );
}

/** A legacy `match`/`match_re` entry turned to != or !~ is written in the `matchers` form, which can hold them. */
function withoutLegacy(matcher: Matcher): Matcher {
  if (!matcher.legacy || matcher.op === "=" || matcher.op === "=~") return matcher;
  const { legacy: _legacy, ...rest } = matcher;
  return rest;
}
