"use client";

import { type ReactNode, useEffect, useState } from "react";
import { issuesWithin } from "@/components/form/field-messages";
import { SettingsField } from "@/components/form/settings-field";
import type { RuleGroup } from "@/lib/model/rule";
import { useGroupIssues, useRuleGroupState } from "../store/store-provider";
import { KeyValueEditor } from "./key-value-editor";

type Optional = "interval" | "queryOffset";

function set<K extends keyof RuleGroup>(
  group: RuleGroup,
  key: K,
  value: RuleGroup[K] | undefined,
): RuleGroup {
  const next = { ...group };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

/** The limit as typed: a whole number reaches the group; anything else stays here with a message. */
function LimitField({
  value,
  onChange,
  issues,
}: {
  value: number | undefined;
  onChange: (limit: number | undefined) => void;
  issues: ReturnType<typeof useGroupIssues>;
}): ReactNode {
  const [text, setText] = useState(value === undefined ? "" : String(value));
  useEffect(() => {
    setText((current) =>
      current.trim() === (value === undefined ? "" : String(value))
        ? current
        : value === undefined
          ? ""
          : String(value),
    );
  }, [value]);
  const bad = text.trim() !== "" && !/^\d+$/.test(text.trim());
  const shown = bad
    ? [
        ...issues,
        {
          path: "limit",
          message: `"${text}" is not a whole number: the limit is 0 or more, 0 for none`,
          severity: "error" as const,
        },
      ]
    : issues;
  return (
    <SettingsField
      label="Limit"
      issues={shown}
      testId="group-limit"
      hint="Most alerts (or series) one evaluation may produce; empty or 0 for none."
    >
      {(id, invalid) => (
        <input
          id={id}
          inputMode="numeric"
          value={text}
          aria-invalid={invalid}
          onChange={(event) => {
            setText(event.target.value);
            const trimmed = event.target.value.trim();
            if (trimmed === "") onChange(undefined);
            else if (/^\d+$/.test(trimmed)) onChange(Number(trimmed));
          }}
          data-testid="group-limit"
        />
      )}
    </SettingsField>
  );
}

/** Interval, limit, query offset and group labels, with the Prometheus versions that read them. */
export function GroupSettings(): ReactNode {
  const group = useRuleGroupState((state) => state.group);
  const edit = useRuleGroupState((state) => state.edit);
  const issues = useGroupIssues();
  const duration = (key: Optional, label: string, hint: string, testId: string): ReactNode => (
    <SettingsField label={label} issues={issuesWithin(issues, key)} testId={testId} hint={hint}>
      {(id, invalid) => (
        <input
          id={id}
          value={group[key] ?? ""}
          aria-invalid={invalid}
          placeholder="global"
          onChange={(event) => {
            const text = event.target.value.trim();
            edit((current) => set(current, key, text === "" ? undefined : text), key);
          }}
          data-testid={testId}
        />
      )}
    </SettingsField>
  );
  return (
    <section className="card alerts-group-settings" aria-label="Group settings" data-testid="group-settings">
      <div className="alerts-field-row">
        {duration(
          "interval",
          "Evaluation interval",
          "How often the rules run; empty for the global evaluation_interval.",
          "group-interval",
        )}
        <LimitField
          value={group.limit}
          onChange={(limit) => edit((current) => set(current, "limit", limit), "limit")}
          issues={issuesWithin(issues, "limit")}
        />
        {duration(
          "queryOffset",
          "Query offset",
          "query_offset: evaluate this far in the past (Prometheus ≥ 2.53).",
          "group-query-offset",
        )}
      </div>
      <KeyValueEditor
        label="Group labels"
        value={group.labels ?? {}}
        onChange={(labels, key) =>
          edit((current) => set(current, "labels", Object.keys(labels).length > 0 ? labels : undefined), key)
        }
        path="labels"
        issues={issues}
        testId="group-labels"
      />
      <p className="field-hint">
        Group labels are added to every rule of the group by Prometheus ≥ 3.0; older versions refuse the file.
      </p>
    </section>
  );
}
