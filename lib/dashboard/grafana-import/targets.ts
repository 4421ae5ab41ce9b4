import type { DatasourceType, Target } from "../../model";
import { type DatasourceResolution, type DatasourceResolver, guessTypeFromQuery } from "./datasources";
import { asString, type JsonObject } from "./json";

export type TargetMapping =
  | { ok: true; target: Target; datasource: string | undefined; dropped: string[] }
  | { ok: false; reason: string };

/** Keys of Prometheus/Loki/SQL queries that carry no meaning once the query is in the model. */
const INERT_KEYS = new Set([
  "datasource",
  "disableTextWrap",
  "editorMode",
  "fullMetaSearch",
  "includeNullMetadata",
  "key",
  "metric",
  "queryType",
  "range",
  "rawQuery",
  "refId",
  "step",
  "useBackend",
  "sql",
  "table",
  "group",
  "select",
  "where",
  "timeColumn",
  "timeColumnType",
  "metricColumn",
  "dataset",
]);

/** A key whose value is the query editor's default is dropped without comment. */
const DEFAULT_VALUES: Record<string, unknown> = {
  exemplar: false,
  hide: false,
  intervalFactor: 1,
  instant: false,
  interval: "",
  maxLines: null,
};

const MAPPED_KEYS: Record<DatasourceType, ReadonlySet<string>> = {
  prometheus: new Set(["expr", "legendFormat", "instant", "format", "interval", "intervalFactor", "hide"]),
  loki: new Set(["expr", "legendFormat", "instant", "hide"]),
  postgres: new Set(["rawSql", "format", "hide"]),
};

function droppedKeys(raw: JsonObject, type: DatasourceType): string[] {
  const mapped = MAPPED_KEYS[type];
  return Object.entries(raw)
    .filter(([key, value]) => !mapped.has(key) && !INERT_KEYS.has(key) && value !== undefined)
    .filter(([key, value]) => !(key in DEFAULT_VALUES && DEFAULT_VALUES[key] === value))
    .map(([key, value]) => `${key}=${JSON.stringify(value)}`);
}

/** The datasource value the model keeps: a project uid, a `$variable`, or undefined for the type's default. */
function modelDatasource(resolution: DatasourceResolution): string | undefined {
  if (resolution.kind === "project") return resolution.uid;
  if (resolution.kind === "variable") return resolution.ref;
  return undefined;
}

/** The type a query runs on, or why it cannot be mapped. */
function queryType(
  raw: JsonObject,
  resolution: DatasourceResolution,
  resolver: DatasourceResolver,
): DatasourceType | string {
  switch (resolution.kind) {
    case "project":
      return resolution.type;
    case "variable":
      return resolution.type ?? guessTypeFromQuery(raw) ?? "a query of a datasource the project lacks";
    case "unset":
      return guessTypeFromQuery(raw) ?? resolver.projectDefaultType() ?? "a query with no datasource";
    case "unknown": {
      const guessed = guessTypeFromQuery(raw);
      if (guessed)
        resolver.note(
          `datasource "${resolution.name}" is not in the project: using its ${guessed} datasource`,
        );
      return guessed ?? `a query of datasource "${resolution.name}", which the project lacks`;
    }
    case "mixed":
      return "a query whose datasource is -- Mixed --";
    case "unsupported":
      return `a query of ${resolution.what}`;
    default: {
      const exhaustive: never = resolution;
      throw new Error(`unknown resolution ${JSON.stringify(exhaustive)}`);
    }
  }
}

function promFormat(value: unknown): "time_series" | "table" | "heatmap" {
  return value === "table" || value === "heatmap" ? value : "time_series";
}

/** `hide: true` of a query (hidden in the panel, still run), as the model's optional field. */
function hidden(raw: JsonObject): { hide?: true } {
  return raw.hide === true ? { hide: true } : {};
}

/**
 * Grafana's Resolution: 1 is the default (absent in the model); a larger whole number is kept;
 * anything else is no factor Grafana applies, so it is reported as dropped.
 */
function intervalFactor(raw: JsonObject, dropped: string[]): { intervalFactor?: number } {
  const value = raw.intervalFactor;
  if (value === undefined || value === null || value === 1) return {};
  if (typeof value === "number" && Number.isInteger(value) && value >= 2) return { intervalFactor: value };
  dropped.push(`intervalFactor=${JSON.stringify(value)}`);
  return {};
}

