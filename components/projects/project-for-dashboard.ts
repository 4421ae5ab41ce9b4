import type { ProjectRecord } from "@/lib/api/schemas";
import type { Project } from "@/lib/model/project";

/**
 * The project record with only the dashboard `uid` left among its dashboards (none when it has no
 * such dashboard): what a dashboard's page needs. The designer reads the project's datasources,
 * settings and rules, and edits one dashboard; the others (a project may hold a 125-panel one)
 * were most of what the page sent and the browser parsed before its first screen. Kept under its
 * own cache key (queryKeys.projectDashboard), never the project's: a partial project must not
 * pass for a whole one.
 */
export function projectForDashboard(record: ProjectRecord<Project>, uid: string): ProjectRecord<Project> {
  return {
    ...record,
    project: {
      ...record.project,
      dashboards: record.project.dashboards.filter((entry) => entry.uid === uid),
    },
  };
}
