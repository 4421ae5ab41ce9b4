function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function mergeRecords(
  base: Record<string, unknown>,
  extra: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    // JSON.parse makes "__proto__" an own key; assigning it would replace the prototype instead.
    if (key === "__proto__") continue;
    const current = out[key];
    out[key] = isPlainObject(current) && isPlainObject(value) ? mergeRecords(current, value) : value;
  }
  return out;
}

/**
 * Lays `extra` over `base`: nested objects merge key by key (so an imported `options.tooltip.sort`
 * keeps the generated `options.legend`), anything else in `extra` replaces what is there. The
 * result keeps `base`'s type: `extra` is Grafana JSON of the same object, read from an import.
 */
export function deepMerge<T extends object>(base: T, extra: Record<string, unknown>): T {
  return mergeRecords({ ...base } as Record<string, unknown>, extra) as T;
}
