import { z } from "zod";
import { unknownTag } from "./common";

const variableName = z
  .string()
  .regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, "variable names are letters, digits and _, e.g. job");

const variableBase = {
  name: variableName,
  label: z.string().optional(),
  hide: z.boolean().default(false),
  /**
   * The values a viewer starts with (`$__all` for All), as Grafana's `current`; unset: All when
   * offered, else the first value. "Make default" in the designer sets it from the current view.
   */
  current: z.array(z.string()).optional(),
  /** Grafana variable options the designer does not model (sort, auto …), kept so imports round-trip. */
  extra: z.record(z.string(), z.unknown()).optional(),
};

/**
 * Grafana's "custom all value": what "All" stands for in queries, as written (e.g. `.+`, which
 * unlike every value listed also matches values that appear later). Unset: every value.
 */
const AllValueSchema = z.string().min(1, "leave it unset for every value").optional();

export const QueryVariableSchema = z.object({
  ...variableBase,
  type: z.literal("query"),
  datasource: z.string().optional(),
  /** e.g. `label_values(fraiseql_graphql_queries_total, instance)` */
  query: z.string().min(1),
  regex: z.string().default(""),
  multi: z.boolean().default(false),
  includeAll: z.boolean().default(false),
  allValue: AllValueSchema,
  refresh: z.enum(["load", "timeRange"]).default("load"),
});

export const CustomVariableSchema = z.object({
  ...variableBase,
  type: z.literal("custom"),
  values: z.array(z.string()).min(1),
  multi: z.boolean().default(false),
  includeAll: z.boolean().default(false),
  allValue: AllValueSchema,
});

export const ConstantVariableSchema = z.object({
  ...variableBase,
  type: z.literal("constant"),
  value: z.string(),
});

export const IntervalVariableSchema = z.object({
  ...variableBase,
  type: z.literal("interval"),
  values: z.array(z.string()).min(1),
});

export const DatasourceVariableSchema = z.object({
  ...variableBase,
  type: z.literal("datasource"),
  datasourceType: z.enum(["prometheus", "loki", "postgres"]),
});

export const VariableSchema = z.discriminatedUnion(
  "type",
  [
    QueryVariableSchema,
    CustomVariableSchema,
    ConstantVariableSchema,
    IntervalVariableSchema,
    DatasourceVariableSchema,
  ],
  { error: unknownTag("variable", "type", ["query", "custom", "constant", "interval", "datasource"]) },
);
export type Variable = z.infer<typeof VariableSchema>;
