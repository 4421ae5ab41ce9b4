import { sameValue } from "@/lib/json/same-value";
import type { SectionMerge } from "./conflict-review";

/**
 * The three-way merges behind "re-apply my edits" after a 409 (rule groups, alerting): what I
 * changed is mine, the rest theirs; where both changed one thing differently, mine is kept and the
 * thing is named as a conflict. Dashboards merge their own way (panels by id, renumbered).
 */

/** The merge of whole fields, each named for the messages; the draft starts from theirs. */
export function mergeFields<T extends object, K extends keyof T>(
  base: T,
  mine: T,
  theirs: T,
  fields: ReadonlyArray<readonly [K, string]>,
): SectionMerge<T> {
  const conflicts: string[] = [];
  const theirChanges: string[] = [];
  const draft: T = { ...theirs };
  for (const [key, label] of fields) {
    const mineChanged = !sameValue(mine[key], base[key]);
    const theirsChanged = !sameValue(theirs[key], base[key]);
    if (theirsChanged) theirChanges.push(label);
    if (!mineChanged) continue;
    if (theirsChanged && !sameValue(mine[key], theirs[key])) conflicts.push(label);
    // Absent stays absent: an optional field I cleared is removed, not written as undefined.
    if (mine[key] === undefined) delete draft[key];
    else draft[key] = mine[key];
  }
  return { draft, conflicts, theirChanges };
}

export interface NamedItems<T> {
  nameOf: (item: T) => string;
  /** The item as the messages name it (`receiver slack`). */
  label: (name: string) => string;
}

/**
 * The merge of a list of named items: theirs in their order, each item I added, changed or removed
 * applied by name (an item I added goes last).
 */
export function mergeByName<T>(
  base: readonly T[],
  mine: readonly T[],
  theirs: readonly T[],
  { nameOf, label }: NamedItems<T>,
): SectionMerge<T[]> {
  const conflicts: string[] = [];
  const theirChanges: string[] = [];
  const byName = (items: readonly T[]): Map<string, T> => new Map(items.map((item) => [nameOf(item), item]));
  const baseItems = byName(base);
  const mineItems = byName(mine);
  const theirItems = byName(theirs);
  for (const [name, item] of theirItems) {
    const before = baseItems.get(name);
    if (!before) theirChanges.push(`added ${label(name)}`);
    else if (!sameValue(before, item)) theirChanges.push(`changed ${label(name)}`);
  }
  for (const name of baseItems.keys()) if (!theirItems.has(name)) theirChanges.push(`removed ${label(name)}`);

  let draft = [...theirs];
  for (const [name, item] of mineItems) {
    const before = baseItems.get(name);
    if (before && sameValue(before, item)) continue;
    const theirsNow = theirItems.get(name);
    if (theirsNow && before && !sameValue(before, theirsNow) && !sameValue(theirsNow, item))
      conflicts.push(label(name));
    const at = draft.findIndex((candidate) => nameOf(candidate) === name);
    if (at === -1) draft.push(item);
    else draft[at] = item;
  }
  for (const [name, before] of baseItems) {
    if (mineItems.has(name)) continue;
    const theirsNow = theirItems.get(name);
    if (theirsNow && !sameValue(before, theirsNow)) conflicts.push(label(name));
    draft = draft.filter((candidate) => nameOf(candidate) !== name);
  }
  return { draft, conflicts, theirChanges };
}
