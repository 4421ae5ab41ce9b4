import { z } from "zod";
import { fieldConfigShape, queryPanelShape, ReduceCalcSchema } from "../../model/panel-base";

export const StatPanelSchema = z.object({
  ...queryPanelShape,
  ...fieldConfigShape,
  type: z.literal("stat"),
  reduce: ReduceCalcSchema.default("lastNotNull"),
  graphMode: z.enum(["area", "none"]).default("area"),
  colorMode: z.enum(["value", "background", "none"]).default("value"),
});
