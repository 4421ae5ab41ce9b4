"use client";

import Link from "next/link";
import { type ReactNode, useState } from "react";
import { ProjectSubpageHeader } from "@/components/projects/project-subpage-header";
import { useProject } from "@/components/projects/use-projects";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import { formatDateTime } from "@/components/ui/format";
import { PageLoading } from "@/components/ui/page-loading";
import { RestoreRevisionButton } from "./restore-revision-button";
import { useRevisions } from "./use-revisions";

export interface RevisionListProps {
  id: string;
}

/** Every stored version of a project, newest first. */
export function RevisionList({ id }: RevisionListProps): ReactNode {
  const project = useProject(id);
  const revisions = useRevisions(id);
  const [notice, setNotice] = useState<string | null>(null);

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
        <table data-testid="revisions-table">
          <thead>
            <tr>
              <th>Version</th>
              <th>Saved</th>
              <th>Author</th>
              <th>Message</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {revisions.data.map((revision) => (
              <tr key={revision.version} data-testid="revision-row" data-version={revision.version}>
                <td>
                  <Link
                    href={`/projects/${id}/history/${revision.version}`}
                    data-testid={`open-revision-${revision.version}`}
                  >
                    Version {revision.version}
                  </Link>
                  {revision.version === current ? <span className="badge badge-current">current</span> : null}
                </td>
                <td>{formatDateTime(revision.createdAt)}</td>
                <td>{revision.author ?? <span className="muted">—</span>}</td>
                <td>{revision.message ?? <span className="muted">—</span>}</td>
                <td className="row-actions">
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
            ))}
          </tbody>
        </table>
      ) : revisions.error ? null : (
        <PageLoading label="Loading revisions…" />
      )}
    </>
  );
}
