"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { ProjectSubpageHeader } from "@/components/projects/project-subpage-header";
import { useProject } from "@/components/projects/use-projects";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import { PageLoading } from "@/components/ui/page-loading";
import { SloEditor } from "./slo-editor";
import "./slo.css";

export interface SloPageProps {
  projectId: string;
  /** `?group=`: the saved SLO to edit; without it, a new one. */
  groupName?: string;
}

/** The project's SLOs (rule groups that carry one) and the editor for one of them. */
export function SloPage({ projectId, groupName }: SloPageProps): ReactNode {
  const project = useProject(projectId);
  if (project.error) return <ApiErrorNotice error={project.error} title="Could not load the project" />;
  if (!project.data) return <PageLoading label="Loading SLOs…" />;
  const record = project.data;
  const base = `/projects/${projectId}/slos`;
  const slos = record.project.ruleGroups.filter((group) => group.slo !== undefined);
  return (
    <>
      <ProjectSubpageHeader record={record} title="SLOs" />
      <nav className="card" aria-label="SLOs">
        <ul className="slo-saved-list" data-testid="slo-list">
          <li>
            <Link
              className={groupName ? "button button-small" : "button button-small button-primary"}
              href={base}
            >
              New SLO
            </Link>
          </li>
          {slos.map((group) => (
            <li key={group.name}>
              <Link
                className={
                  group.name === groupName ? "button button-small button-primary" : "button button-small"
                }
                href={`${base}?group=${encodeURIComponent(group.name)}`}
                data-testid="slo-list-item"
              >
                {group.slo?.name} · {group.slo?.objective} % / {group.slo?.window} · {group.slo?.policy}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {/* A new key per SLO: the editor's store starts from that SLO, never from the previous one's draft. */}
      <SloEditor key={groupName ?? ""} record={record} groupName={groupName} />
    </>
  );
}
