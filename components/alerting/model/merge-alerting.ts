import type { SectionMerge } from "@/components/section-save/conflict-review";
import { sameValue } from "@/lib/json/same-value";
import type { Receiver } from "@/lib/model/alertmanager";
import type { AlertingSection } from "@/lib/model/sections";

const PARTS = [
  ["route", "the route tree"],
  ["inhibitRules", "the inhibit rules"],
  ["alertmanager", "the time intervals and global settings"],
] as const;

function byName(receivers: readonly Receiver[]): Map<string, Receiver> {
  return new Map(receivers.map((receiver) => [receiver.name, receiver]));
}

/**
 * My alerting edits re-applied on a newer version (after a 409): each receiver (by name) and each
 * of the route tree, the inhibit rules and the time intervals that I changed is mine, the rest
 * theirs; where both changed one thing, mine is kept and it is named as a conflict.
 */
export function mergeAlerting(
  base: AlertingSection,
  mine: AlertingSection,
  theirs: AlertingSection,
): SectionMerge<AlertingSection> {
  const conflicts: string[] = [];
  const theirChanges: string[] = [];
  const draft: AlertingSection = { ...theirs };
  for (const [key, label] of PARTS) {
    const mineChanged = !sameValue(mine[key], base[key]);
    const theirsChanged = !sameValue(theirs[key], base[key]);
    if (theirsChanged) theirChanges.push(label);
    if (!mineChanged) continue;
    if (theirsChanged && !sameValue(mine[key], theirs[key])) conflicts.push(label);
    (draft as Record<string, unknown>)[key] = mine[key];
  }
  const baseReceivers = byName(base.receivers);
  const mineReceivers = byName(mine.receivers);
  const theirReceivers = byName(theirs.receivers);
  for (const [name, receiver] of theirReceivers) {
    const before = baseReceivers.get(name);
    if (!before) theirChanges.push(`added receiver ${name}`);
    else if (!sameValue(before, receiver)) theirChanges.push(`changed receiver ${name}`);
  }
  for (const name of baseReceivers.keys())
    if (!theirReceivers.has(name)) theirChanges.push(`removed receiver ${name}`);

  let receivers = [...theirs.receivers];
  for (const [name, receiver] of mineReceivers) {
    const before = baseReceivers.get(name);
    if (before && sameValue(before, receiver)) continue;
    const theirsNow = theirReceivers.get(name);
    if (theirsNow && before && !sameValue(before, theirsNow) && !sameValue(theirsNow, receiver))
      conflicts.push(`receiver ${name}`);
    const at = receivers.findIndex((candidate) => candidate.name === name);
    if (at === -1) receivers.push(receiver);
    else receivers[at] = receiver;
  }
  for (const [name, before] of baseReceivers) {
    if (mineReceivers.has(name)) continue;
    const theirsNow = theirReceivers.get(name);
    if (theirsNow && !sameValue(before, theirsNow)) conflicts.push(`receiver ${name}`);
    receivers = receivers.filter((candidate) => candidate.name !== name);
  }
  return { draft: { ...draft, receivers }, conflicts, theirChanges };
}
