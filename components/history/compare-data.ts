import {
  describeSectionChange,
  formatChanges,
  pairSections,
  sectionLabelFor,
} from "@/lib/history/change-summary";
import type { SectionChange } from "@/lib/history/section-change";
import type { Project } from "@/lib/model/project";
import type { SectionKey } from "@/lib/model/sections";

/** One section that differs between the two versions, with both sides as pretty-printed JSON. */
export interface ChangedSection {
  key: SectionKey;
  change: SectionChange;
  /** The section in the older version; "" when it did not exist there. */
  beforeJson: string;
  /** The section in the newer version; "" when it no longer exists. */
  afterJson: string;
}

export interface ComparePageData {
  /** Every difference in one line, as the history list words it; "" when there is none. */
  summary: string;
  changed: ChangedSection[];
  /** The sections both versions hold alike, by name. */
  unchanged: { key: SectionKey; label: string }[];
}

function prettyJson(content: unknown): string {
  return content === undefined ? "" : `${JSON.stringify(content, null, 2)}\n`;
}

/** What the compare page shows for `from` → `to`: the summary, and each section changed or not. */
export function buildComparePageData(from: Project, to: Project): ComparePageData {
  const changed: ChangedSection[] = [];
  const unchanged: ComparePageData["unchanged"] = [];
  for (const pair of pairSections(from, to)) {
    const change = describeSectionChange(pair.ref, pair.before, pair.after);
    if (change === null) {
      unchanged.push({ key: pair.key, label: sectionLabelFor(pair.ref, pair.after) });
      continue;
    }
    changed.push({
      key: pair.key,
      change,
      beforeJson: prettyJson(pair.before),
      afterJson: prettyJson(pair.after),
    });
  }
  return { summary: formatChanges(changed.map((section) => section.change)), changed, unchanged };
}

/** The compare page of two versions of a project. */
export function compareHref(id: string, from: number, to: number): string {
  return `/projects/${encodeURIComponent(id)}/history/compare?from=${from}&to=${to}`;
}
