import { formatPath } from "../model/issues";

/**
 * How deep a parsed JSON/YAML value nests, found without recursion: importers and generators walk
 * values recursively (deep merges, JSON.stringify), so input nested thousands of levels would
 * overflow the stack there as a RangeError. Checking once at the boundary turns it into a clear
 * refusal naming where.
 */

/** Nesting no real dashboard, rule file or Alertmanager configuration comes near (they stay under 20). */
export const MAX_INPUT_DEPTH = 64;

/**
 * The path (as `a.b[0].c`) to the first place `value` nests deeper than `limit` objects and arrays,
 * or undefined when it does not. Iterative, so it is safe on any depth; shared references are walked
 * once each per path, and a cycle counts as too deep.
 */
export function tooDeepAt(value: unknown, limit = MAX_INPUT_DEPTH): string | undefined {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const current = stack.pop();
    if (current === undefined) break;
    if (typeof current.value !== "object" || current.value === null) continue;
    if (current.path.length >= limit) return formatPath(current.path);
    const entries: [string | number, unknown][] = Array.isArray(current.value)
      ? current.value.map((item, index) => [index, item])
      : Object.entries(current.value);
    for (const [key, item] of entries) stack.push({ value: item, path: [...current.path, key] });
  }
  return undefined;
}
