/**
 * Deterministic mutations of parsed JSON/YAML values and of their text, for the importers' fuzz
 * tests: keys deleted, types swapped, entries duplicated, deep nesting, huge strings, prototype
 * keys, NUL and lone surrogates, truncated text. A seed gives the same inputs on every run, so a
 * failure names an input that can be replayed.
 */

import { seededRandom } from "../../promql/testing/mutate";

export { seededRandom };

type Random = () => number;

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** Keys that reach Object.prototype when code assigns through them. */
export const PROTOTYPE_KEYS = ["__proto__", "constructor", "prototype"] as const;

/** Nested `depth` levels of arrays or objects around `leaf`. */
export function deeplyNested(depth: number, leaf: unknown, asObject: boolean): unknown {
  let value = leaf;
  for (let level = 0; level < depth; level++) value = asObject ? { a: value } : [value];
  return value;
}

function strangeValue(random: Random): unknown {
  return pick<() => unknown>(random, [
    () => null,
    () => true,
    () => 0,
    () => -1,
    () => 2 ** 31,
    () => 2 ** 53 + 2,
    () => 1e308,
    () => -0.5,
    () => "",
    () => "x".repeat(100_000),
    () => "a\u0000b",
    () => "\ud800",
    () => "}}{{ .Foo }}<script>alert(1)</script>",
    () => "%zz%",
    () => "\u2028",
    () => [],
    () => [null],
    () => ({}),
    // An own `__proto__` key, as JSON.parse makes it (an object literal would set the prototype).
    () => JSON.parse('{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}'),
    () => deeplyNested(5_000, "deep", random() < 0.5),
  ])();
}

interface Slot {
  parent: Record<string, unknown> | unknown[];
  key: string | number;
}

/** Every place in `value` a mutation can land, containers and leaves alike. */
function slotsOf(value: unknown, limit = 20_000): Slot[] {
  const slots: Slot[] = [];
  const stack: unknown[] = [value];
  while (stack.length > 0 && slots.length < limit) {
    const current = stack.pop();
    if (Array.isArray(current)) {
      current.forEach((item, index) => {
        slots.push({ parent: current, key: index });
        stack.push(item);
      });
    } else if (typeof current === "object" && current !== null) {
      for (const [key, item] of Object.entries(current)) {
        slots.push({ parent: current as Record<string, unknown>, key });
        stack.push(item);
      }
    }
  }
  return slots;
}

function setSlot(slot: Slot, next: unknown): void {
  if (Array.isArray(slot.parent)) slot.parent[slot.key as number] = next;
  else
    Object.defineProperty(slot.parent, slot.key, {
      value: next,
      enumerable: true,
      writable: true,
      configurable: true,
    });
}

function mutateOnce(root: unknown, random: Random): unknown {
  const slots = slotsOf(root);
  if (slots.length === 0) return strangeValue(random);
  const slot = pick(random, slots);
  const current = (slot.parent as Record<string | number, unknown>)[slot.key];
  switch (Math.floor(random() * 7)) {
    case 0: // delete the key, or the item
      if (Array.isArray(slot.parent)) slot.parent.splice(slot.key as number, 1);
      else delete slot.parent[slot.key as string];
      break;
    case 1: // a value of another type
    case 2:
      setSlot(slot, strangeValue(random));
      break;
    case 3: // the same entry twice (duplicate names, uids, ids)
      if (Array.isArray(slot.parent)) slot.parent.push(current);
      else setSlot({ parent: slot.parent, key: `${slot.key}` }, [current, current]);
      break;
    case 4: // a prototype key beside it
      if (!Array.isArray(slot.parent))
        setSlot({ parent: slot.parent, key: pick(random, PROTOTYPE_KEYS) }, strangeValue(random));
      else setSlot(slot, JSON.parse('{"__proto__":{"polluted":"yes"}}'));
      break;
    case 5: // the string or number as the other
      if (typeof current === "string") setSlot(slot, Number(current) || 7);
      else if (typeof current !== "object" || current === null) setSlot(slot, String(current));
      break;
    default: // many copies of one entry
      if (Array.isArray(slot.parent)) for (let n = 0; n < 50; n++) slot.parent.push(current);
      else
        setSlot(
          slot,
          Array.from({ length: 50 }, () => current),
        );
  }
  return root;
}

/** `value` (not changed) with one to four mutations. */
export function mutateValue(value: unknown, random: Random): unknown {
  // A JSON copy: `value` is a parsed file, and the copy may then share entries (no deep clones of
  // deep nesting, which would overflow the stack here rather than in the importer).
  let copy: unknown = JSON.parse(JSON.stringify(value));
  const count = 1 + Math.floor(random() * 4);
  for (let n = 0; n < count; n++) copy = mutateOnce(copy, random);
  return copy;
}

/** `text` cut short, with a stretch removed, or with a strange character inserted. */
export function mutateText(text: string, random: Random): string {
  const at = Math.floor(random() * text.length);
  switch (Math.floor(random() * 4)) {
    case 0:
      return text.slice(0, at);
    case 1:
      return text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 40));
    case 2:
      return (
        text.slice(0, at) +
        pick(random, [
          "\u0000",
          "\ud800",
          "\t",
          "&a",
          "*a",
          "!!js/function",
          "{",
          "]",
          ":",
          "- ",
          "\n  x: [",
        ]) +
        text.slice(at)
      );
    default:
      return text + text.slice(at);
  }
}

/** The YAML "billion laughs": `levels` anchors, each aliasing the previous one `fanout` times. */
export function yamlAliasBomb(levels: number, fanout: number, under = ""): string {
  const lines = [`${under}a0: &a0 ["lol"]`];
  for (let level = 1; level < levels; level++)
    lines.push(
      `${under}a${level}: &a${level} [${Array.from({ length: fanout }, () => `*a${level - 1}`).join(", ")}]`,
    );
  return `${lines.join("\n")}\n`;
}

/** Whether something got onto Object.prototype (a polluting merge or assignment). */
export function prototypePolluted(): boolean {
  return (
    Object.getOwnPropertyNames(Object.prototype).some((name) => !BUILTIN_PROTOTYPE_NAMES.has(name)) ||
    "polluted" in {}
  );
}

const BUILTIN_PROTOTYPE_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

/** An input that crashed an importer: which one, and what was thrown. */
export interface FuzzCrash {
  input: string;
  error: string;
}

/**
 * Runs `attempt` on every input; collects what throws anything but an allowed (clear, named)
 * error, and what left Object.prototype changed. Input descriptions are cut short for messages.
 */
export function fuzzCrashes<T>(
  inputs: Iterable<{ label: string; input: T }>,
  attempt: (input: T) => unknown,
  allowed: readonly (new (...args: never[]) => Error)[],
): FuzzCrash[] {
  const crashes: FuzzCrash[] = [];
  for (const { label, input } of inputs) {
    try {
      attempt(input);
    } catch (error) {
      if (!allowed.some((type) => error instanceof type))
        crashes.push({
          input: label,
          error:
            error instanceof Error
              ? `${error.name}: ${error.message.slice(0, 200)}\n${error.stack?.split("\n").slice(1, 4).join("\n")}`
              : String(error),
        });
    }
    if (prototypePolluted()) {
      crashes.push({ input: label, error: "Object.prototype polluted" });
      for (const name of Object.getOwnPropertyNames(Object.prototype))
        if (!BUILTIN_PROTOTYPE_NAMES.has(name)) delete (Object.prototype as Record<string, unknown>)[name];
    }
  }
  return crashes;
}
