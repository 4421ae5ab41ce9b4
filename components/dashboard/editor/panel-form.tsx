"use client";

import { type ReactNode, useId } from "react";
import { FieldMessages, issuesWithin } from "@/components/form/field-messages";
import { ChoiceSelect, type Choices } from "@/components/ui/choice-select";
import type { Calc } from "@/lib/dashboard/series";
import { CALC_LABELS } from "@/lib/dashboard/series";
import { unitOptions } from "@/lib/dashboard/units";
import type { ModelIssue } from "@/lib/model/issues";
import type { Panel, RowPanel, Target } from "@/lib/model/panel";
import {
  changePanelType,
  PANEL_TYPE_LABELS,
  VISUAL_PANEL_TYPES,
  type VisualPanelType,
} from "../model/panel-ops";
import { useDraftActions, useProjectId } from "../store/store-provider";
import { QueryFields } from "./query-fields";
import { ThresholdFields } from "./threshold-fields";

type VisualPanel = Exclude<Panel, RowPanel>;
type OfType<T extends Panel["type"]> = Extract<Panel, { type: T }>;
type Update = (change: (panel: Panel) => Panel, field: string) => void;

/** Paths the form has a field for: issues elsewhere are listed at its top. */
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
  "legend",
  "drawStyle",
  "fillOpacity",
  "stacking",
  "reduce",
  "graphMode",
  "colorMode",
  "orientation",
  "displayMode",
  "showThresholdMarkers",
  "colorScheme",
  "sortBy",
  "showHeader",
  "maxItems",
  "stateFilter",
  "labelFilter",
  "collapsed",
];

interface FieldProps {
  label: string;
  issues: readonly ModelIssue[];
  children: (id: string) => ReactNode;
  testId?: string;
}

function Field({ label, issues, children, testId }: FieldProps): ReactNode {
  const id = useId();
  return (
    <div className="field dash-field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children(id)}
      <FieldMessages issues={issues} testId={testId ? `${testId}-issues` : undefined} />
    </div>
  );
}

/** The panel's fields whose values are strings: the ones a drop-down can edit. */
type ChoiceKey<P> = { [K in keyof P]: P[K] extends string ? K : never }[keyof P] & string;

interface PanelChoiceProps<P extends VisualPanel, K extends ChoiceKey<P>> {
  panel: P;
  field: K;
  label: string;
  choices: Choices<P[K] & string>;
  update: Update;
  issues: readonly ModelIssue[];
  testId?: string;
}

/** A labelled drop-down over a fixed set of values of one panel field, with that field's issues. */
function PanelChoice<P extends VisualPanel, K extends ChoiceKey<P>>({
  panel,
  field,
  label,
  choices,
  update,
  issues,
  testId,
}: PanelChoiceProps<P, K>): ReactNode {
  return (
    <Field label={label} issues={issuesWithin(issues, field)}>
      {(id) => (
        <ChoiceSelect
          id={id}
          value={panel[field] as P[K] & string}
          choices={choices}
          onChange={(value) => update((current) => set(current, { [field]: value } as Partial<P>), field)}
          testId={testId}
        />
      )}
    </Field>
  );
}

const DRAW_STYLES: Choices<OfType<"timeseries">["drawStyle"]> = [
  ["line", "Lines"],
  ["bars", "Bars"],
  ["points", "Points"],
];
const STACKING_MODES: Choices<OfType<"timeseries">["stacking"]> = [
  ["none", "Off"],
  ["normal", "Normal"],
  ["percent", "100%"],
];
const GRAPH_MODES: Choices<OfType<"stat">["graphMode"]> = [
  ["area", "Sparkline"],
  ["none", "None"],
];
const COLOR_MODES: Choices<OfType<"stat">["colorMode"]> = [
  ["value", "Value"],
  ["background", "Background"],
  ["none", "None"],
];
const ORIENTATIONS: Choices<OfType<"bargauge">["orientation"]> = [
  ["horizontal", "Horizontal"],
  ["vertical", "Vertical"],
  ["auto", "Auto"],
];
const DISPLAY_MODES: Choices<OfType<"bargauge">["displayMode"]> = [
  ["gradient", "Gradient"],
  ["lcd", "Retro LCD"],
  ["basic", "Basic"],
];

