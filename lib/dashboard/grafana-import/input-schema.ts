import { z } from "zod";
import { formatPath, type ModelIssue } from "../../model";
import { MAX_INPUT_DEPTH, tooDeepAt } from "../../security/nesting";
import type { JsonObject } from "./json";

/**
 * The shape of Grafana's dashboard JSON, checked at the edge: only what the importer relies on is
 * typed, everything else passes through (`looseObject`) to be mapped or kept.
 */
const DatasourceRefInput = z.union([
  z.string(),
  z.null(),
  z.looseObject({ type: z.string().nullish(), uid: z.string().nullish() }),
]);

const GridPosInput = z.looseObject({ x: z.number(), y: z.number(), w: z.number(), h: z.number() });

const TargetInput = z.looseObject({
  refId: z.string().optional(),
  datasource: DatasourceRefInput.optional(),
  expr: z.string().optional(),
  legendFormat: z.string().nullish(),
  rawSql: z.string().optional(),
  format: z.string().optional(),
  interval: z.string().nullish(),
  instant: z.boolean().nullish(),
  range: z.boolean().nullish(),
  hide: z.boolean().nullish(),
});

const FieldConfigInput = z.looseObject({
  defaults: z.looseObject({}).optional(),
  overrides: z.array(z.unknown()).optional(),
});

type PanelShape = JsonObject & { panels?: PanelShape[] };

const PanelInput: z.ZodType<PanelShape> = z.lazy(() =>
  z.looseObject({
    id: z.number().nullish(),
    type: z.string().optional(),
    title: z.string().nullish(),
    gridPos: GridPosInput.optional(),
    datasource: DatasourceRefInput.optional(),
    targets: z.array(TargetInput).nullish(),
    fieldConfig: FieldConfigInput.nullish(),
    options: z.looseObject({}).nullish(),
    panels: z.array(PanelInput).optional(),
  }),
);

/** A row of the schemaVersion < 16 layout: its panels have `span` and maybe `height`, no gridPos. */
const LegacyRowInput = z.looseObject({
  title: z.string().nullish(),
  collapse: z.boolean().nullish(),
  showTitle: z.boolean().nullish(),
  height: z.union([z.number(), z.string()]).nullish(),
  panels: z.array(PanelInput).nullish(),
});

const VariableInput = z.looseObject({
  name: z.string(),
  type: z.string(),
  label: z.string().nullish(),
  hide: z.number().optional(),
  datasource: DatasourceRefInput.optional(),
  query: z.unknown().optional(),
});

export const GrafanaDashboardInputSchema = z.looseObject({
  uid: z.string().nullish(),
  title: z.string().optional(),
  description: z.string().nullish(),
  tags: z.array(z.string()).optional(),
  schemaVersion: z.number().optional(),
  panels: z.array(PanelInput).optional(),
  rows: z.array(LegacyRowInput).optional(),
  templating: z.looseObject({ list: z.array(VariableInput).optional() }).optional(),
  time: z.looseObject({ from: z.string(), to: z.string() }).optional(),
  refresh: z.union([z.string(), z.boolean()]).optional(),
  timezone: z.string().nullish(),
  __inputs: z
    .array(
      z.looseObject({
        name: z.string(),
        type: z.string(),
        pluginId: z.string().optional(),
        value: z.string().optional(),
      }),
    )
    .optional(),
});
export type GrafanaDashboardInput = z.infer<typeof GrafanaDashboardInputSchema>;

/** Thrown for input that is not a Grafana dashboard; `issues` carry a path each, for editor markers. */
export class GrafanaImportError extends Error {
  constructor(readonly issues: ModelIssue[]) {
    super(
      `not an importable Grafana dashboard:\n${issues.map((i) => `  ${i.path}: ${i.message}`).join("\n")}`,
    );
    this.name = "GrafanaImportError";
  }
}

function fail(path: string, message: string): never {
  throw new GrafanaImportError([{ path, message, severity: "error" }]);
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The dashboard inside what the user pasted: bare, or wrapped as the HTTP API returns it
 * (`{dashboard, meta}`). Throws GrafanaImportError with paths for anything else.
 */
export function parseGrafanaInput(json: unknown): GrafanaDashboardInput {
  if (!isObject(json)) fail("(root)", `expected a Grafana dashboard JSON object, got ${describeValue(json)}`);
  // Before any recursive walk (deep merges, JSON.stringify of kept fields) could overflow the stack.
  const tooDeep = tooDeepAt(json);
  if (tooDeep !== undefined) fail(tooDeep, `nested deeper than ${MAX_INPUT_DEPTH} levels`);
  const wrapped = isObject(json.dashboard) && !("panels" in json) && !("title" in json);
  const dashboard = wrapped ? (json.dashboard as JsonObject) : json;
  const prefix = wrapped ? ["dashboard"] : [];
  if (!("panels" in dashboard) && !("rows" in dashboard) && !("title" in dashboard)) {
    fail(formatPath(prefix), "not a Grafana dashboard: it has none of title, panels or rows");
  }
  const parsed = GrafanaDashboardInputSchema.safeParse(dashboard);
  if (!parsed.success) {
    throw new GrafanaImportError(
      parsed.error.issues.map((issue) => ({
        path: formatPath([...prefix, ...issue.path]),
        message: issue.message,
        severity: "error" as const,
      })),
    );
  }
  return parsed.data;
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "string" ? "a string" : `a ${typeof value}`;
}
