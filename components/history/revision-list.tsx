"use client";

import Link from "next/link";
import { type ReactNode, useState } from "react";
import { ProjectSubpageHeader } from "@/components/projects/project-subpage-header";
import { useProject } from "@/components/projects/use-projects";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import { formatDateTime } from "@/components/ui/format";
import { PageLoading } from "@/components/ui/page-loading";
import { formatChanges } from "@/lib/history/change-summary";
import { compareHref } from "./compare-data";
import styles from "./history.module.css";
import { RestoreRevisionButton } from "./restore-revision-button";
import { useRevisions } from "./use-revisions";

export interface RevisionListProps {
  id: string;
}

/** The two versions picked for comparison, older first; a third pick replaces the earlier pick. */
function toggled(selected: readonly number[], version: number): number[] {
  if (selected.includes(version)) return selected.filter((picked) => picked !== version);
  return [...selected, version].slice(-2);
}

interface CompareBarProps {
  id: string;
  selected: readonly number[];
}

function CompareBar({ id, selected }: CompareBarProps): ReactNode {
  const [older, newer] = [...selected].sort((a, b) => a - b);
  return (
    <div className={styles.compareBar} data-testid="compare-bar">
      {older !== undefined && newer !== undefined ? (
        <Link
          className="button button-small button-primary"
          href={compareHref(id, older, newer)}
          data-testid="compare-selected"
        >
          Compare version {older} with version {newer}
        </Link>
      ) : (
        <>
          <button type="button" className="button button-small" disabled data-testid="compare-selected">
            Compare
          </button>
          <span className="muted small">Tick two versions to compare them.</span>
        </>
      )}
    </div>
  );
}

/** Every stored version of a project, newest first, with what each changed; any two can be compared. */
export function RevisionList({ id }: RevisionListProps): ReactNode {
  const project = useProject(id);
  const revisions = useRevisions(id);
  const [notice, setNotice] = useState<string | null>(null);
  const [selected, setSelected] = useState<number[]>([]);

  if (project.error && !project.data)
    return <ApiErrorNotice error={project.error} title="Could not load the project" />;
  if (!project.data) return <PageLoading label="Loading history…" />;
  const current = project.data.version;

  return (
    <>
      <ProjectSubpageHeader record={project.data} title="History" />
      {notice ? (
        <p className="notice notice-success" role="status" data-testid="history-notice">
          {notice}
        </p>
      ) : null}
      {revisions.error ? <ApiErrorNotice error={revisions.error} title="Could not load the history" /> : null}
      {revisions.data ? (
        <>
          <CompareBar id={id} selected={selected} />
          <table data-testid="revisions-table">
            <thead>
              <tr>
                <th>Compare</th>
                <th>Version</th>
                <th>Saved</th>
                <th>Author</th>
                <th>Message</th>
                <th>Changes</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {revisions.data.map((revision, index) => {
                const previous = revisions.data[index + 1];
                return (
                  <tr key={revision.version} data-testid="revision-row" data-version={revision.version}>
                    <td>
                      <input
                        type="checkbox"
                        checked={selected.includes(revision.version)}
                        onChange={() => setSelected((picked) => toggled(picked, revision.version))}
                        aria-label={`Compare version ${revision.version}`}
                        data-testid={`compare-select-${revision.version}`}
                      />
                    </td>
                    <td>
                      <Link
                        href={`/projects/${id}/history/${revision.version}`}
                        data-testid={`open-revision-${revision.version}`}
                      >
                        Version {revision.version}
                      </Link>
                      {revision.version === current ? (
                        <span className="badge badge-current">current</span>
                      ) : null}
                    </td>
                    <td>{formatDateTime(revision.createdAt)}</td>
                    <td>{revision.author ?? <span className="muted">anonymous</span>}</td>
                    <td>{revision.message ?? <span className="muted">—</span>}</td>
                    <td className={styles.changes} data-testid="revision-changes">
                      {revision.changes.length > 0 ? (
                        formatChanges(revision.changes)
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                    <td className="row-actions">
                      {previous ? (
                        <Link
                          className="button button-small"
                          href={compareHref(id, previous.version, revision.version)}
                          data-testid={`compare-previous-${revision.version}`}
                        >
                          Compare with previous
                        </Link>
                      ) : null}
                      {revision.version === current ? null : (
                        <RestoreRevisionButton
                          id={id}
                          version={revision.version}
                          currentVersion={current}
                          onRestored={(record) =>
                            setNotice(`Restored version ${revision.version} as version ${record.version}.`)
                          }
                        />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      ) : revisions.error ? null : (
        <PageLoading label="Loading revisions…" />
      )}
    </>
  );
}
