"use client";

import type { ReactNode } from "react";
import { issuesWithin } from "@/components/form/field-messages";
import type { PanelOf } from "@/lib/panels/types";
import { Field, type PanelOptionsProps, type PanelTypeForm, setPanel } from "../../panel-fields";

const SCHEMES = ["Oranges", "Blues", "Greens", "Reds"];

function HeatmapOptions({ panel, update, issues }: PanelOptionsProps<PanelOf<"heatmap">>): ReactNode {
  return (
    <Field label="Colour scheme" issues={issuesWithin(issues, "colorScheme")}>
      {(id) => (
        <select
          id={id}
          value={panel.colorScheme}
          onChange={(event) => update((p) => setPanel(p, { colorScheme: event.target.value }), "colorScheme")}
        >
          {SCHEMES.map((scheme) => (
            <option key={scheme} value={scheme}>
              {scheme}
            </option>
          ))}
          {SCHEMES.includes(panel.colorScheme) ? null : (
            <option value={panel.colorScheme}>{panel.colorScheme}</option>
          )}
        </select>
      )}
    </Field>
  );
}

export const heatmapForm: PanelTypeForm<"heatmap"> = { Options: HeatmapOptions, fields: ["colorScheme"] };
