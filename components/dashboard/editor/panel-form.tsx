"use client";

import type { ReactNode } from "react";
import { FieldMessages, issuesWithin } from "@/components/form/field-messages";
import { unitOptions } from "@/lib/dashboard/units";
import type { ModelIssue } from "@/lib/model/issues";
import type { Panel, Target, VisualPanelType } from "@/lib/model/panel";
import { PANEL_TYPE_LABELS, VISUAL_PANEL_TYPES } from "@/lib/panels/registry";
import { changePanelType } from "../model/panel-ops";
import { useDraftActions, useProjectId } from "../store/store-provider";
import { Field, setPanel, type Update } from "./panel-fields";
import { panelTypeForm } from "./panel-types/registry";
import { OverrideFields } from "./overrides/override-fields";
import { QueryFields } from "./query-fields";
import { ThresholdFields } from "./threshold-fields";
import { ValueMappingFields } from "./value-mappings/value-mapping-fields";

/** Paths the form has a field for, besides its type's options: issues elsewhere are listed at its top. */
const FORM_FIELDS = [
  "title",
  "description",
  "type",
  "targets",
  "unit",
  "decimals",
  "min",
  "max",
  "thresholds",
  "mappings",
  "overrides",
  "collapsed",
];

function optionalNumber(text: string): number | undefined {
  if (text.trim() === "") return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

function UnitSelect({
  id,
  value,
  onChange,
}: {
  id: string;
  value: string | undefined;
  onChange: (unit: string | undefined) => void;
}): ReactNode {
  const groups = [...new Set(unitOptions.map((option) => option.group))];
  const known = value === undefined || unitOptions.some((option) => option.id === value);
  return (
    <select
      id={id}
      value={value ?? ""}
      onChange={(event) => onChange(event.target.value === "" ? undefined : event.target.value)}
      data-testid="panel-unit"
    >
      <option value="">(none)</option>
      {known ? null : <option value={value}>{value}</option>}
      {groups.map((group) => (
        <optgroup key={group} label={group}>
          {unitOptions
            .filter((option) => option.group === group)
            .map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
        </optgroup>
      ))}
    </select>
  );
}

export interface PanelFormProps {
  panel: Panel;
  /** The model's issues for this panel, paths relative to it. */
  issues: readonly ModelIssue[];
}

/** The panel as a form: every field the model has, with the model's messages under each. */
export function PanelForm({ panel, issues }: PanelFormProps): ReactNode {
  const { updatePanel } = useDraftActions();
  const projectId = useProjectId();
  const update: Update = (change, field) => updatePanel(panel.id, change, `panel:${panel.id}:${field}`);
  const claimed = panel.type === "row" ? FORM_FIELDS : [...FORM_FIELDS, ...panelTypeForm(panel).fields];
  const unclaimed = issues.filter(
    (issue) => !claimed.some((field) => issuesWithin([issue], field).length > 0),
  );

  if (panel.type === "row") {
    return (
      <div className="dash-form" data-testid="panel-form">
        <Field label="Row title" issues={issuesWithin(issues, "title")} testId="panel-title">
          {(id) => (
            <input
              id={id}
              value={panel.title}
              onChange={(event) => update((p) => setPanel(p, { title: event.target.value }), "title")}
              data-testid="panel-title"
            />
          )}
        </Field>
        <label className="dash-inline">
          <input
            type="checkbox"
            checked={panel.collapsed}
            onChange={(event) => update((p) => setPanel(p, { collapsed: event.target.checked }), "collapsed")}
          />{" "}
          Collapsed
        </label>
        <FieldMessages issues={unclaimed} testId="panel-other-issues" />
      </div>
    );
  }

  const { Options } = panelTypeForm(panel);
  return (
    <div className="dash-form" data-testid="panel-form">
      <FieldMessages issues={unclaimed} testId="panel-other-issues" />
      <div className="dash-field-row">
        <Field label="Visualization" issues={issuesWithin(issues, "type")}>
          {(id) => (
            <select
              id={id}
              value={panel.type}
              onChange={(event) =>
                update((p) => changePanelType(p, event.target.value as VisualPanelType), "type")
              }
              data-testid="panel-type"
            >
              {VISUAL_PANEL_TYPES.map((type) => (
                <option key={type} value={type}>
                  {PANEL_TYPE_LABELS[type]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Title" issues={issuesWithin(issues, "title")} testId="panel-title">
          {(id) => (
            <input
              id={id}
              value={panel.title}
              onChange={(event) => update((p) => setPanel(p, { title: event.target.value }), "title")}
              data-testid="panel-title"
            />
          )}
        </Field>
      </div>
      <Field label="Description" issues={issuesWithin(issues, "description")}>
        {(id) => (
          <textarea
            id={id}
            value={panel.description ?? ""}
            rows={2}
            onChange={(event) =>
              update(
                (p) =>
                  setPanel(p, { description: event.target.value === "" ? undefined : event.target.value }),
                "description",
              )
            }
            data-testid="panel-description-input"
          />
        )}
      </Field>
      {"targets" in panel ? (
        <QueryFields
          projectId={projectId}
          targets={panel.targets}
          issues={issues}
          onChange={(targets: Target[], field) => update((p) => setPanel(p, { targets }), field)}
        />
      ) : null}
      <fieldset className="dash-fieldset">
        <legend>Standard options</legend>
        <div className="dash-field-row">
          <Field label="Unit" issues={issuesWithin(issues, "unit")}>
            {(id) => (
              <UnitSelect
                id={id}
                value={panel.unit}
                onChange={(unit) => update((p) => setPanel(p, { unit }), "unit")}
              />
            )}
          </Field>
          <Field label="Decimals" issues={issuesWithin(issues, "decimals")}>
            {(id) => (
              <input
                id={id}
                type="number"
                min={0}
                max={10}
                value={panel.decimals ?? ""}
                placeholder="auto"
                onChange={(event) => {
                  const value = optionalNumber(event.target.value);
                  update(
                    (p) =>
                      setPanel(p, {
                        decimals:
                          value === undefined ? undefined : Math.max(0, Math.min(10, Math.round(value))),
                      }),
                    "decimals",
                  );
                }}
                data-testid="panel-decimals"
              />
            )}
          </Field>
          <Field label="Min" issues={issuesWithin(issues, "min")}>
            {(id) => (
              <input
                id={id}
                type="number"
                step="any"
                value={panel.min ?? ""}
                placeholder="auto"
                onChange={(event) =>
                  update((p) => setPanel(p, { min: optionalNumber(event.target.value) }), "min")
                }
              />
            )}
          </Field>
          <Field label="Max" issues={issuesWithin(issues, "max")}>
            {(id) => (
              <input
                id={id}
                type="number"
                step="any"
                value={panel.max ?? ""}
                placeholder="auto"
                onChange={(event) =>
                  update((p) => setPanel(p, { max: optionalNumber(event.target.value) }), "max")
                }
              />
            )}
          </Field>
        </div>
      </fieldset>
      <ThresholdFields
        value={panel.thresholds}
        issues={issues}
        onChange={(thresholds) => update((p) => setPanel(p, { thresholds }), "thresholds")}
      />
      {"overrides" in panel ? (
        <>
          <ValueMappingFields
            value={panel.mappings}
            issues={issues}
            onChange={(mappings) => update((p) => setPanel(p, { mappings }), "mappings")}
          />
          <OverrideFields
            value={panel.overrides}
            issues={issues}
            onChange={(overrides) => update((p) => setPanel(p, { overrides }), "overrides")}
          />
        </>
      ) : null}
      <fieldset className="dash-fieldset">
        <legend>{PANEL_TYPE_LABELS[panel.type]} options</legend>
        <Options panel={panel} update={update} issues={issues} />
      </fieldset>
    </div>
  );
}
