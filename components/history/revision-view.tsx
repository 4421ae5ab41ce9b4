"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { ProjectContent } from "@/components/projects/project-content";
import { ProjectSubpageHeader } from "@/components/projects/project-subpage-header";
import { useProject } from "@/components/projects/use-projects";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import { formatDateTime } from "@/components/ui/format";
import { PageLoading } from "@/components/ui/page-loading";
import { compareHref } from "./compare-data";
import { RestoreRevisionButton } from "./restore-revision-button";
import { useRevision } from "./use-revisions";

export interface RevisionViewProps {
  id: string;
  version: number;
}

/** One stored version, read-only, with the same sections as the overview. */
export function RevisionView({ id, version }: RevisionViewProps): ReactNode {
  const router = useRouter();
  const project = useProject(id);
  const revision = useRevision(id, version);

  const failure = project.data ? revision.error : (project.error ?? revision.error);
  if (failure && !(project.data && revision.data)) {
    return <ApiErrorNotice error={failure} title={`Could not load version ${version}`} />;
  }
  if (!project.data || !revision.data) return <PageLoading label={`Loading version ${version}…`} />;

  const current = project.data.version;
  const stored = revision.data;
  return (
    <>
      <ProjectSubpageHeader record={project.data} title={`Version ${version}`} showVersion={false} />
      <div className="notice notice-readonly banner" data-testid="readonly-banner">
        <div>
          <strong>Read-only: version {stored.version}</strong>, saved {formatDateTime(stored.createdAt)}
          {stored.author ? ` by ${stored.author}` : ""}
          {stored.message ? ` — “${stored.message}”` : ""}.{" "}
          {stored.version === current
            ? "This is the current version."
            : `The current version is ${current}; nothing here can be edited.`}
        </div>
        <div className="actions">
          <Link className="button button-small" href={`/projects/${id}/history`}>
            Back to history
          </Link>
          {stored.version === current ? null : (
            <Link
              className="button button-small"
              href={compareHref(id, stored.version, current)}
              data-testid="compare-with-current"
            >
              Compare with current
            </Link>
          )}
          {stored.version === current ? null : (
            <RestoreRevisionButton
              id={id}
              version={stored.version}
              currentVersion={current}
              onRestored={() => router.push(`/projects/${id}`)}
            />
          )}
        </div>
      </div>
      <div className="readonly" data-testid="revision-content">
        <ProjectContent project={stored.project} />
      </div>
    </>
  );
}
