"use client";

import type { ReactNode } from "react";
import type { Choices } from "@/components/ui/choice-select";
import type { PanelOf } from "@/lib/panels/types";
import { PanelChoice, type PanelOptionsProps, type PanelTypeForm, REDUCE_CHOICES } from "../../panel-fields";

type BarGaugePanel = PanelOf<"bargauge">;

const ORIENTATIONS: Choices<BarGaugePanel["orientation"]> = [
  ["horizontal", "Horizontal"],
  ["vertical", "Vertical"],
  ["auto", "Auto"],
];
const DISPLAY_MODES: Choices<BarGaugePanel["displayMode"]> = [
  ["gradient", "Gradient"],
  ["lcd", "Retro LCD"],
  ["basic", "Basic"],
];

function BarGaugeOptions({ panel, update, issues }: PanelOptionsProps<BarGaugePanel>): ReactNode {
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
}

export const barGaugeForm: PanelTypeForm<"bargauge"> = {
  Options: BarGaugeOptions,
  fields: ["reduce", "orientation", "displayMode"],
};
