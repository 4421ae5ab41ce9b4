import { createStore, type StoreApi } from "zustand/vanilla";
import { createSaveSlice, type SaveSlice } from "@/components/section-save/save-slice";
import { emptyHistory, type History, recordEdit, redo, undo } from "@/components/undo/history";
import type { ModelIssue } from "@/lib/model/issues";
import type { Project } from "@/lib/model/project";
import type { Rule, RuleGroup } from "@/lib/model/rule";
import { replaceRule, withoutRule, withRule } from "../model/rule-ops";

/**
 * One rule group editor's store: the group being edited (the draft, which may hold what the model
 * refuses, like a `for` of `5x`, so the user sees it marked), its undo history, which rule is open
 * and which tab, and the section kit's save slice. Server data stays in React Query.
 */

export type GroupEditorTab = "form" | "yaml";

export interface RuleGroupState extends SaveSlice<RuleGroup> {
  projectId: string;
  /** The project as the page loaded it: its dashboards, for panel links and checks. */
  project: Project;
  group: RuleGroup;
  history: History<RuleGroup>;
  selectedRule: number | undefined;
  tab: GroupEditorTab;
  /**
   * Templates that parse but fail to render for the previewed series (the annotation preview's
   * word), shown on their fields as warnings: Prometheus loads such a rule, and the notification
   * then says `<error expanding template: …>`.
   */
  renderIssues: ModelIssue[];
  setRenderIssues: (index: number, issues: ModelIssue[]) => void;
  edit: (change: (group: RuleGroup) => RuleGroup, coalesceKey?: string) => void;
  updateRule: (index: number, change: (rule: Rule) => Rule, coalesceKey?: string) => void;
  addRule: (rule: Rule) => void;
  deleteRule: (index: number) => void;
  selectRule: (index: number | undefined) => void;
  setTab: (tab: GroupEditorTab) => void;
  undo: () => void;
  redo: () => void;
}

export type RuleGroupStore = StoreApi<RuleGroupState>;

export interface RuleGroupStoreInit {
  projectId: string;
  project: Project;
  version: number;
  /** The group as stored at `version`. */
  base: RuleGroup;
  /** The draft to start from: the stored group, or it with a rule added on opening. */
  group: RuleGroup;
  selectedRule?: number;
}

export function createRuleGroupStore(init: RuleGroupStoreInit): RuleGroupStore {
  return createStore<RuleGroupState>()((set, get) => {
    const commit = (next: RuleGroup, coalesceKey?: string): void => {
      const { group, history } = get();
      if (next === group) return;
      set({ group: next, history: recordEdit(history, group, coalesceKey, Date.now()) });
    };
    const show = (step: { value: RuleGroup; history: History<RuleGroup> } | undefined): void => {
      if (!step) return;
      const selected = get().selectedRule;
      set({
        group: step.value,
        history: step.history,
        selectedRule: selected !== undefined && selected < step.value.rules.length ? selected : undefined,
      });
    };
    return {
      projectId: init.projectId,
      project: init.project,
      group: init.group,
      history: emptyHistory(),
      selectedRule: init.selectedRule,
      tab: "form",
      renderIssues: [],
      setRenderIssues: (index, issues) => {
        const prefix = `rules[${index}].`;
        const others = get().renderIssues.filter((issue) => !issue.path.startsWith(prefix));
        set({ renderIssues: [...others, ...issues] });
      },
      edit: (change, coalesceKey) => commit(change(get().group), coalesceKey),
      updateRule: (index, change, coalesceKey) => {
        const group = get().group;
        const rule = group.rules[index];
        if (!rule) return;
        const next = change(rule);
        if (next !== rule) commit(replaceRule(group, index, next), coalesceKey);
      },
      addRule: (rule) => {
        const next = withRule(get().group, rule);
        commit(next);
        set({ selectedRule: next.rules.length - 1 });
      },
      deleteRule: (index) => {
        commit(withoutRule(get().group, index));
        const selected = get().selectedRule;
        if (selected === undefined) return;
        set({ selectedRule: selected === index ? undefined : selected > index ? selected - 1 : selected });
      },
      selectRule: (index) => set({ selectedRule: index }),
      setTab: (tab) => set({ tab }),
      undo: () => show(undo(get().history, get().group)),
      redo: () => show(redo(get().history, get().group)),
      // Re-applied or discarded edits after a 409 replace the draft as one undoable step.
      ...createSaveSlice<RuleGroup, RuleGroupState>(
        set,
        { version: init.version, draft: init.base },
        (group) =>
          set((state) => ({ group, history: recordEdit(state.history, state.group, undefined, Date.now()) })),
      ),
    };
  });
}

export const selectGroup = (state: RuleGroupState): RuleGroup => state.group;
