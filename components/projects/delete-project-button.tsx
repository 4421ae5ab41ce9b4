"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useState } from "react";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useDeleteProject } from "./use-projects";

export interface DeleteProjectButtonProps {
  id: string;
  name: string;
}

/** Delete, confirmed by typing the project's name: it removes every revision too. */
export function DeleteProjectButton({ id, name }: DeleteProjectButtonProps): ReactNode {
  const router = useRouter();
  const remove = useDeleteProject();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");

  function close(): void {
    setOpen(false);
    setTyped("");
    remove.reset();
  }

  return (
    <>
      <button
        type="button"
        className="button button-danger-outline"
        onClick={() => setOpen(true)}
        data-testid="delete-project"
      >
        Delete
      </button>
      <ConfirmDialog
        open={open}
        title={`Delete ${name}?`}
        confirmLabel="Delete project"
        danger
        confirmDisabled={typed.trim() !== name.trim()}
        pending={remove.isPending}
        testId="delete-dialog"
        onCancel={close}
        onConfirm={() =>
          remove.mutate(id, {
            onSuccess: () => {
              setOpen(false);
              router.replace("/");
            },
          })
        }
      >
        <p>This deletes the project and all of its history. It cannot be undone.</p>
        <label className="field">
          <span className="field-label">
            Type <strong>{name}</strong> to confirm
          </span>
          <input
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            autoComplete="off"
            data-testid="delete-confirm-name"
          />
        </label>
        <ApiErrorNotice error={remove.error} title="Could not delete the project" />
      </ConfirmDialog>
    </>
  );
}
