import { deepEqual, isPlainObject, type JsonObject } from "./json";

export interface ExtraDiff {
  /** The part of the original the generated JSON does not reproduce, shaped like the original. */
  extra: JsonObject | undefined;
  /** Dot paths of what went into `extra`, for reporting. */
  paths: string[];
}

/**
 * What an imported object must carry so the exporter reproduces it: every key of `original` whose
 * value the `generated` JSON lacks or differs on, recursing into objects (arrays are kept whole,
 * since the exporter's deep merge replaces them). A key the generated JSON leaves out is skipped
 * when the original only spells out Grafana's default for it. `skip` names top-level keys the
 * importer maps by itself (targets, datasource, gridPos …).
 */
export function extraDiff(
  original: JsonObject,
  generated: JsonObject,
  defaults: JsonObject,
  skip: ReadonlySet<string>,
): ExtraDiff {
  const paths: string[] = [];
  const extra = diffObject(original, generated, defaults, skip, "", paths);
  return { extra, paths };
}

function diffObject(
  original: JsonObject,
  generated: JsonObject,
  defaults: JsonObject,
  skip: ReadonlySet<string>,
  prefix: string,
  paths: string[],
): JsonObject | undefined {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(original)) {
    if (value === undefined || key === "__proto__") continue;
    if (prefix === "" && skip.has(key)) continue;
    const path = prefix === "" ? key : `${prefix}.${key}`;
    const made = generated[key];
    const fallback = defaults[key];
    if (made === undefined && fallback !== undefined && deepEqual(value, fallback)) continue;
    if (isPlainObject(value) && isPlainObject(made)) {
      const nested = diffObject(value, made, isPlainObject(fallback) ? fallback : {}, skip, path, paths);
      if (nested) out[key] = nested;
      continue;
    }
    if (isPlainObject(value) && made === undefined && isPlainObject(fallback)) {
      const nested = diffObject(value, {}, fallback, skip, path, paths);
      if (nested) out[key] = nested;
      continue;
    }
    if (!deepEqual(value, made)) {
      out[key] = value;
      paths.push(path);
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
