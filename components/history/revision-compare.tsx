"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type ReactNode, useMemo } from "react";
import { ProjectSubpageHeader } from "@/components/projects/project-subpage-header";
import { useProject } from "@/components/projects/use-projects";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import { formatDateTime, plural } from "@/components/ui/format";
import { PageLoading } from "@/components/ui/page-loading";
import type { Revision } from "@/lib/api/client";
import type { RevisionSummary } from "@/lib/api/schemas";
import { buildComparePageData, compareHref } from "./compare-data";
import styles from "./history.module.css";
import { SectionDiff } from "./section-diff";
import { useRevision, useRevisions } from "./use-revisions";

export interface RevisionCompareProps {
  id: string;
  from: number;
  to: number;
}

/** Changed sections open at first; more start closed, so a big comparison does not start a dozen editors. */
const OPEN_SECTIONS = 4;

interface VersionPickerProps {
  label: string;
  value: number;
  revisions: readonly RevisionSummary[] | undefined;
  onChange: (version: number) => void;
  testId: string;
}

function VersionPicker({ label, value, revisions, onChange, testId }: VersionPickerProps): ReactNode {
  const versions = revisions?.map((revision) => revision.version) ?? [];
  if (!versions.includes(value)) versions.push(value);
  return (
    <label>
      {label}
      <select value={value} onChange={(event) => onChange(Number(event.target.value))} data-testid={testId}>
        {versions.map((version) => (
          <option key={version} value={version}>
            Version {version}
          </option>
        ))}
      </select>
    </label>
  );
}

function RevisionFacts({ revision }: { revision: Revision }): ReactNode {
  return (
    <div className="small">
      Saved {formatDateTime(revision.createdAt)} by{" "}
      {revision.author ?? <span className="muted">anonymous</span>}
      {revision.message ? ` — “${revision.message}”` : ""}
    </div>
  );
}

/** Two stored versions of a project: what changed in words, and each changed section's JSON side by side. */
export function RevisionCompare({ id, from, to }: RevisionCompareProps): ReactNode {
  const router = useRouter();
  const project = useProject(id);
  const revisions = useRevisions(id);
  const older = useRevision(id, from);
  const newer = useRevision(id, to);
  const data = useMemo(
    () =>
      older.data && newer.data ? buildComparePageData(older.data.project, newer.data.project) : undefined,
    [older.data, newer.data],
  );

  const failure = project.error ?? older.error ?? newer.error;
  if (failure && !(project.data && data)) {
    return <ApiErrorNotice error={failure} title={`Could not compare version ${from} with version ${to}`} />;
  }
  if (!project.data || !older.data || !newer.data || !data) {
    return <PageLoading label={`Loading versions ${from} and ${to}…`} />;
  }

  const choose = (nextFrom: number, nextTo: number): void => router.push(compareHref(id, nextFrom, nextTo));
  return (
    <>
      <ProjectSubpageHeader
        record={project.data}
        title={`Version ${from} compared with version ${to}`}
        showVersion={false}
      />
      <div className={styles.compareBar}>
        <Link className="button button-small" href={`/projects/${id}/history`}>
          Back to history
        </Link>
        <button
          type="button"
          className="button button-small"
          onClick={() => choose(to, from)}
          data-testid="compare-swap"
        >
          Swap sides
        </button>
      </div>
      <div className={styles.sides}>
        <div className={styles.side} data-testid="compare-from">
          <VersionPicker
            label="From"
            value={from}
            revisions={revisions.data}
            onChange={(version) => choose(version, to)}
            testId="compare-from-select"
          />
          <RevisionFacts revision={older.data} />
        </div>
        <div className={styles.side} data-testid="compare-to">
          <VersionPicker
            label="To"
            value={to}
            revisions={revisions.data}
            onChange={(version) => choose(from, version)}
            testId="compare-to-select"
          />
          <RevisionFacts revision={newer.data} />
        </div>
      </div>
      <p className={styles.summary} data-testid="compare-summary">
        {data.summary === "" ? (
          <span className="muted">
            Versions {from} and {to} have the same content.
          </span>
        ) : (
          data.summary
        )}
      </p>
      {data.changed.map((section, index) => (
        <SectionDiff
          key={`${from}-${to}-${section.key}`}
          section={section}
          fromVersion={from}
          toVersion={to}
          defaultOpen={index < OPEN_SECTIONS}
        />
      ))}
      {data.unchanged.length > 0 ? (
        <details className={styles.section} data-testid="unchanged-sections">
          <summary>{plural(data.unchanged.length, "unchanged section")}</summary>
          <ul className={`${styles.sectionBody} plain-list`}>
            {data.unchanged.map((section) => (
              <li key={section.key}>{section.label}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}
