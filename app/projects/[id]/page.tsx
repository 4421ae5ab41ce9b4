import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { ImportGrafanaButton } from "@/components/dashboard/import/import-button";
import { NewDashboardButton } from "@/components/projects/new-dashboard-button";
import { ProjectOverview } from "@/components/projects/project-overview";
import { projectIdParam } from "@/components/projects/route-params";

interface ProjectPageProps {
  params: Promise<{ id: string }>;
}

export default async function ProjectPage({ params }: ProjectPageProps): Promise<ReactNode> {
  const id = projectIdParam((await params).id);
  if (!id) notFound();
  return (
    <main>
      {/* The designer edits the latest version: importing belongs on the overview, not on an old revision. */}
      <ProjectOverview
        id={id}
        dashboardActions={
          <div className="actions">
            <NewDashboardButton projectId={id} />
            <ImportGrafanaButton projectId={id} />
          </div>
        }
      />
    </main>
  );
}
