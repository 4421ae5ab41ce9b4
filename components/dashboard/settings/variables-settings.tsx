"use client";

import { type ReactNode, useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ModelIssue } from "@/lib/model/issues";
import { listTitles, usersOfVariable, type VariableUsers } from "../model/variable-usage";
import { useDraftActions, useDraftDashboard } from "../store/store-provider";
import { AddVariableForm } from "./add-variable-form";
import { UndefinedVariables } from "./undefined-variables";
import { issuesOfVariable } from "./use-settings-issues";
import { VariableEditor } from "./variable-editor";
import { VariableList } from "./variable-list";

interface PendingDelete {
  index: number;
  name: string;
  users: VariableUsers;
}

function usersSentence(users: VariableUsers): string {
  const parts: string[] = [];
  if (users.panels.length > 0) {
    const titles = listTitles(
      users.panels.map((panel) => panel.title),
      8,
    );
    parts.push(`${users.panels.length === 1 ? "the panel" : "the panels"} ${titles}`);
  }
  if (users.variables.length > 0) {
    const names = users.variables.map((name) => `$${name}`).join(", ");
    parts.push(`${users.variables.length === 1 ? "the variable" : "the variables"} ${names}`);
  }
  return parts.join(" and ");
}

export interface VariablesSettingsProps {
  issues: readonly ModelIssue[];
}

/**
 * The template variables: the list (order, move, delete), adding one, editing the selected one,
 * and what is used but not defined. Deleting a variable something uses asks first, naming them.
 */
export function VariablesSettings({ issues }: VariablesSettingsProps): ReactNode {
  const dashboard = useDraftDashboard();
  const { moveVariable, deleteVariable } = useDraftActions();
  const variables = dashboard.variables;
  const [picked, setPicked] = useState<number | undefined>(variables.length > 0 ? 0 : undefined);
  const [pendingDelete, setPendingDelete] = useState<PendingDelete | undefined>(undefined);
  // Undo may take variables away: keep the selection on one that exists.
  const selected =
    picked === undefined || variables.length === 0 ? undefined : Math.min(picked, variables.length - 1);
  const variable = selected === undefined ? undefined : variables[selected];

  const remove = (index: number): void => {
    deleteVariable(index);
    if (selected !== undefined && selected >= index) setPicked(Math.max(0, selected - 1));
  };
  const askToDelete = (index: number): void => {
    const name = variables[index]?.name;
    if (name === undefined) return;
    // Another variable of the same name keeps the references working.
    const sameName = variables.filter((entry) => entry.name === name).length;
    const users = usersOfVariable(dashboard, name);
    if (sameName > 1 || (users.panels.length === 0 && users.variables.length === 0)) remove(index);
    else setPendingDelete({ index, name, users });
  };
  const move = (index: number, offset: number): void => {
    moveVariable(index, offset);
    if (selected === index) setPicked(index + offset);
    else if (selected === index + offset) setPicked(index);
  };

  return (
    <div className="dash-variables-settings" data-testid="settings-variables">
      <UndefinedVariables onDefined={setPicked} />
      <div className="dash-variables-columns">
        <div className="dash-variables-side">
          <VariableList
            variables={variables}
            selected={selected}
            issues={issues}
            onSelect={setPicked}
            onMove={move}
            onDelete={askToDelete}
          />
          <AddVariableForm onAdded={setPicked} />
        </div>
        <div className="dash-variables-main">
          {variable !== undefined && selected !== undefined ? (
            <VariableEditor
              key={selected}
              index={selected}
              variable={variable}
              issues={issuesOfVariable(issues, selected)}
            />
          ) : (
            <p className="muted">Select a variable to edit it.</p>
          )}
        </div>
      </div>
      <ConfirmDialog
        open={pendingDelete !== undefined}
        title={`Delete $${pendingDelete?.name ?? ""}?`}
        confirmLabel="Delete variable"
        danger
        onCancel={() => setPendingDelete(undefined)}
        onConfirm={() => {
          if (pendingDelete) remove(pendingDelete.index);
          setPendingDelete(undefined);
        }}
        testId="delete-variable-dialog"
      >
        {pendingDelete ? (
          <p data-testid="delete-variable-users">
            ${pendingDelete.name} is used by {usersSentence(pendingDelete.users)}. They will refer to an
            unknown variable until a variable of that name is back; Undo brings it back.
          </p>
        ) : null}
      </ConfirmDialog>
    </div>
  );
}
