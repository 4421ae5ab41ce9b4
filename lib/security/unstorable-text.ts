import { formatPath } from "../model/issues";

/**
 * Text PostgreSQL cannot store: a NUL character (text and jsonb refuse `\u0000`) or a lone UTF-16
 * surrogate (not Unicode; it cannot be encoded as UTF-8). JSON.parse takes both from `\u0000` and
 * `\ud800` escapes, and a body holding one made the save fail inside the database as a 500. Found
 * once at the boundary instead, with the path to it.
 */

/** A place in the walked value; the path is rebuilt from the parents only for a hit (deep bodies stay linear). */
interface Place {
  value: unknown;
  key?: string | number;
  parent?: Place;
}

function pathOf(place: Place | undefined, key?: string | number): string {
  const path: (string | number)[] = key === undefined ? [] : [key];
  for (let at = place; at?.key !== undefined; at = at.parent) path.unshift(at.key);
  return formatPath(path);
}

/** The first string (value or key) in `value` holding such text, as `{path, message}`; iterative, any depth. */
export function unstorableTextAt(value: unknown): { path: string; message: string } | undefined {
  const stack: Place[] = [{ value }];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const current = stack.pop();
    if (current === undefined) break;
    if (typeof current.value === "string") {
      const why = unstorable(current.value);
      if (why) return { path: pathOf(current), message: `the text ${why}` };
      continue;
    }
    if (typeof current.value !== "object" || current.value === null || seen.has(current.value)) continue;
    seen.add(current.value);
    if (Array.isArray(current.value)) {
      current.value.forEach((item, index) => {
        stack.push({ value: item, key: index, parent: current });
      });
      continue;
    }
    for (const [key, item] of Object.entries(current.value)) {
      const keyWhy = unstorable(key);
      if (keyWhy) return { path: pathOf(current, key), message: `the key ${keyWhy}` };
      stack.push({ value: item, key, parent: current });
    }
  }
  return undefined;
}

// Without the u flag a regex sees UTF-16 code units: a high surrogate not followed by a low one, or a low one alone.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function unstorable(text: string): string | undefined {
  if (text.includes("\u0000")) return "holds a NUL character (\\u0000), which cannot be stored";
  if (LONE_SURROGATE.test(text))
    return "holds a lone surrogate (half of a UTF-16 pair), which is not Unicode";
  return undefined;
}
