"use client";

import { type ReactNode, useMemo } from "react";
import type { JsonEditorMarker } from "@/components/code-editor/types";
import { useGroupIssues, useRuleGroupState } from "../store/store-provider";
import { LazyYamlEditor } from "./lazy-yaml-editor";
import { useSyncedYaml } from "./use-synced-yaml";

/** The group as Prometheus rule YAML, in step with the form both ways; every problem a marker. */
export function YamlTab(): ReactNode {
  const group = useRuleGroupState((state) => state.group);
  const edit = useRuleGroupState((state) => state.edit);
  const issues = useGroupIssues();
  const { text, onText, parseIssues } = useSyncedYaml(group, (next) => edit(() => next, "yaml"));
  // While the text does not describe a group, its own problems are what matters; the draft's stay on the form.
  const markers = useMemo<JsonEditorMarker[]>(
    () => (parseIssues.length > 0 ? parseIssues : issues),
    [parseIssues, issues],
  );
  const disabled = group.rules.filter((rule) => !rule.enabled).length;
  return (
    <section className="alerts-yaml" aria-label="Rule group YAML" data-testid="group-yaml">
      <p className="muted small">
        The group as Prometheus reads it. Edits apply to the form as soon as the text is a rule group.
        {disabled > 0
          ? ` ${disabled} disabled rule${disabled === 1 ? " is" : "s are"} shown here and left out of the bundle's rule file.`
          : ""}
      </p>
      {parseIssues.length > 0 ? (
        <p className="notice notice-warning" role="status" data-testid="yaml-not-applied">
          The YAML is not applied until it is a rule group again; the form shows the last one that was.
        </p>
      ) : null}
      <LazyYamlEditor
        value={text}
        onChange={onText}
        markers={markers}
        ariaLabel="Rule group YAML"
        testId="group-yaml-editor"
        height={480}
      />
    </section>
  );
}
