import { z } from "zod";
import { fieldConfigShape, queryPanelShape } from "../../model/panel-base";

export const TablePanelSchema = z.object({
  ...queryPanelShape,
  ...fieldConfigShape,
  type: z.literal("table"),
  sortBy: z.array(z.object({ displayName: z.string(), desc: z.boolean().default(true) })).default([]),
  showHeader: z.boolean().default(true),
});
