"use client";

import { createContext, type ReactNode, useContext, useMemo } from "react";
import {
  useDraftVariables,
  useProjectDatasources,
  useProjectId,
  useViewState,
} from "../store/store-provider";
import { useTimeWindow } from "./use-time-window";
import { type DashboardVariables, useDashboardVariables } from "./use-variable-options";

const VariablesContext = createContext<DashboardVariables>({
  options: {},
  selections: {},
  unknown: [],
  ready: true,
});

/**
 * What the variables stand for, without their options: the panels read this, so the options'
 * answers (which fill the drop-downs and rarely change a selection) do not re-render every panel.
 */
const VariableSelectionsContext = createContext<Pick<DashboardVariables, "selections" | "unknown">>({
  selections: {},
  unknown: [],
});

/** Loads the variables' options once for the page: the drop-downs and every panel read them here. */
export function VariablesProvider({ children }: { children: ReactNode }): ReactNode {
  const projectId = useProjectId();
  const variables = useDraftVariables();
  const datasources = useProjectDatasources();
  const range = useTimeWindow();
  const { variableSelections } = useViewState();
  const value = useDashboardVariables(projectId, variables, {
    from: range.ok ? range.from : 0,
    to: range.ok ? range.to : 0,
    selections: variableSelections,
    datasources,
  });
  // The selections are rebuilt on every render; consumers should only see a change when they change.
  const selectionsKey = JSON.stringify(value.selections);
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by content, not identity
  const selections = useMemo(() => value.selections, [selectionsKey]);
  const unknownKey = value.unknown.join("\n");
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by content, not identity
  const unknown = useMemo(() => value.unknown, [unknownKey]);
  const stable = useMemo(
    () => ({ options: value.options, selections, unknown, ready: value.ready }),
    [value.options, selections, unknown, value.ready],
  );
  const chosen = useMemo(() => ({ selections, unknown }), [selections, unknown]);
  return (
    <VariablesContext.Provider value={stable}>
      <VariableSelectionsContext.Provider value={chosen}>{children}</VariableSelectionsContext.Provider>
    </VariablesContext.Provider>
  );
}

export function useVariableSelections(): Pick<DashboardVariables, "selections" | "unknown"> {
  return useContext(VariableSelectionsContext);
}

export function useVariables(): DashboardVariables {
  return useContext(VariablesContext);
}
