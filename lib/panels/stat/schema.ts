import { z } from "zod";
import { queryPanelShape, ReduceCalcSchema } from "../../model/panel-base";

export const StatPanelSchema = z.object({
  ...queryPanelShape,
  type: z.literal("stat"),
  reduce: ReduceCalcSchema.default("lastNotNull"),
  graphMode: z.enum(["area", "none"]).default("area"),
  colorMode: z.enum(["value", "background", "none"]).default("value"),
});
