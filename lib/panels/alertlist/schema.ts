import { z } from "zod";
import { panelBaseShape } from "../../model/panel-base";

/** Grafana's list of alerts: it runs no queries of its own. */
export const AlertListPanelSchema = z.object({
  ...panelBaseShape,
  type: z.literal("alertlist"),
  maxItems: z.int().min(1).max(1000).default(20),
  stateFilter: z
    .array(z.enum(["firing", "pending", "inactive", "error", "noData"]))
    .default(["firing", "pending"]),
  /** Filter by alert labels, in Grafana's `label="value"` syntax. */
  labelFilter: z.string().default(""),
});
