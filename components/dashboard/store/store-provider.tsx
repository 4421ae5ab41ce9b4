"use client";

import { createContext, type ReactNode, useContext, useMemo, useState } from "react";
import { useStore } from "zustand";
import { useShallow } from "zustand/react/shallow";
import type { Dashboard } from "@/lib/model/dashboard";
import type { Datasource } from "@/lib/model/datasource";
import type { Panel } from "@/lib/model/panel";
import { withRowStates } from "../model/layout";
import {
  createDashboardStore,
  type DashboardState,
  type DashboardStore,
  type DashboardStoreInit,
  type DraftSlice,
  type SaveSlice,
  type SelectionSlice,
  type ViewSlice,
} from "./dashboard-store";

const DashboardStoreContext = createContext<DashboardStore | null>(null);

export interface DashboardStoreProviderProps {
  /** Read once: the store is made when the provider mounts and lives as long as it does. */
  init: DashboardStoreInit;
  children: ReactNode;
}

/** Makes one store for this editor instance; the page remounts it (by key) for another dashboard. */
export function DashboardStoreProvider({ init, children }: DashboardStoreProviderProps): ReactNode {
  const [store] = useState(() => createDashboardStore(init));
  return <DashboardStoreContext.Provider value={store}>{children}</DashboardStoreContext.Provider>;
}

/** The store itself, for kits that take a store (section saves). */
export function useDashboardStoreApi(): DashboardStore {
  const store = useContext(DashboardStoreContext);
  if (!store) throw new Error("dashboard hooks need a DashboardStoreProvider above them");
  return store;
}

function useDashboardState<T>(selector: (state: DashboardState) => T): T {
  return useStore(useDashboardStoreApi(), selector);
}

/** For event handlers that need the state at the moment they run (keyboard shortcuts, autosave). */
export function useDashboardSnapshot(): () => DashboardState {
  return useDashboardStoreApi().getState;
}

export function useProjectId(): string {
  return useDashboardState((state) => state.projectId);
}

/** The datasources of the version the draft is based on. */
export function useProjectDatasources(): readonly Datasource[] {
  return useDashboardState((state) => state.project.datasources);
}

/** The project's scrape interval, for datasources without their own. */
export function useProjectScrapeInterval(): string {
  return useDashboardState((state) => state.project.scrapeInterval);
}

export function useDraftDashboard(): Dashboard {
  return useDashboardState((state) => state.dashboard);
}

export function useDraftVariables(): Dashboard["variables"] {
  return useDashboardState((state) => state.dashboard.variables);
}

export function useDraftTimezone(): Dashboard["timezone"] {
  return useDashboardState((state) => state.dashboard.timezone);
}

/** The draft's panels with rows as the viewer expanded or collapsed them: what the grid shows. */
export function useViewPanels(): Panel[] {
  const panels = useDashboardState((state) => state.dashboard.panels);
  const rowStates = useDashboardState((state) => state.rowStates);
  return useMemo(() => withRowStates(panels, rowStates), [panels, rowStates]);
}

export function useDraftPanel(panelId: number | undefined): Panel | undefined {
  return useDashboardState((state) => state.dashboard.panels.find((panel) => panel.id === panelId));
}

export type DraftActions = Omit<DraftSlice, "dashboard">;

export function useDraftActions(): DraftActions {
  return useDashboardState(
    useShallow((state) => ({
      edit: state.edit,
      updatePanel: state.updatePanel,
      applyLayout: state.applyLayout,
      addPanel: state.addPanel,
      addRow: state.addRow,
      duplicatePanel: state.duplicatePanel,
      deletePanel: state.deletePanel,
      makeDefault: state.makeDefault,
      setGeneral: state.setGeneral,
      addVariable: state.addVariable,
      updateVariable: state.updateVariable,
      deleteVariable: state.deleteVariable,
      moveVariable: state.moveVariable,
    })),
  );
}

export interface HistoryControls {
  canUndo: boolean;
  canRedo: boolean;
  undo: () => void;
  redo: () => void;
}

export function useHistoryControls(): HistoryControls {
  return useDashboardState(
    useShallow((state) => ({
      canUndo: state.history.past.length > 0,
      canRedo: state.history.future.length > 0,
      undo: state.undo,
      redo: state.redo,
    })),
  );
}

export type Selection = Pick<
  SelectionSlice,
  | "selectedPanelId"
  | "editingPanelId"
  | "inspectingPanelId"
  | "select"
  | "openEditor"
  | "closeEditor"
  | "openInspector"
>;

export function useSelection(): Selection {
  return useDashboardState(
    useShallow((state) => ({
      selectedPanelId: state.selectedPanelId,
      editingPanelId: state.editingPanelId,
      inspectingPanelId: state.inspectingPanelId,
      select: state.select,
      openEditor: state.openEditor,
      closeEditor: state.closeEditor,
      openInspector: state.openInspector,
    })),
  );
}

export type ViewState = Omit<ViewSlice, never>;

export function useViewState(): ViewState {
  return useDashboardState(
    useShallow((state) => ({
      timeRange: state.timeRange,
      refresh: state.refresh,
      now: state.now,
      variableSelections: state.variableSelections,
      rowStates: state.rowStates,
      editorTab: state.editorTab,
      dashboardJsonOpen: state.dashboardJsonOpen,
      settingsOpen: state.settingsOpen,
      setTimeRange: state.setTimeRange,
      setRefresh: state.setRefresh,
      refreshNow: state.refreshNow,
      selectVariable: state.selectVariable,
      toggleRow: state.toggleRow,
      setEditorTab: state.setEditorTab,
      setDashboardJsonOpen: state.setDashboardJsonOpen,
      setSettingsOpen: state.setSettingsOpen,
    })),
  );
}

export type SaveState = Omit<SaveSlice, never>;

export function useSaveState(): SaveState {
  return useDashboardState(
    useShallow((state) => ({
      base: state.base,
      phase: state.phase,
      conflict: state.conflict,
      saveError: state.saveError,
      serverIssues: state.serverIssues,
      failedDraft: state.failedDraft,
      startSaving: state.startSaving,
      saved: state.saved,
      conflicted: state.conflicted,
      failed: state.failed,
      rebase: state.rebase,
    })),
  );
}
