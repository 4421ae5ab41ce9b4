"use client";

import type { ReactNode } from "react";
import { issuesWithin } from "@/components/form/field-messages";
import type { PanelOf } from "@/lib/panels/types";
import { Field, type PanelOptionsProps, type PanelTypeForm, setPanel } from "../../panel-fields";

function AlertListOptions({ panel, update, issues }: PanelOptionsProps<PanelOf<"alertlist">>): ReactNode {
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
                (p) => setPanel(p, { maxItems: Math.max(1, Math.round(Number(event.target.value) || 1)) }),
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
                    setPanel(p, {
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
              update((p) => setPanel(p, { labelFilter: event.target.value }), "labelFilter")
            }
          />
        )}
      </Field>
    </div>
  );
}

export const alertListForm: PanelTypeForm<"alertlist"> = {
  Options: AlertListOptions,
  fields: ["maxItems", "stateFilter", "labelFilter"],
};
