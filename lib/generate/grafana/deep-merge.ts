function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Lays `extra` over `base`: nested objects merge key by key (so an imported `options.tooltip.sort`
 * keeps the generated `options.legend`), anything else in `extra` replaces what is there.
 */
export function deepMerge(base: Record<string, unknown>, extra: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    // JSON.parse makes "__proto__" an own key; assigning it would replace the prototype instead.
    if (key === "__proto__") continue;
    const current = out[key];
    out[key] = isPlainObject(current) && isPlainObject(value) ? deepMerge(current, value) : value;
  }
  return out;
}
