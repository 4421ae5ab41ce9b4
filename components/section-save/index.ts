export { ConflictReview, type ConflictReviewData, type SectionMerge } from "./conflict-review";
export {
  createSaveSlice,
  type SaveBase,
  type SaveConflict,
  type SavePhase,
  type SaveSlice,
  type SectionDraftStore,
} from "./save-slice";
export { SaveStatusBadge } from "./save-status";
export { type SaveOutcome, type SaveStatus, type SectionSaveState, useSectionSave } from "./use-section-save";
