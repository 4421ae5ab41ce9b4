"use client";

import type { ReactNode } from "react";
import type { Choices } from "@/components/ui/choice-select";
import type { PanelOf } from "@/lib/panels/types";
import { PanelChoice, type PanelOptionsProps, type PanelTypeForm, REDUCE_CHOICES } from "../../panel-fields";

type StatPanel = PanelOf<"stat">;

const GRAPH_MODES: Choices<StatPanel["graphMode"]> = [
  ["area", "Sparkline"],
  ["none", "None"],
];
const COLOR_MODES: Choices<StatPanel["colorMode"]> = [
  ["value", "Value"],
  ["background", "Background"],
  ["none", "None"],
];

function StatOptions({ panel, update, issues }: PanelOptionsProps<StatPanel>): ReactNode {
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
}

export const statForm: PanelTypeForm<"stat"> = {
  Options: StatOptions,
  fields: ["reduce", "graphMode", "colorMode"],
};
