import { createStore, type StoreApi } from "zustand/vanilla";
import type { SloDraft } from "./slo-draft";

/** One SLO editor's store: the form as typed and the group it is saved as. Server data stays in React Query. */
export interface SloEditorState {
  draft: SloDraft;
  groupName: string;
  /** True once the user typed a group name: it then stops following the SLO's name. */
  groupNamed: boolean;
  setDraft: (change: Partial<SloDraft>) => void;
  setGroupName: (name: string) => void;
}

export type SloStore = StoreApi<SloEditorState>;

export function createSloStore(draft: SloDraft, groupName: string | undefined): SloStore {
  return createStore<SloEditorState>()((set) => ({
    draft,
    groupName: groupName ?? `slo-${draft.name}`,
    groupNamed: groupName !== undefined,
    setDraft: (change) =>
      set((state) => {
        const next = { ...state.draft, ...change };
        return state.groupNamed ? { draft: next } : { draft: next, groupName: `slo-${next.name.trim()}` };
      }),
    setGroupName: (name) => set({ groupName: name, groupNamed: true }),
  }));
}
