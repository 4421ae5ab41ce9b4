"use client";

import type { ReactNode } from "react";
import { FieldMessages, issuesWithin } from "@/components/form/field-messages";
import type { Choices } from "@/components/ui/choice-select";
import { CALC_LABELS, type Calc } from "@/lib/dashboard/series";
import type { PanelOf } from "@/lib/panels/types";
import { Field, PanelChoice, type PanelOptionsProps, type PanelTypeForm, setPanel } from "../../panel-fields";

type TimeseriesPanel = PanelOf<"timeseries">;

const DRAW_STYLES: Choices<TimeseriesPanel["drawStyle"]> = [
  ["line", "Lines"],
  ["bars", "Bars"],
  ["points", "Points"],
];
const STACKING_MODES: Choices<TimeseriesPanel["stacking"]> = [
  ["none", "Off"],
  ["normal", "Normal"],
  ["percent", "100%"],
];

function TimeseriesOptions({ panel, update, issues }: PanelOptionsProps<TimeseriesPanel>): ReactNode {
  const calcs: Calc[] = ["min", "max", "mean", "last", "lastNotNull"];
  const setLegend = (change: Partial<TimeseriesPanel["legend"]>): void =>
    update((p) => setPanel(p, { legend: { ...panel.legend, ...change } }), "legend");
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
                    setPanel(p, {
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

export const timeseriesForm: PanelTypeForm<"timeseries"> = {
  Options: TimeseriesOptions,
  fields: ["legend", "drawStyle", "fillOpacity", "stacking"],
};
