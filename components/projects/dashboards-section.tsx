"use client";

import Link from "next/link";
import { useParams } from "next/navigation";
import type { ReactNode } from "react";
import { plural } from "@/components/ui/format";
import { uniqueKeys } from "@/components/ui/unique-keys";
import type { Dashboard } from "@/lib/model/dashboard";
import { anchorId } from "./issue-anchors";

export interface DashboardsSectionProps {
  dashboards: readonly Dashboard[];
  /** Buttons beside the title (the overview's import), composed by the page so this folder stays below the editors. */
  actions?: ReactNode;
  /** Actions at the end of each dashboard's row (the overview's delete); a stored revision has none. */
  rowActions?: (dashboard: Dashboard) => ReactNode;
}

export function DashboardsSection({ dashboards, actions, rowActions }: DashboardsSectionProps): ReactNode {
  const projectId = useParams<{ id?: string }>()?.id;
  return (
    <section id="dashboards" className="section" data-testid="dashboards-section">
      <div className="page-title-row">
        <h2>
          Dashboards <span className="count">{dashboards.length}</span>
        </h2>
        {actions}
      </div>
      {dashboards.length === 0 ? (
        <p className="empty">No dashboards.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Title</th>
              <th>UID</th>
              <th className="numeric">Panels</th>
              <th>Tags</th>
              {rowActions ? <th aria-label="Actions" /> : null}
            </tr>
          </thead>
          <tbody>
            {dashboards.map((dashboard, index) => (
              <tr
                key={anchorId(["dashboards", index])}
                id={anchorId(["dashboards", index])}
                className="anchor-target"
                data-testid="dashboard-row"
                data-uid={dashboard.uid}
              >
                <td>
                  {projectId ? (
                    <Link
                      href={`/projects/${projectId}/dashboards/${encodeURIComponent(dashboard.uid)}`}
                      className="strong-link"
                      data-testid="dashboard-link"
                    >
                      {dashboard.title}
                    </Link>
                  ) : (
                    dashboard.title
                  )}
                  {dashboard.description ? <div className="muted small">{dashboard.description}</div> : null}
                </td>
                <td>
                  <code>{dashboard.uid}</code>
                </td>
                <td className="numeric" title={plural(panelCount(dashboard), "panel")}>
                  {panelCount(dashboard)}
                </td>
                <td>
                  {uniqueKeys(dashboard.tags).map((key, tagIndex) => (
                    <span key={key} className="tag">
                      {dashboard.tags[tagIndex]}
                    </span>
                  ))}
                </td>
                {rowActions ? <td className="row-actions">{rowActions(dashboard)}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Row headers are layout, not panels: Grafana and the catalog count only the others. */
function panelCount(dashboard: { panels: readonly { type: string }[] }): number {
  return dashboard.panels.filter((panel) => panel.type !== "row").length;
}
