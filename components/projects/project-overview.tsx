"use client";

import { type ReactNode, useEffect, useState } from "react";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import { PageLoading } from "@/components/ui/page-loading";
import type { Dashboard } from "@/lib/model/dashboard";
import { DeleteDashboardDialog } from "./delete-dashboard-dialog";
import { ProjectContent } from "./project-content";
import { ProjectHeader } from "./project-header";
import { ProjectNav } from "./project-nav";
import { useProject, useProjectValidation } from "./use-projects";
import { ValidationPanel } from "./validation-panel";

export interface ProjectOverviewProps {
  id: string;
  /** Actions beside the dashboards' title (the page passes the Grafana import). */
  dashboardActions?: ReactNode;
}

/**
 * The elements a link like `#ruleGroups-0-rules-3` targets exist only once the project has
 * loaded, after the browser looked for them; re-applying the hash lets `:target` and the scroll
 * find them.
 */
function useHashAfterLoad(loaded: boolean): void {
  useEffect(() => {
    if (!loaded || window.location.hash === "") return;
    const element = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    if (!element) return;
    const { hash } = window.location;
    window.location.replace(hash);
  }, [loaded]);
}

export function ProjectOverview({ id, dashboardActions }: ProjectOverviewProps): ReactNode {
  const project = useProject(id);
  const validation = useProjectValidation(id, project.data?.version);
  useHashAfterLoad(project.isSuccess);
  const [doomed, setDoomed] = useState<Dashboard | null>(null);

  const record = project.data;
  if (!record) {
    if (project.error) return <ApiErrorNotice error={project.error} title="Could not load the project" />;
    return <PageLoading label="Loading the project…" />;
  }
  return (
    <>
      <ProjectHeader record={record} />
      <ProjectNav id={id} />
      <ValidationPanel validation={validation.data} error={validation.error} pending={validation.isPending} />
      <ProjectContent
        project={record.project}
        dashboardActions={dashboardActions}
        dashboardRowActions={(dashboard) => (
          <button
            type="button"
            className="button button-small button-danger-outline"
            onClick={() => setDoomed(dashboard)}
            aria-label={`Delete ${dashboard.title}`}
            data-testid="dashboard-delete"
          >
            Delete
          </button>
        )}
      />
      <DeleteDashboardDialog
        projectId={id}
        project={record.project}
        version={record.version}
        dashboard={doomed}
        onClose={() => setDoomed(null)}
      />
    </>
  );
}
