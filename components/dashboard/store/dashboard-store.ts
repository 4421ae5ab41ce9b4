import { createStore, type StoreApi } from "zustand/vanilla";
import {
  createSaveSlice,
  type SaveBase as GenericSaveBase,
  type SaveSlice as GenericSaveSlice,
} from "@/components/section-save/save-slice";
import { emptyHistory, type History, recordEdit, redo, undo } from "@/components/undo/history";
import type { RawTimeRange } from "@/lib/dashboard/time-range";
import { sameValue } from "@/lib/json/same-value";
import type { Dashboard } from "@/lib/model/dashboard";
import type { Panel, VisualPanelType } from "@/lib/model/panel";
import type { Project } from "@/lib/model/project";
import type { Variable } from "@/lib/model/variable";
import { applyDisplayLayout, type DisplayItem, withRowStates, withStoredRowStates } from "../model/layout";
import { addPanel, addRow, deletePanel, duplicatePanel, replacePanel } from "../model/panel-ops";
import { addVariable, moveVariable, removeVariable, replaceVariable } from "../model/variable-ops";
import type { UrlView } from "../model/view-url";

/**
 * One store per open dashboard, built from slices: the draft (the dashboard being edited), its
 * undo history, the selection, the view (time range, refresh, variable values, editor tabs) and
 * the save state (which version the draft is based on). Server data stays in React Query; this
 * holds only what the user is doing. Created per page by DashboardStoreProvider.
 */

export interface DraftSlice {
  dashboard: Dashboard;
  /** Any edit of the draft; edits with the same `coalesceKey` in quick succession undo as one. */
  edit: (change: (dashboard: Dashboard) => Dashboard, coalesceKey?: string) => void;
  updatePanel: (panelId: number, change: (panel: Panel) => Panel, coalesceKey?: string) => void;
  applyLayout: (layout: readonly DisplayItem[]) => void;
  addPanel: (type: VisualPanelType) => number;
  addRow: () => number;
  duplicatePanel: (panelId: number) => void;
  deletePanel: (panelId: number) => void;
  /**
   * Stores the current view (time range, refresh, variable values, expanded and collapsed rows)
   * as the dashboard's defaults: an edit, saved like any other.
   */
  makeDefault: () => void;
  /** Dashboard-level settings; the uid is the page's address and is not among them. */
  setGeneral: (patch: Partial<GeneralSettings>, coalesceKey?: string) => void;
  /** Appends a template variable; returns its index. */
  addVariable: (variable: Variable) => number;
  updateVariable: (index: number, change: (variable: Variable) => Variable, coalesceKey?: string) => void;
  deleteVariable: (index: number) => void;
  /** Moves a variable up (−1) or down (+1) the list: later variables may use earlier ones. */
  moveVariable: (index: number, offset: number) => void;
}

export type GeneralSettings = Pick<
  Dashboard,
  "title" | "description" | "tags" | "refresh" | "time" | "timezone"
>;

export interface HistorySlice {
  history: History<Dashboard>;
  undo: () => void;
  redo: () => void;
}

export type EditorTab = "form" | "panel-json" | "dashboard-json";

export interface SelectionSlice {
  selectedPanelId: number | undefined;
  /** The panel open in the panel editor. */
  editingPanelId: number | undefined;
  /** The panel whose query inspector is open over the grid. */
  inspectingPanelId: number | undefined;
  select: (panelId: number | undefined) => void;
  openEditor: (panelId: number) => void;
  closeEditor: () => void;
  openInspector: (panelId: number | undefined) => void;
}

export interface ViewSlice {
  timeRange: RawTimeRange;
  /** Auto-refresh interval of the view ('' off). */
  refresh: string;
  /** What "now" is for every panel's query: moves on refresh, so all panels agree. */
  now: number;
  /** Selected values per variable name; `$__all` for All. */
  variableSelections: Record<string, string[]>;
  /** Rows the viewer expanded or collapsed, by id: the view's, never saved (see makeDefault). */
  rowStates: Record<number, boolean>;
  editorTab: EditorTab;
  /** Shown while the dashboard JSON tab is open over the grid. */
  dashboardJsonOpen: boolean;
  /** Shown while the dashboard settings (general, variables) are open over the grid. */
  settingsOpen: boolean;
  setTimeRange: (range: RawTimeRange) => void;
  setRefresh: (refresh: string) => void;
  refreshNow: (now: number) => void;
  selectVariable: (name: string, values: string[]) => void;
  /** Expands or collapses a row in this view only. */
  toggleRow: (rowId: number) => void;
  setEditorTab: (tab: EditorTab) => void;
  setDashboardJsonOpen: (open: boolean) => void;
  setSettingsOpen: (open: boolean) => void;
}

