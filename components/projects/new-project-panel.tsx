"use client";

import { type ReactNode, useState } from "react";
import { NewProjectForm, type NewProjectTeam } from "./new-project-form";

export interface NewProjectPanelProps {
  /** The teams where the user may create projects. */
  teams: readonly NewProjectTeam[];
}

/** The "New project" button and the form it opens. */
export function NewProjectPanel({ teams }: NewProjectPanelProps): ReactNode {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button
        type="button"
        className="button button-primary"
        onClick={() => setOpen(true)}
        data-testid="new-project"
      >
        New project
      </button>
    );
  }
  return <NewProjectForm teams={teams} onCancel={() => setOpen(false)} />;
}
