import type { VisualPanel, VisualPanelType } from "@/lib/model/panel";
import type { PanelTypeForm } from "../panel-fields";
import { alertListForm } from "./alertlist/options";
import { barGaugeForm } from "./bargauge/options";
import { gaugeForm } from "./gauge/options";
import { heatmapForm } from "./heatmap/options";
import { statForm } from "./stat/options";
import { tableForm } from "./table/options";
import { timeseriesForm } from "./timeseries/options";

/**
 * Each panel type's options in the panel form (its schema, export and import are in `lib/panels/`,
 * its view in `components/charts/panel-views.ts`). The mapped type makes tsc refuse a type of the
 * model's union without options here.
 */
export const PANEL_TYPE_FORMS: { readonly [T in VisualPanelType]: PanelTypeForm<T> } = {
  timeseries: timeseriesForm,
  stat: statForm,
  gauge: gaugeForm,
  bargauge: barGaugeForm,
  heatmap: heatmapForm,
  table: tableForm,
  alertlist: alertListForm,
};

/**
 * The form part of a panel's type, typed for any panel. TypeScript cannot tie the entry looked up by
 * `panel.type` to that panel's own type, hence the cast; give its `Options` the panel it was looked up by.
 */
export function panelTypeForm(panel: Pick<VisualPanel, "type">): PanelTypeForm<VisualPanelType> {
  return PANEL_TYPE_FORMS[panel.type] as unknown as PanelTypeForm<VisualPanelType>;
}
