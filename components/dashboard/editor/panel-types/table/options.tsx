"use client";

import type { ReactNode } from "react";
import { issuesWithin } from "@/components/form/field-messages";
import type { PanelOf } from "@/lib/panels/types";
import { Field, type PanelOptionsProps, type PanelTypeForm, setPanel } from "../../panel-fields";

function TableOptions({ panel, update, issues }: PanelOptionsProps<PanelOf<"table">>): ReactNode {
  return (
    <div className="dash-field-row">
      <label className="dash-inline">
        <input
          type="checkbox"
          checked={panel.showHeader}
          onChange={(event) => update((p) => setPanel(p, { showHeader: event.target.checked }), "showHeader")}
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
                  setPanel(p, {
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
}

export const tableForm: PanelTypeForm<"table"> = { Options: TableOptions, fields: ["sortBy", "showHeader"] };
