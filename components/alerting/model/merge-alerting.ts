import type { SectionMerge } from "@/components/section-save/conflict-review";
import { mergeByName, mergeFields } from "@/components/section-save/three-way-merge";
import type { AlertingSection } from "@/lib/model/sections";

const PARTS = [
  ["route", "the route tree"],
  ["inhibitRules", "the inhibit rules"],
  ["alertmanager", "the time intervals and global settings"],
] as const;

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
  const parts = mergeFields(base, mine, theirs, PARTS);
  const receivers = mergeByName(base.receivers, mine.receivers, theirs.receivers, {
    nameOf: (receiver) => receiver.name,
    label: (name) => `receiver ${name}`,
  });
  return {
    draft: { ...parts.draft, receivers: receivers.draft },
    conflicts: [...parts.conflicts, ...receivers.conflicts],
    theirChanges: [...parts.theirChanges, ...receivers.theirChanges],
  };
}
