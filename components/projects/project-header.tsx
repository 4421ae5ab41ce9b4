import Link from "next/link";
import type { ReactNode } from "react";
import { formatDateTime } from "@/components/ui/format";
import { bundleUrl, exportUrl } from "@/lib/api/client";
import { DeleteProjectButton } from "./delete-project-button";
import type { ProjectRecordData } from "./use-projects";

export interface ProjectHeaderProps {
  record: ProjectRecordData;
}

/** Name, version and the project's actions; downloads are plain links to the API. */
export function ProjectHeader({ record }: ProjectHeaderProps): ReactNode {
  const { project } = record;
  return (
    <header className="page-header">
      <div className="breadcrumbs">
        <Link href="/">Projects</Link> /
      </div>
      <div className="page-title-row">
        <div>
          <h1 data-testid="project-name">{record.name}</h1>
          <p className="muted">
            <span className="badge" data-testid="project-version">
              v{record.version}
            </span>{" "}
            {project.level ? <span className="badge">{project.level}</span> : null} {project.environment} ·
            updated {formatDateTime(record.updatedAt)}
          </p>
          {project.description ? <p>{project.description}</p> : null}
        </div>
        <div className="actions">
          <a
            className="button button-primary"
            href={bundleUrl(record.id)}
            download
            data-testid="download-bundle"
          >
            Download bundle
          </a>
          <a className="button" href={exportUrl(record.id)} download data-testid="export-json">
            Export JSON
          </a>
          <Link className="button" href={`/projects/${record.id}/history`}>
            History
          </Link>
          <Link className="button" href={`/projects/${record.id}/settings`}>
            Settings
          </Link>
          <DeleteProjectButton id={record.id} name={record.name} />
        </div>
      </div>
    </header>
  );
}
