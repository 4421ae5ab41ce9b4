import { z } from "zod";
import { fieldConfigShape, queryPanelShape, ReduceCalcSchema } from "../../model/panel-base";

export const GaugePanelSchema = z.object({
  ...queryPanelShape,
  ...fieldConfigShape,
  type: z.literal("gauge"),
  reduce: ReduceCalcSchema.default("lastNotNull"),
  showThresholdMarkers: z.boolean().default(true),
});
