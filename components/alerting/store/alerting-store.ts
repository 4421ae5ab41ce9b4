import { createStore, type StoreApi } from "zustand/vanilla";
import { createSaveSlice, type SaveSlice } from "@/components/section-save/save-slice";
import { emptyHistory, type History, recordEdit, redo, undo } from "@/components/undo/history";
import type { IntegrationType, Receiver, Route } from "@/lib/model/alertmanager";
import type { Project } from "@/lib/model/project";
import type { AlertingSection } from "@/lib/model/sections";
import {
  newIntegration,
  withoutReceiver,
  withReceiver,
  withReceiverAdded,
  withReceiverRenamed,
} from "../model/receiver-ops";
import {
  movedRoute,
  newChildRoute,
  type RoutePath,
  routeAt,
  updateRouteAt,
  withChildRoute,
  withoutRoute,
} from "../model/route-ops";
import type { WhoGetsMode } from "../model/who-gets-query";

/**
 * The alerting editor's store: the alerting section being edited (the draft, which may hold what
 * the model refuses, like a regex Go does not compile, so the user sees it marked), its undo
 * history, which tab, receiver and route are open, the who-gets question, and the section kit's
 * save slice. Server data stays in React Query.
 */

export type AlertingTab = "receivers" | "routes" | "inhibit" | "intervals";

export interface AlertingState extends SaveSlice<AlertingSection> {
  projectId: string;
  /** The project as the page loaded it: its rules, for who-gets and the inhibition preview. */
  project: Project;
  draft: AlertingSection;
  history: History<AlertingSection>;
  tab: AlertingTab;
  selectedReceiver: number | undefined;
  /** The route node open in the tree, by index path ([] the root). */
  selectedRoute: number[];
  whoGetsMode: WhoGetsMode;
  whoGetsText: string;
  edit: (change: (draft: AlertingSection) => AlertingSection, coalesceKey?: string) => void;
  setTab: (tab: AlertingTab) => void;
  selectReceiver: (index: number | undefined) => void;
  addReceiver: () => void;
  renameReceiver: (index: number, name: string) => void;
  deleteReceiver: (index: number) => void;
  updateReceiver: (index: number, change: (receiver: Receiver) => Receiver, coalesceKey?: string) => void;
  addIntegration: (index: number, type: IntegrationType) => void;
  selectRoute: (path: RoutePath) => void;
  updateRoute: (path: RoutePath, change: (route: Route) => Route, coalesceKey?: string) => void;
  addChildRoute: (parent: RoutePath) => void;
  deleteRoute: (path: RoutePath) => void;
  moveRoute: (path: RoutePath, delta: number) => void;
  setWhoGets: (mode: WhoGetsMode, text: string) => void;
  undo: () => void;
  redo: () => void;
}

export type AlertingStore = StoreApi<AlertingState>;

export interface AlertingStoreInit {
  projectId: string;
  project: Project;
  version: number;
  /** The section as stored at `version`. */
  base: AlertingSection;
  tab?: AlertingTab;
}

/** A selected path that still names a node of `route`, else the root. */
function validPath(route: Route, path: readonly number[]): number[] {
  return routeAt(route, path) ? [...path] : [];
}

export function createAlertingStore(init: AlertingStoreInit): AlertingStore {
  return createStore<AlertingState>()((set, get) => {
    const commit = (next: AlertingSection, coalesceKey?: string): void => {
      const { draft, history } = get();
      if (next === draft) return;
      set({ draft: next, history: recordEdit(history, draft, coalesceKey, Date.now()) });
    };
    const show = (step: { value: AlertingSection; history: History<AlertingSection> } | undefined): void => {
      if (!step) return;
      const { selectedReceiver, selectedRoute } = get();
      set({
        draft: step.value,
        history: step.history,
        selectedReceiver:
          selectedReceiver !== undefined && selectedReceiver < step.value.receivers.length
            ? selectedReceiver
            : undefined,
        selectedRoute: validPath(step.value.route, selectedRoute),
      });
    };
    return {
      projectId: init.projectId,
      project: init.project,
      draft: init.base,
      history: emptyHistory(),
      tab: init.tab ?? "receivers",
      selectedReceiver: init.base.receivers.length > 0 ? 0 : undefined,
      selectedRoute: [],
      whoGetsMode: "typed",
      whoGetsText: "",
      edit: (change, coalesceKey) => commit(change(get().draft), coalesceKey),
      setTab: (tab) => set({ tab }),
      selectReceiver: (index) => set({ selectedReceiver: index }),
      addReceiver: () => {
        const next = withReceiverAdded(get().draft);
        commit(next);
        set({ selectedReceiver: next.receivers.length - 1 });
      },
      renameReceiver: (index, name) => commit(withReceiverRenamed(get().draft, index, name)),
      deleteReceiver: (index) => {
        commit(withoutReceiver(get().draft, index));
        const selected = get().selectedReceiver;
        if (selected === undefined) return;
        set({
          selectedReceiver: selected === index ? undefined : selected > index ? selected - 1 : selected,
        });
      },
      updateReceiver: (index, change, coalesceKey) => {
        const draft = get().draft;
        const receiver = draft.receivers[index];
        if (!receiver) return;
        const next = change(receiver);
        if (next !== receiver) commit(withReceiver(draft, index, next), coalesceKey);
      },
      addIntegration: (index, type) =>
        get().updateReceiver(index, (receiver) => ({
          ...receiver,
          integrations: [...receiver.integrations, newIntegration(type, receiver.name)],
        })),
      selectRoute: (path) => set({ selectedRoute: [...path] }),
      updateRoute: (path, change, coalesceKey) => {
        const draft = get().draft;
        const route = updateRouteAt(draft.route, path, change);
        if (route !== draft.route) commit({ ...draft, route }, coalesceKey);
      },
      addChildRoute: (parent) => {
        const draft = get().draft;
        const added = withChildRoute(draft.route, parent, newChildRoute());
        commit({ ...draft, route: added.route });
        set({ selectedRoute: added.path });
      },
      deleteRoute: (path) => {
        if (path.length === 0) return;
        const draft = get().draft;
        commit({ ...draft, route: withoutRoute(draft.route, path) });
        set({ selectedRoute: path.slice(0, -1) });
      },
      moveRoute: (path, delta) => {
        const draft = get().draft;
        const moved = movedRoute(draft.route, path, delta);
        if (moved.route === draft.route) return;
        commit({ ...draft, route: moved.route });
        set({ selectedRoute: moved.path });
      },
      setWhoGets: (mode, text) => set({ whoGetsMode: mode, whoGetsText: text }),
      undo: () => show(undo(get().history, get().draft)),
      redo: () => show(redo(get().history, get().draft)),
      // Re-applied or discarded edits after a 409 replace the draft as one undoable step.
      ...createSaveSlice<AlertingSection, AlertingState>(
        set,
        { version: init.version, draft: init.base },
        (draft) =>
          set((state) => ({
            draft,
            history: recordEdit(state.history, state.draft, undefined, Date.now()),
            selectedRoute: validPath(draft.route, state.selectedRoute),
          })),
      ),
    };
  });
}

export const selectDraft = (state: AlertingState): AlertingSection => state.draft;
