import Link from "next/link";
import type { ReactNode } from "react";
import { ProjectNav } from "./project-nav";
import type { ProjectRecordData } from "./use-projects";

export interface ProjectSubpageHeaderProps {
  record: ProjectRecordData;
  title: string;
}

/** Breadcrumbs, page title and the project's tabs, for the settings and history pages. */
export function ProjectSubpageHeader({ record, title }: ProjectSubpageHeaderProps): ReactNode {
  return (
    <>
      <header className="page-header">
        <div className="breadcrumbs">
          <Link href="/">Projects</Link> / <Link href={`/projects/${record.id}`}>{record.name}</Link> /
        </div>
        <h1>
          {title}{" "}
          <span className="badge" data-testid="project-version">
            v{record.version}
          </span>
        </h1>
      </header>
      <ProjectNav id={record.id} />
    </>
  );
}
