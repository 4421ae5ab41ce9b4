import type { ReactNode } from "react";

export interface UndoRedoButtonsProps {
  canUndo: boolean;
  canRedo: boolean;
  undo: () => void;
  redo: () => void;
}

/** The editors' Undo and Redo toolbar buttons; titles name the shortcuts useEditorShortcuts binds. */
export function UndoRedoButtons({ canUndo, canRedo, undo, redo }: UndoRedoButtonsProps): ReactNode {
  return (
    <>
      <button type="button" className="button" onClick={undo} disabled={!canUndo} title="Undo (Ctrl+Z)">
        Undo
      </button>
      <button type="button" className="button" onClick={redo} disabled={!canRedo} title="Redo (Ctrl+Shift+Z)">
        Redo
      </button>
    </>
  );
}
