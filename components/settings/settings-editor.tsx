"use client";

import type { ReactNode } from "react";
import { ProjectSubpageHeader } from "@/components/projects/project-subpage-header";
import { useProject } from "@/components/projects/use-projects";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import { PageLoading } from "@/components/ui/page-loading";
import { SettingsForm } from "./settings-form";

export interface SettingsEditorProps {
  id: string;
}

export function SettingsEditor({ id }: SettingsEditorProps): ReactNode {
  // The form copies the record once; a background refetch must never replace the user's draft.
  const project = useProject(id);
  if (project.data) {
    return (
      <>
        <ProjectSubpageHeader record={project.data} title="Settings" />
        <SettingsForm key={id} initial={project.data} />
      </>
    );
  }
  if (project.error) return <ApiErrorNotice error={project.error} title="Could not load the project" />;
  return <PageLoading label="Loading settings…" />;
}
