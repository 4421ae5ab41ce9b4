/** Grafana JSON as read from a file: objects are records of unknown values. */
export type JsonObject = Record<string, unknown>;

export function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Structural equality that ignores key order, as two JSON documents are compared. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => deepEqual(item, b[index]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a).filter((key) => a[key] !== undefined);
    const otherKeys = Object.keys(b).filter((key) => b[key] !== undefined);
    if (keys.length !== otherKeys.length) return false;
    return keys.every((key) => key in b && deepEqual(a[key], b[key]));
  }
  return false;
}

export function cloneJson<T>(value: T): T {
  return structuredClone(value);
}

export function asObject(value: unknown): JsonObject {
  return isPlainObject(value) ? value : {};
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export function asNumber(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  // Legacy panels write axis limits as strings ("0", "100").
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value)))
    return Number(value);
  return undefined;
}

export function asBoolean(value: unknown): boolean | undefined {
  return typeof value === "boolean" ? value : undefined;
}

/** Lays `defaults` under `value`: keys missing from `value` are filled in, nested objects merged. */
export function withDefaults(value: JsonObject, defaults: JsonObject): JsonObject {
  const out: JsonObject = { ...value };
  for (const [key, fallback] of Object.entries(defaults)) {
    const current = out[key];
    if (current === undefined) out[key] = cloneJson(fallback);
    else if (isPlainObject(current) && isPlainObject(fallback)) out[key] = withDefaults(current, fallback);
  }
  return out;
}

/** `a.b.c` of a nested object, or undefined. */
export function getPath(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const key of path.split(".")) {
    if (!isPlainObject(current)) return undefined;
    current = current[key];
  }
  return current;
}

/** A copy of `value` with `a.b.c` set to `entry` (missing objects on the way are created). */
export function setPath(value: JsonObject, path: string, entry: unknown): JsonObject {
  const [key, ...rest] = path.split(".");
  if (key === undefined) return value;
  if (rest.length === 0) return { ...value, [key]: entry };
  return { ...value, [key]: setPath(asObject(value[key]), rest.join("."), entry) };
}

/** A copy of `value` without `a.b.c`; objects left empty on the way are removed too. */
export function deletePath(value: JsonObject, path: string): JsonObject {
  const [key, ...rest] = path.split(".");
  if (key === undefined || !(key in value)) return value;
  const { [key]: inner, ...others } = value;
  if (rest.length === 0) return others;
  if (!isPlainObject(inner)) return value;
  const kept = deletePath(inner, rest.join("."));
  return Object.keys(kept).length > 0 ? { ...others, [key]: kept } : others;
}

/**
 * Grafana's import replaces `${VAR_X}` of an export's constant `__inputs` everywhere in the JSON
 * with the input's value; the same here.
 */
export function substituteConstantInputs(dashboard: JsonObject): JsonObject {
  const constants = new Map<string, string>();
  for (const input of asArray(dashboard.__inputs)) {
    if (isPlainObject(input) && input.type === "constant" && typeof input.name === "string") {
      constants.set(input.name, asString(input.value) ?? "");
    }
  }
  if (constants.size === 0) return dashboard;
  const substitute = (value: unknown): unknown => {
    if (typeof value === "string") {
      return value.replace(/\$\{(\w+)\}/g, (match, name: string) => constants.get(name) ?? match);
    }
    if (Array.isArray(value)) return value.map(substitute);
    if (isPlainObject(value))
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substitute(item)]));
    return value;
  };
  return substitute(dashboard) as JsonObject;
}