/** The save state: the generic section slice, with the dashboard as the draft. */
export type SaveSlice = GenericSaveSlice<Dashboard>;
export type SaveBase = GenericSaveBase<Dashboard>;

/** Fixed for the store's life. */
export interface IdentitySlice {
  projectId: string;
  /**
   * The project as the page loaded it: its datasources, for queries and checks, its rules. Its
   * dashboards hold only this one (projectForDashboard): never save it whole.
   */
  project: Project;
}

export type DashboardState = IdentitySlice &
  DraftSlice &
  HistorySlice &
  SelectionSlice &
  ViewSlice &
  SaveSlice;
export type DashboardStore = StoreApi<DashboardState>;

export interface DashboardStoreInit {
  projectId: string;
  /** The view the address asks for (`?from=…&to=…&refresh=…&var-x=…`). */
  view?: UrlView;
  version: number;
  project: Project;
  dashboard: Dashboard;
  now: number;
}

type Set = StoreApi<DashboardState>["setState"];
type Get = StoreApi<DashboardState>["getState"];

function draftSlice(set: Set, get: Get, init: DashboardStoreInit): DraftSlice {
  const commit = (next: Dashboard, coalesceKey?: string): void => {
    const { dashboard, history } = get();
    if (next === dashboard) return;
    set({ dashboard: next, history: recordEdit(history, dashboard, coalesceKey, Date.now()) });
  };
  return {
    dashboard: init.dashboard,
    edit: (change, coalesceKey) => commit(change(get().dashboard), coalesceKey),
    updatePanel: (panelId, change, coalesceKey) => {
      const dashboard = get().dashboard;
      const panel = dashboard.panels.find((entry) => entry.id === panelId);
      if (!panel) return;
      const next = change(panel);
      if (next === panel) return;
      commit(replacePanel(dashboard, panelId, next), coalesceKey);
      if (next.id !== panelId) {
        const { editingPanelId, selectedPanelId } = get();
        set({
          editingPanelId: editingPanelId === panelId ? next.id : editingPanelId,
          selectedPanelId: selectedPanelId === panelId ? next.id : selectedPanelId,
        });
      }
    },
    applyLayout: (layout) => {
      // The grid shows rows as the viewer left them; what moved is stored with the rows' defaults.
      const { dashboard, rowStates } = get();
      const viewed = withRowStates(dashboard.panels, rowStates);
      const moved = applyDisplayLayout(viewed, layout);
      if (moved.every((panel, index) => panel === viewed[index])) return;
      commit({ ...dashboard, panels: withStoredRowStates(moved, dashboard.panels) });
    },
    addPanel: (type) => {
      const result = addPanel(get().dashboard, type);
      commit(result.dashboard);
      set({ selectedPanelId: result.id });
      return result.id;
    },
    addRow: () => {
      const result = addRow(get().dashboard);
      commit(result.dashboard);
      return result.id;
    },
    duplicatePanel: (panelId) => {
      const result = duplicatePanel(get().dashboard, panelId);
      commit(result.dashboard);
      if (result.id !== undefined) set({ selectedPanelId: result.id });
    },
    deletePanel: (panelId) => {
      commit(deletePanel(get().dashboard, panelId));
      const { editingPanelId, selectedPanelId, inspectingPanelId } = get();
      set({
        editingPanelId: editingPanelId === panelId ? undefined : editingPanelId,
        selectedPanelId: selectedPanelId === panelId ? undefined : selectedPanelId,
        inspectingPanelId: inspectingPanelId === panelId ? undefined : inspectingPanelId,
      });
    },
    makeDefault: () => {
      const { dashboard, timeRange, refresh, variableSelections, rowStates } = get();
      const variables = dashboard.variables.map((variable) => {
        const selection = variableSelections[variable.name];
        if (!selection || variable.type === "constant") return variable;
        // The model holds the selection now: a raw Grafana `current` kept from an import goes.
        const { current: _raw, ...extra } = variable.extra ?? {};
        const { extra: _old, ...rest } = variable;
        return { ...rest, current: [...selection], ...(Object.keys(extra).length > 0 ? { extra } : {}) };
      });
      commit({
        ...dashboard,
        time: { ...timeRange },
        refresh,
        variables,
        panels: withRowStates(dashboard.panels, rowStates),
      });
      set({ rowStates: {} });
    },
    setGeneral: (patch, coalesceKey) => {
      const dashboard = get().dashboard;
      const changed = (Object.keys(patch) as (keyof GeneralSettings)[]).some(
        (key) => !sameValue(patch[key], dashboard[key]),
      );
      if (changed) commit({ ...dashboard, ...patch }, coalesceKey);
    },
    addVariable: (variable) => {
      const result = addVariable(get().dashboard, variable);
      commit(result.dashboard);
      return result.index;
    },
    updateVariable: (index, change, coalesceKey) => {
      const dashboard = get().dashboard;
      const variable = dashboard.variables[index];
      if (variable === undefined) return;
      commit(replaceVariable(dashboard, index, change(variable)), coalesceKey);
    },
    deleteVariable: (index) => commit(removeVariable(get().dashboard, index)),
    moveVariable: (index, offset) => commit(moveVariable(get().dashboard, index, offset)),
  };
}

