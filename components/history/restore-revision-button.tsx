"use client";

import { type ReactNode, useState } from "react";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ProjectRecord } from "@/lib/api/schemas";
import type { Project } from "@/lib/model/project";
import { useRestoreRevision } from "./use-revisions";

export interface RestoreRevisionButtonProps {
  id: string;
  version: number;
  currentVersion: number;
  onRestored?: (record: ProjectRecord<Project>) => void;
}

/** Restores a revision as a new version, after confirmation; history is never rewritten. */
export function RestoreRevisionButton({
  id,
  version,
  currentVersion,
  onRestored,
}: RestoreRevisionButtonProps): ReactNode {
  const restore = useRestoreRevision(id);
  const [open, setOpen] = useState(false);

  function close(): void {
    setOpen(false);
    restore.reset();
  }

  return (
    <>
      <button
        type="button"
        className="button button-small"
        onClick={() => setOpen(true)}
        data-testid={`restore-${version}`}
      >
        Restore
      </button>
      <ConfirmDialog
        open={open}
        title={`Restore version ${version}?`}
        confirmLabel={`Restore as version ${currentVersion + 1}`}
        pending={restore.isPending}
        testId="restore-dialog"
        onCancel={close}
        onConfirm={() =>
          restore.mutate(
            { version, message: `Restored version ${version}` },
            {
              onSuccess: (record) => {
                setOpen(false);
                onRestored?.(record);
              },
            },
          )
        }
      >
        <p>
          Version {version}&apos;s content becomes a new version, {currentVersion + 1}. Version{" "}
          {currentVersion} and everything before it stay in the history.
        </p>
        <ApiErrorNotice error={restore.error} title="Could not restore" />
      </ConfirmDialog>
    </>
  );
}
