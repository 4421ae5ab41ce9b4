"use client";

import { type ReactNode, useState } from "react";
import { LazyJsonDiffEditor } from "@/components/code-editor/lazy-json-diff-editor";
import type { ChangedSection } from "./compare-data";
import styles from "./history.module.css";

export interface SectionDiffProps {
  section: ChangedSection;
  fromVersion: number;
  toVersion: number;
  /** Open at first; a closed section has no editor until it is opened. */
  defaultOpen: boolean;
}

const CHANGE_WORDS = { added: "added", removed: "removed", changed: "changed" } as const;

/** One changed section: what changed in words, and its JSON in both versions side by side. */
export function SectionDiff({ section, fromVersion, toVersion, defaultOpen }: SectionDiffProps): ReactNode {
  const [open, setOpen] = useState(defaultOpen);
  const { change } = section;
  return (
    <details
      className={styles.section}
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
      data-testid="section-diff"
      data-section={section.key}
    >
      <summary>
        {change.label} <span className="badge">{CHANGE_WORDS[change.change]}</span>
      </summary>
      {open ? (
        <div className={styles.sectionBody}>
          {change.details.length > 0 ? (
            <ul className={styles.details} data-testid="section-diff-details">
              {change.details.map((detail) => (
                <li key={detail}>{detail}</li>
              ))}
            </ul>
          ) : null}
          <div className={styles.diffSides} aria-hidden="true">
            <span>Version {fromVersion}</span>
            <span>Version {toVersion}</span>
          </div>
          <LazyJsonDiffEditor
            original={section.beforeJson}
            modified={section.afterJson}
            ariaLabel={`${change.label}, version ${fromVersion} and version ${toVersion}`}
            testId={`diff-editor-${section.key}`}
          />
        </div>
      ) : null}
    </details>
  );
}
