import type { ReactNode } from "react";
import type { Dashboard } from "@/lib/model/dashboard";
import type { Project } from "@/lib/model/project";
import { DashboardsSection } from "./dashboards-section";
import { ReceiversSection } from "./receivers-section";
import { RouteSection } from "./route-section";
import { RuleGroupsSection } from "./rule-groups-section";
import { SettingsSummary } from "./settings-summary";

export interface ProjectContentProps {
  project: Project;
  /** Actions beside the dashboards' title; only the overview has them, not a stored revision. */
  dashboardActions?: ReactNode;
  /** Actions on each dashboard's row; likewise only on the overview. */
  dashboardRowActions?: (dashboard: Dashboard) => ReactNode;
}

/** The read-only body of a project, shared by the overview and a stored revision's page. */
export function ProjectContent({
  project,
  dashboardActions,
  dashboardRowActions,
}: ProjectContentProps): ReactNode {
  return (
    <div className="project-content">
      <DashboardsSection
        dashboards={project.dashboards}
        actions={dashboardActions}
        rowActions={dashboardRowActions}
      />
      <RuleGroupsSection ruleGroups={project.ruleGroups} />
      <ReceiversSection receivers={project.receivers} />
      <RouteSection route={project.route} inhibitRules={project.inhibitRules} />
      <SettingsSummary project={project} />
    </div>
  );
}
