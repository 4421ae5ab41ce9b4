"use client";

import { type ReactNode, useState } from "react";
import { NewProjectForm } from "./new-project-form";

/** The "New project" button and the form it opens. */
export function NewProjectPanel(): ReactNode {
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
  return <NewProjectForm onCancel={() => setOpen(false)} />;
}
