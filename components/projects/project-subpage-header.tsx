import Link from "next/link";
import type { ReactNode } from "react";
import { ProjectNav } from "./project-nav";
import type { ProjectRecordData } from "./use-projects";

export interface ProjectSubpageHeaderProps {
  record: ProjectRecordData;
  title: string;
  /** Shows the current version beside the title; off where the page is about another version. */
  showVersion?: boolean;
}

/** Breadcrumbs, page title and the project's tabs, for the settings and history pages. */
export function ProjectSubpageHeader({
  record,
  title,
  showVersion = true,
}: ProjectSubpageHeaderProps): ReactNode {
  return (
    <>
      <header className="page-header">
        <div className="breadcrumbs">
          <Link href="/">Projects</Link> / <Link href={`/projects/${record.id}`}>{record.name}</Link> /
        </div>
        <h1>
          {title}{" "}
          {showVersion ? (
            <span className="badge" data-testid="project-version">
              v{record.version}
            </span>
          ) : null}
        </h1>
      </header>
      <ProjectNav id={record.id} />
    </>
  );
}
