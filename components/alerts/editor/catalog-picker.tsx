"use client";

import { type ReactNode, useEffect, useMemo, useState } from "react";
import type { AlertingRule } from "@/lib/model/rule";
import type { CatalogChoice } from "../model/catalog-choices";
import { ruleName } from "../model/rule-ops";
import { useRuleGroupState } from "../store/store-provider";

// The catalog (rules, runbooks, and the dashboards its context module brings) loads when opened.
const loadChoices = (): Promise<typeof import("../model/catalog-choices")> =>
  import("../model/catalog-choices");

export interface CatalogPickerProps {
  onAdd: (rule: AlertingRule) => void;
  onClose: () => void;
}

/** The catalog's rules by category; one click adds one to the group, with what the catalog adds shown. */
export function CatalogPicker({ onAdd, onClose }: CatalogPickerProps): ReactNode {
  const project = useRuleGroupState((state) => state.project);
  const group = useRuleGroupState((state) => state.group);
  const [choices, setChoices] = useState<CatalogChoice[] | undefined>();
  useEffect(() => {
    let live = true;
    void loadChoices().then((module) => {
      if (live) setChoices(module.catalogChoices(project));
    });
    return () => {
      live = false;
    };
  }, [project]);
  const taken = useMemo(() => new Set(group.rules.map(ruleName)), [group.rules]);
  const categories = useMemo(() => [...new Set((choices ?? []).map((choice) => choice.category))], [choices]);
  return (
    <section className="card alerts-catalog" aria-label="Catalog rules" data-testid="catalog-picker">
      <div className="alerts-catalog-bar">
        <strong>Add from the catalog</strong>
        <button type="button" className="button button-small" onClick={onClose}>
          Close
        </button>
      </div>
      <p className="muted small">
        Catalog rules carry a <code>category</code> label and a generated runbook (linked as{" "}
        <code>runbook_url</code> in the bundle unless the rule has its own); both show on the rule once added.
      </p>
      {choices === undefined ? <p className="muted">Loading the catalog…</p> : null}
      {categories.map((category) => (
        <div key={category} className="alerts-catalog-category" data-testid={`catalog-category-${category}`}>
          <h4>{category}</h4>
          <ul>
            {(choices ?? [])
              .filter((choice) => choice.category === category)
              .map((choice) => (
                <li key={choice.id} data-testid="catalog-rule" data-rule={choice.id}>
                  <button
                    type="button"
                    className="button button-small"
                    disabled={taken.has(choice.id)}
                    onClick={() => onAdd(choice.rule)}
                    aria-label={`Add ${choice.id}`}
                    data-testid={`catalog-add-${choice.id}`}
                  >
                    {taken.has(choice.id) ? "Added" : "Add"}
                  </button>{" "}
                  <code>{choice.id}</code>{" "}
                  <span className={`severity severity-${choice.rule.labels.severity ?? "info"}`}>
                    {choice.rule.labels.severity ?? "no severity"}
                  </span>{" "}
                  <span className="muted small">
                    {choice.rule.annotations.summary ?? ""} · {choice.source}, {choice.level}
                    {choice.rule.labels.category ? ` · adds category="${choice.rule.labels.category}"` : ""}
                    {choice.rule.runbook ? " · runbook" : ""}
                  </span>
                </li>
              ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
