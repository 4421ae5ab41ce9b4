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

/** Which parts of a generated Grafana object the model owns, for {@link mergeKept}. */
export interface ModelOwnership {
  /** Dot paths the model writes from its own fields (`title`, `fieldConfig.defaults.thresholds`). */
  owned: readonly string[];
  /**
   * Whether a value kept from the import, at an owned path, still means the model's value there:
   * the model reads it as the value it holds, so the field was not edited since the import. Only
   * then is the kept spelling written (a value the model cannot hold exactly, such as 12 decimals
   * or a named time zone). Left out, an owned path always gets the model's value.
   */
  stillCurrent?(path: string, kept: unknown): boolean;
}

/**
 * The generated JSON with what an import kept raw (`extra`) laid over it: the one merge every
 * Grafana generator uses. The model is the source of truth: at a path the model owns, the kept
 * value is used only while it still means the model's value there (see `stillCurrent`), so an edit
 * in the designer always reaches the export. Everywhere else the kept value wins over what the
 * generator writes for a key the model does not hold (Grafana's defaults), so what the model
 * cannot hold goes back out verbatim. Objects merge key by key; anything else replaces.
 */
export function mergeKept<T extends object>(
  generated: T,
  extra: Record<string, unknown> | undefined,
  ownership: ModelOwnership,
): T {
  if (!extra) return generated;
  const owned = new Set(ownership.owned);
  const holdsOwned = (path: string): boolean =>
    ownership.owned.some((ownedPath) => ownedPath.startsWith(`${path}.`));
  const overlay = (
    base: Record<string, unknown>,
    kept: Record<string, unknown>,
    prefix: string,
  ): Record<string, unknown> => {
    const out: Record<string, unknown> = { ...base };
    for (const [key, value] of Object.entries(kept)) {
      if (key === "__proto__" || value === undefined) continue;
      const path = prefix === "" ? key : `${prefix}.${key}`;
      const current = out[key];
      if (owned.has(path)) {
        const candidate =
          isPlainObject(current) && isPlainObject(value) ? mergeRecords(current, value) : value;
        if (ownership.stillCurrent?.(path, candidate)) out[key] = candidate;
      } else if (isPlainObject(value) && (isPlainObject(current) || current === undefined)) {
        const merged = overlay(current ?? {}, value, path);
        // Left empty only by owned values not written: add nothing the original did not have.
        const emptied = Object.keys(merged).length === 0 && Object.keys(value).length > 0;
        if (current !== undefined || !emptied) out[key] = merged;
      } else if (!holdsOwned(path)) {
        // A kept non-object over an object that holds owned paths would erase the model's fields.
        out[key] = value;
      }
    }
    return out;
  };
  return overlay({ ...generated } as Record<string, unknown>, extra, "") as T;
}