function optionalNumber(text: string): number | undefined {
  if (text.trim() === "") return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

function set<P extends Panel>(panel: Panel, change: Partial<P>): Panel {
  return { ...panel, ...change } as Panel;
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

const REDUCE_CHOICES: Choices<OfType<"stat">["reduce"]> = (
  ["lastNotNull", "last", "mean", "max", "min", "sum"] as const
).map((calc) => [calc, CALC_LABELS[calc]] as const);

function TimeseriesOptions({
  panel,
  update,
  issues,
}: {
  panel: OfType<"timeseries">;
  update: Update;
  issues: readonly ModelIssue[];
}): ReactNode {
  const calcs: Calc[] = ["min", "max", "mean", "last", "lastNotNull"];
  const setLegend = (change: Partial<OfType<"timeseries">["legend"]>): void =>
    update((p) => set(p, { legend: { ...panel.legend, ...change } }), "legend");
  return (
    <>
      <fieldset className="dash-fieldset" data-testid="legend-fields">
        <legend>Legend</legend>
        <label className="dash-inline">
          <input
            type="checkbox"
            checked={panel.legend.show}
            onChange={(event) => setLegend({ show: event.target.checked })}
            data-testid="legend-show"
          />{" "}
          Show
        </label>
        <label className="dash-inline">
          Placement{" "}
          <select
            value={panel.legend.placement}
            onChange={(event) => setLegend({ placement: event.target.value as "bottom" | "right" })}
          >
            <option value="bottom">Bottom</option>
            <option value="right">Right</option>
          </select>
        </label>
        <label className="dash-inline">
          Mode{" "}
          <select
            value={panel.legend.displayMode}
            onChange={(event) => setLegend({ displayMode: event.target.value as "list" | "table" })}
          >
            <option value="list">List</option>
            <option value="table">Table</option>
          </select>
        </label>
        <div className="dash-field-row">
          Values:
          {calcs.map((calc) => (
            <label key={calc} className="dash-inline">
              <input
                type="checkbox"
                checked={panel.legend.calcs.includes(calc)}
                onChange={(event) =>
                  setLegend({
                    calcs: event.target.checked
                      ? [...panel.legend.calcs, calc]
                      : panel.legend.calcs.filter((entry) => entry !== calc),
                  })
                }
                data-testid={`legend-calc-${calc}`}
              />{" "}
              {CALC_LABELS[calc]}
            </label>
          ))}
        </div>
        <FieldMessages issues={issuesWithin(issues, "legend")} />
      </fieldset>
      <div className="dash-field-row">
        <PanelChoice
          panel={panel}
          field="drawStyle"
          label="Style"
          choices={DRAW_STYLES}
          update={update}
          issues={issues}
          testId="draw-style"
        />
        <Field label="Fill opacity" issues={issuesWithin(issues, "fillOpacity")}>
          {(id) => (
            <input
              id={id}
              type="number"
              min={0}
              max={100}
              value={panel.fillOpacity}
              onChange={(event) =>
                update(
                  (p) =>
                    set(p, {
                      fillOpacity: Math.max(0, Math.min(100, Math.round(Number(event.target.value) || 0))),
                    }),
                  "fillOpacity",
                )
              }
            />
          )}
        </Field>
        <PanelChoice
          panel={panel}
          field="stacking"
          label="Stacking"
          choices={STACKING_MODES}
          update={update}
          issues={issues}
          testId="stacking"
        />
      </div>
    </>
  );
}

function TypeOptions({
  panel,
  update,
  issues,
}: {
  panel: VisualPanel;
  update: Update;
  issues: readonly ModelIssue[];
}): ReactNode {
  switch (panel.type) {
    case "timeseries":
      return <TimeseriesOptions panel={panel} update={update} issues={issues} />;
    case "stat":
      return (
        <div className="dash-field-row">
          <PanelChoice
            panel={panel}
            field="reduce"
            label="Calculation"
            choices={REDUCE_CHOICES}
            update={update}
            issues={issues}
          />
          <PanelChoice
            panel={panel}
            field="graphMode"
            label="Graph"
            choices={GRAPH_MODES}
            update={update}
            issues={issues}
          />
          <PanelChoice
            panel={panel}
            field="colorMode"
            label="Colour"
            choices={COLOR_MODES}
            update={update}
            issues={issues}
          />
        </div>
      );
    case "gauge":
      return (
        <div className="dash-field-row">
          <PanelChoice
            panel={panel}
            field="reduce"
            label="Calculation"
            choices={REDUCE_CHOICES}
            update={update}
            issues={issues}
          />
          <label className="dash-inline">
            <input
              type="checkbox"
              checked={panel.showThresholdMarkers}
              onChange={(event) =>
                update((p) => set(p, { showThresholdMarkers: event.target.checked }), "showThresholdMarkers")
              }
            />{" "}
            Threshold markers
          </label>
        </div>
      );
    case "bargauge":
      return (
        <div className="dash-field-row">
          <PanelChoice
            panel={panel}
            field="reduce"
            label="Calculation"
            choices={REDUCE_CHOICES}
            update={update}
            issues={issues}
          />
          <PanelChoice
            panel={panel}
            field="orientation"
            label="Orientation"
            choices={ORIENTATIONS}
            update={update}
            issues={issues}
          />
          <PanelChoice
            panel={panel}
            field="displayMode"
            label="Display"
            choices={DISPLAY_MODES}
            update={update}
            issues={issues}
          />
        </div>
      );
    case "heatmap":
      return (
        <Field label="Colour scheme" issues={issuesWithin(issues, "colorScheme")}>
          {(id) => (
            <select
              id={id}
              value={panel.colorScheme}
              onChange={(event) => update((p) => set(p, { colorScheme: event.target.value }), "colorScheme")}
            >
              {["Oranges", "Blues", "Greens", "Reds"].map((scheme) => (
                <option key={scheme} value={scheme}>
                  {scheme}
                </option>
              ))}
              {["Oranges", "Blues", "Greens", "Reds"].includes(panel.colorScheme) ? null : (
                <option value={panel.colorScheme}>{panel.colorScheme}</option>
              )}
            </select>
          )}
        </Field>
      );
    case "table":
      return (
        <div className="dash-field-row">
          <label className="dash-inline">
            <input
              type="checkbox"
              checked={panel.showHeader}
              onChange={(event) => update((p) => set(p, { showHeader: event.target.checked }), "showHeader")}
            />{" "}
            Show header
          </label>
          <Field label="Sort by column" issues={issuesWithin(issues, "sortBy")}>
            {(id) => (
              <input
                id={id}
                value={panel.sortBy[0]?.displayName ?? ""}
                placeholder="Value"
                onChange={(event) =>
                  update(
                    (p) =>
                      set(p, {
                        sortBy:
                          event.target.value === ""
                            ? []
                            : [{ displayName: event.target.value, desc: panel.sortBy[0]?.desc ?? true }],
                      }),
                    "sortBy",
                  )
                }
              />
            )}
          </Field>
        </div>
      );
    case "alertlist":
      return (
        <div className="dash-field-row">
          <Field label="Max items" issues={issuesWithin(issues, "maxItems")}>
            {(id) => (
              <input
                id={id}
                type="number"
                min={1}
                max={1000}
                value={panel.maxItems}
                onChange={(event) =>
                  update(
                    (p) => set(p, { maxItems: Math.max(1, Math.round(Number(event.target.value) || 1)) }),
                    "maxItems",
                  )
                }
              />
            )}
          </Field>
          <fieldset className="dash-fieldset">
            <legend>States</legend>
            {(["firing", "pending", "inactive"] as const).map((state) => (
              <label key={state} className="dash-inline">
                <input
                  type="checkbox"
                  checked={panel.stateFilter.includes(state)}
                  onChange={(event) =>
                    update(
                      (p) =>
                        set(p, {
                          stateFilter: event.target.checked
                            ? [...panel.stateFilter, state]
                            : panel.stateFilter.filter((entry) => entry !== state),
                        }),
                      "stateFilter",
                    )
                  }
                />{" "}
                {state}
              </label>
            ))}
          </fieldset>
          <Field label="Label filter" issues={issuesWithin(issues, "labelFilter")}>
            {(id) => (
              <input
                id={id}
                value={panel.labelFilter}
                placeholder='severity="critical"'
                onChange={(event) =>
                  update((p) => set(p, { labelFilter: event.target.value }), "labelFilter")
                }
              />
            )}
          </Field>
        </div>
      );
    default: {
      const never: never = panel;
      throw new Error(`unknown panel ${JSON.stringify(never)}`);
    }
  }
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
  const unclaimed = issues.filter(
    (issue) => !FORM_FIELDS.some((field) => issuesWithin([issue], field).length > 0),
  );

  if (panel.type === "row") {
    return (
      <div className="dash-form" data-testid="panel-form">
        <Field label="Row title" issues={issuesWithin(issues, "title")} testId="panel-title">
          {(id) => (
            <input
              id={id}
              value={panel.title}
              onChange={(event) => update((p) => set(p, { title: event.target.value }), "title")}
              data-testid="panel-title"
            />
          )}
        </Field>
        <label className="dash-inline">
          <input
            type="checkbox"
            checked={panel.collapsed}
            onChange={(event) => update((p) => set(p, { collapsed: event.target.checked }), "collapsed")}
          />{" "}
          Collapsed
        </label>
        <FieldMessages issues={unclaimed} testId="panel-other-issues" />
      </div>
    );
  }

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
              onChange={(event) => update((p) => set(p, { title: event.target.value }), "title")}
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
                (p) => set(p, { description: event.target.value === "" ? undefined : event.target.value }),
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
          onChange={(targets: Target[], field) => update((p) => set(p, { targets }), field)}
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
                onChange={(unit) => update((p) => set(p, { unit }), "unit")}
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
                      set(p, {
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
                  update((p) => set(p, { min: optionalNumber(event.target.value) }), "min")
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
                  update((p) => set(p, { max: optionalNumber(event.target.value) }), "max")
                }
              />
            )}
          </Field>
        </div>
      </fieldset>
      <ThresholdFields
        value={panel.thresholds}
        issues={issues}
        onChange={(thresholds) => update((p) => set(p, { thresholds }), "thresholds")}
      />
      <fieldset className="dash-fieldset">
        <legend>{PANEL_TYPE_LABELS[panel.type]} options</legend>
        <TypeOptions panel={panel} update={update} issues={issues} />
      </fieldset>
    </div>
  );
}