/**
 * A Grafana query as a model target. Queries the model cannot hold (expressions, other
 * datasources) come back as a reason, so the caller keeps the whole panel as raw JSON.
 */
export function mapTarget(
  raw: JsonObject,
  refId: string,
  panelDatasource: unknown,
  resolver: DatasourceResolver,
): TargetMapping {
  const ownRef = raw.datasource;
  const resolution = resolver.resolve(ownRef === undefined || ownRef === null ? panelDatasource : ownRef);
  const type = queryType(raw, resolution, resolver);
  if (typeof type === "string" && !(type in MAPPED_KEYS)) return { ok: false, reason: type };
  const datasourceType = type as DatasourceType;
  const datasource = modelDatasource(resolution);
  const dropped = droppedKeys(raw, datasourceType);
  switch (datasourceType) {
    case "prometheus": {
      const expr = asString(raw.expr) ?? "";
      if (expr.trim() === "") return { ok: false, reason: "a query with an empty expression" };
      const instant = raw.instant === true && raw.range !== true;
      if (raw.instant === true && raw.range === true)
        dropped.push("instant=true (range and instant at once)");
      const legend = asString(raw.legendFormat);
      const interval = asString(raw.interval);
      return {
        ok: true,
        datasource,
        dropped,
        target: {
          kind: "promql",
          refId,
          expr,
          // "__auto" is Grafana's automatic legend, which the model writes when it has none.
          legendFormat: legend === "__auto" ? undefined : (legend ?? ""),
          instant,
          interval: interval === "" ? undefined : interval,
          ...intervalFactor(raw, dropped),
          format: promFormat(raw.format),
          ...hidden(raw),
        },
      };
    }
    case "loki": {
      const expr = asString(raw.expr) ?? "";
      if (expr.trim() === "") return { ok: false, reason: "a query with an empty expression" };
      const legend = asString(raw.legendFormat);
      return {
        ok: true,
        datasource,
        dropped,
        target: {
          kind: "logql",
          refId,
          expr,
          legendFormat: legend === "" ? undefined : legend,
          instant: raw.queryType === "instant" || (raw.queryType === undefined && raw.instant === true),
          ...hidden(raw),
        },
      };
    }
    case "postgres": {
      const rawSql = asString(raw.rawSql) ?? "";
      if (rawSql.trim() === "")
        return { ok: false, reason: "an SQL query built in the visual editor, without raw SQL" };
      return {
        ok: true,
        datasource,
        dropped,
        target: {
          kind: "sql",
          refId,
          rawSql,
          format: raw.format === "table" ? "table" : "time_series",
          ...hidden(raw),
        },
      };
    }
    default: {
      const exhaustive: never = datasourceType;
      throw new Error(`unknown datasource type ${String(exhaustive)}`);
    }
  }
}

const REF_ID = /^[A-Z][A-Z0-9]*$/;

/** Model refIds: kept when valid, else the next free letter (A, B, … Z, A1 …). */
export function assignRefIds(raw: readonly unknown[]): { refIds: string[]; renamed: string[] } {
  const used = new Set<string>();
  const wanted = raw.map((target) => asString((target as JsonObject | null)?.refId));
  for (const refId of wanted) if (refId && REF_ID.test(refId)) used.add(refId);
  const renamed: string[] = [];
  const seen = new Set<string>();
  const refIds = wanted.map((refId) => {
    if (refId && REF_ID.test(refId) && !seen.has(refId)) {
      seen.add(refId);
      return refId;
    }
    const next = nextFreeRefId(used);
    used.add(next);
    seen.add(next);
    renamed.push(`${refId === undefined ? "(none)" : JSON.stringify(refId)} → ${next}`);
    return next;
  });
  return { refIds, renamed };
}

function nextFreeRefId(used: ReadonlySet<string>): string {
  for (let round = 0; ; round++) {
    for (let letter = 0; letter < 26; letter++) {
      const candidate = `${String.fromCharCode(65 + letter)}${round === 0 ? "" : round}`;
      if (!used.has(candidate)) return candidate;
    }
  }
}
