"use client";

import { useEffect } from "react";

export interface ShortcutHandlers {
  /** Editors without an undo history (a form) leave undo and redo to the browser's fields. */
  undo?: () => void;
  redo?: () => void;
  save: () => void;
}

/** Whether a key event belongs to a text field, whose own undo must keep working. */
function inTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT";
}

/** Ctrl/⌘+Z undo, Ctrl/⌘+Shift+Z (or Ctrl+Y) redo, Ctrl/⌘+S save, as in Grafana. */
export function useEditorShortcuts(handlers: ShortcutHandlers): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === "s") {
        event.preventDefault();
        handlers.save();
        return;
      }
      if (inTextField(event.target) || !handlers.undo || !handlers.redo) return;
      if (key === "z") {
        event.preventDefault();
        if (event.shiftKey) handlers.redo();
        else handlers.undo();
      } else if (key === "y") {
        event.preventDefault();
        handlers.redo();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [handlers]);
}
