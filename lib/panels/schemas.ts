import { AlertListPanelSchema } from "./alertlist/schema";
import { BarGaugePanelSchema } from "./bargauge/schema";
import { GaugePanelSchema } from "./gauge/schema";
import { HeatmapPanelSchema } from "./heatmap/schema";
import { StatPanelSchema } from "./stat/schema";
import { TablePanelSchema } from "./table/schema";
import { TimeseriesPanelSchema } from "./timeseries/schema";

/**
 * The visualization panel types, in the order the designer and the model's messages list them: the
 * one place a panel type is named. `lib/model/panel.ts` builds the panel union from it, and
 * `registry.ts` (and the designer's view registry) must then hold an entry for each, or tsc fails.
 * Kept apart from the registry so the model does not load the generators and the importer.
 */
export const PANEL_TYPE_SCHEMAS = [
  TimeseriesPanelSchema,
  StatPanelSchema,
  GaugePanelSchema,
  BarGaugePanelSchema,
  HeatmapPanelSchema,
  TablePanelSchema,
  AlertListPanelSchema,
] as const;
