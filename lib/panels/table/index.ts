import type { PanelTypeDefinition } from "../types";
import { TablePanelSchema } from "./schema";

export const tablePanelType: PanelTypeDefinition<"table"> = {
  type: "table",
  label: "Table",
  schema: TablePanelSchema,
  defaultSize: { w: 24, h: 8 },
  // A table lists the latest value of each series, so its PromQL queries are instant ones.
  adaptTarget: (target) =>
    target.kind === "promql" && !target.instant ? { ...target, instant: true } : target,
};
