import { z } from "zod";
import { fieldConfigShape, queryPanelShape, ReduceCalcSchema } from "../../model/panel-base";

export const BarGaugePanelSchema = z.object({
  ...queryPanelShape,
  ...fieldConfigShape,
  type: z.literal("bargauge"),
  reduce: ReduceCalcSchema.default("lastNotNull"),
  orientation: z.enum(["horizontal", "vertical", "auto"]).default("horizontal"),
  displayMode: z.enum(["gradient", "lcd", "basic"]).default("gradient"),
});
