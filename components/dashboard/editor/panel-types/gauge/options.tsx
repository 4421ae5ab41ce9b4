"use client";

import type { ReactNode } from "react";
import type { PanelOf } from "@/lib/panels/types";
import {
  PanelChoice,
  type PanelOptionsProps,
  type PanelTypeForm,
  REDUCE_CHOICES,
  setPanel,
} from "../../panel-fields";

function GaugeOptions({ panel, update, issues }: PanelOptionsProps<PanelOf<"gauge">>): ReactNode {
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
            update((p) => setPanel(p, { showThresholdMarkers: event.target.checked }), "showThresholdMarkers")
          }
        />{" "}
        Threshold markers
      </label>
    </div>
  );
}

export const gaugeForm: PanelTypeForm<"gauge"> = {
  Options: GaugeOptions,
  fields: ["reduce", "showThresholdMarkers"],
};
