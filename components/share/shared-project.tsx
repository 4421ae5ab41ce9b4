"use client";

import { type ReactNode, useState } from "react";
import { setShareTokenForRequests } from "@/lib/api/share-request";
import type { Project } from "@/lib/model/project";
import { SharedDashboard } from "./shared-dashboard";
import { SharedRules } from "./shared-rules";
import "./share.css";

export interface SharedProjectProps {
  token: string;
  projectId: string;
  version: number;
  project: Project;
}

/**
 * `/share/{token}`: a project as a share link shows it to anyone holding the link, without an
 * account: its dashboards with live panels, its alert rules and its bundle. Nothing on it edits,
 * and it links to no other page of the app (each of those needs an account).
 */
export function SharedProject({ token, projectId, version, project }: SharedProjectProps): ReactNode {
  // Before any child renders and queries: every API call of this page carries the link.
  setShareTokenForRequests(token);
  const [uid, setUid] = useState(project.dashboards[0]?.uid);
  const dashboard = project.dashboards.find((one) => one.uid === uid);
  return (
    <div className="share-page" data-testid="shared-project">
      <header className="page-header">
        <p className="muted small">Shared read-only</p>
        <h1 data-testid="shared-project-name">{project.name}</h1>
        <a className="button" href={`/share/${token}/bundle`} download data-testid="shared-download-bundle">
          Download bundle
        </a>
      </header>
      <section aria-label="Dashboards">
        {project.dashboards.length > 1 ? (
          <nav className="share-tabs" aria-label="Dashboards of the project">
            {project.dashboards.map((one) => (
              <button
                key={one.uid}
                type="button"
                className={one.uid === uid ? "button button-primary" : "button"}
                aria-pressed={one.uid === uid}
                onClick={() => setUid(one.uid)}
              >
                {one.title}
              </button>
            ))}
          </nav>
        ) : null}
        {dashboard ? (
          <SharedDashboard projectId={projectId} version={version} project={project} dashboard={dashboard} />
        ) : (
          <p className="muted">This project has no dashboards.</p>
        )}
      </section>
      <section aria-label="Alert rules">
        <h2>Alert rules</h2>
        <SharedRules ruleGroups={project.ruleGroups} />
      </section>
    </div>
  );
}
