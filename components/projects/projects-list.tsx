"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import { formatDateTime } from "@/components/ui/format";
import { PageLoading } from "@/components/ui/page-loading";
import { useProjects } from "./use-projects";

/** Every stored project, most recently updated first. */
export function ProjectsList(): ReactNode {
  const { data, error, isPending } = useProjects();
  if (isPending) return <PageLoading label="Loading projects…" />;
  if (error) return <ApiErrorNotice error={error} title="Could not load the projects" />;
  if (data.length === 0) {
    return (
      <p className="empty" data-testid="projects-empty">
        No projects yet. Start one from a level template, a <code>deployment.yaml</code> or an exported
        project.
      </p>
    );
  }
  const projects = [...data].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return (
    <table data-testid="projects-table">
      <thead>
        <tr>
          <th>Project</th>
          <th>Team</th>
          <th>Level</th>
          <th className="numeric">Version</th>
          <th className="numeric">Dashboards</th>
          <th className="numeric">Alert rules</th>
          <th>Updated</th>
        </tr>
      </thead>
      <tbody>
        {projects.map((project) => (
          <tr key={project.id} data-testid="project-row" data-project-id={project.id}>
            <td>
              <Link href={`/projects/${project.id}`} className="strong-link">
                {project.name}
              </Link>
              <div className="muted small">
                <code>{project.slug}</code>
              </div>
            </td>
            <td data-testid="project-team">{project.teamName ?? <span className="muted">—</span>}</td>
            <td>
              {project.level ? (
                <span className="badge">{project.level}</span>
              ) : (
                <span className="muted">—</span>
              )}
            </td>
            <td className="numeric">v{project.version}</td>
            <td className="numeric">{project.dashboards}</td>
            <td className="numeric">{project.alertRules}</td>
            <td>{formatDateTime(project.updatedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
