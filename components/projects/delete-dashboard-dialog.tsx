"use client";

import type { ReactNode } from "react";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { plural } from "@/components/ui/format";
import { ApiRequestError } from "@/lib/api/client";
import type { Dashboard } from "@/lib/model/dashboard";
import type { Project } from "@/lib/model/project";
import { linkingRules } from "./delete-dashboard";
import { useDeleteDashboard } from "./use-projects";

export interface DeleteDashboardDialogProps {
  projectId: string;
  /** The project as the overview shows it, and the version the deletion is decided at. */
  project: Project;
  version: number;
  /** The dashboard to delete; null keeps the dialog closed. */
  dashboard: Dashboard | null;
  onClose: () => void;
}

/** What the server's refusal means for the user: a rule that links here, a newer version, or its issues. */
function Refusal({
  error,
  project,
  title,
}: {
  error: ApiRequestError | null;
  project: Project;
  title: string;
}): ReactNode {
  if (!error) return null;
  if (error.status === 409) {
    return (
      <div className="notice notice-warning" role="alert" data-testid="delete-dashboard-conflict">
        “{title}” was changed since this page loaded
        {error.body.currentVersion ? ` (the project is now at version ${error.body.currentVersion})` : ""}.
        The overview now shows the latest version: check the dashboard, then delete again.
      </div>
    );
  }
  if (error.status !== 422) return <ApiErrorNotice error={error} title="Could not delete the dashboard" />;
  const { rules, others } = linkingRules(error.body.issues, project);
  // The server lists every issue of the project it would have written, warnings included; only errors refuse.
  const blocking = others.filter((issue) => issue.severity === "error");
  return (
    <>
      {rules.length > 0 ? (
        <div className="notice notice-error" role="alert" data-testid="delete-dashboard-linked">
          <strong>
            {rules.length === 1
              ? "A rule links to this dashboard"
              : `${rules.length} rules link to this dashboard`}
          </strong>
          , so it cannot be deleted. Remove the link from the rule (or the rule) first.
          <ul className="issue-list">
            {rules.map((rule) => (
              <li key={`${rule.group ?? ""}/${rule.rule}`}>
                <code>{rule.rule}</code>
                {rule.group ? (
                  <>
                    {" "}
                    in group <code>{rule.group}</code>
                  </>
                ) : null}
                : {rule.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {rules.length === 0 || blocking.length > 0 ? (
        <ApiErrorNotice
          error={
            rules.length === 0
              ? error
              : new ApiRequestError(error.status, { ...error.body, issues: blocking })
          }
          title="Could not delete the dashboard"
        />
      ) : null}
    </>
  );
}

/** Asks before deleting one dashboard of the project, naming it; says why when the server refuses. */
export function DeleteDashboardDialog({
  projectId,
  project,
  version,
  dashboard,
  onClose,
}: DeleteDashboardDialogProps): ReactNode {
  const remove = useDeleteDashboard(projectId);

  function close(): void {
    remove.reset();
    onClose();
  }

  const panels = dashboard ? dashboard.panels.filter((panel) => panel.type !== "row").length : 0;
  return (
    <ConfirmDialog
      open={dashboard !== null}
      title={dashboard ? `Delete the dashboard “${dashboard.title}”?` : "Delete the dashboard?"}
      confirmLabel="Delete dashboard"
      danger
      pending={remove.isPending}
      testId="delete-dashboard-dialog"
      onCancel={close}
      onConfirm={() => {
        if (dashboard) remove.mutate({ uid: dashboard.uid, version }, { onSuccess: close });
      }}
    >
      {dashboard ? (
        <>
          <p>
            This removes “{dashboard.title}” (uid <code>{dashboard.uid}</code>, {plural(panels, "panel")})
            from the project. The project’s history keeps the versions that include it.
          </p>
          <Refusal error={remove.error} project={project} title={dashboard.title} />
        </>
      ) : null}
    </ConfirmDialog>
  );
}