function historySlice(set: Set, get: Get): HistorySlice {
  const exists = (dashboard: Dashboard, id: number | undefined): number | undefined =>
    id !== undefined && dashboard.panels.some((panel) => panel.id === id) ? id : undefined;
  const show = (step: { value: Dashboard; history: History<Dashboard> } | undefined): void => {
    if (!step) return;
    const { editingPanelId, selectedPanelId, inspectingPanelId } = get();
    set({
      dashboard: step.value,
      history: step.history,
      editingPanelId: exists(step.value, editingPanelId),
      selectedPanelId: exists(step.value, selectedPanelId),
      inspectingPanelId: exists(step.value, inspectingPanelId),
    });
  };
  return {
    history: emptyHistory(),
    undo: () => show(undo(get().history, get().dashboard)),
    redo: () => show(redo(get().history, get().dashboard)),
  };
}

function selectionSlice(set: Set): SelectionSlice {
  return {
    selectedPanelId: undefined,
    editingPanelId: undefined,
    inspectingPanelId: undefined,
    select: (panelId) => set({ selectedPanelId: panelId }),
    openEditor: (panelId) =>
      set({ editingPanelId: panelId, selectedPanelId: panelId, inspectingPanelId: undefined }),
    closeEditor: () => set({ editingPanelId: undefined }),
    openInspector: (panelId) => set({ inspectingPanelId: panelId }),
  };
}

function viewSlice(set: Set, get: Get, init: DashboardStoreInit): ViewSlice {
  // The address's view (a reload, a shared link) wins over the dashboard's defaults.
  const fromUrl = init.view;
  return {
    timeRange: fromUrl?.timeRange ?? { from: init.dashboard.time.from, to: init.dashboard.time.to },
    refresh: fromUrl?.refresh ?? init.dashboard.refresh,
    now: init.now,
    variableSelections: { ...fromUrl?.variableSelections },
    rowStates: {},
    editorTab: "form",
    dashboardJsonOpen: false,
    settingsOpen: false,
    setTimeRange: (range) => set({ timeRange: range, now: Date.now() }),
    setRefresh: (refresh) => set({ refresh }),
    refreshNow: (now) => set({ now }),
    selectVariable: (name, values) =>
      set((state) => ({ variableSelections: { ...state.variableSelections, [name]: values } })),
    toggleRow: (rowId) => {
      const { dashboard, rowStates } = get();
      const row = dashboard.panels.find((panel) => panel.id === rowId);
      if (row?.type !== "row") return;
      set({ rowStates: { ...rowStates, [rowId]: !(rowStates[rowId] ?? row.collapsed) } });
    },
    setEditorTab: (tab) => set({ editorTab: tab }),
    setDashboardJsonOpen: (open) => set({ dashboardJsonOpen: open }),
    setSettingsOpen: (open) => set({ settingsOpen: open }),
  };
}

function saveSlice(set: Set, init: DashboardStoreInit): SaveSlice {
  // Re-applied or discarded edits after a 409 replace the draft as one undoable step.
  const replaceDraft = (dashboard: Dashboard): void =>
    set((state) => ({
      dashboard,
      history: recordEdit(state.history, state.dashboard, undefined, Date.now()),
    }));
  return createSaveSlice<Dashboard, DashboardState>(
    set,
    { version: init.version, draft: init.dashboard },
    replaceDraft,
  );
}

export function createDashboardStore(init: DashboardStoreInit): DashboardStore {
  return createStore<DashboardState>()((set, get) => ({
    projectId: init.projectId,
    project: init.project,
    ...draftSlice(set, get, init),
    ...historySlice(set, get),
    ...selectionSlice(set),
    ...viewSlice(set, get, init),
    ...saveSlice(set, init),
  }));
}
