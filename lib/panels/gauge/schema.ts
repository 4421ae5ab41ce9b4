import { z } from "zod";
import { queryPanelShape, ReduceCalcSchema } from "../../model/panel-base";

export const GaugePanelSchema = z.object({
  ...queryPanelShape,
  type: z.literal("gauge"),
  reduce: ReduceCalcSchema.default("lastNotNull"),
  showThresholdMarkers: z.boolean().default(true),
});
