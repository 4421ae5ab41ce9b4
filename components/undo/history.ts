/**
 * Undo/redo as two stacks of snapshots. Typing in one field makes one step, not one per key:
 * an edit with the same `coalesceKey` as the previous one within COALESCE_MS replaces it.
 */

export const HISTORY_LIMIT = 100;
export const COALESCE_MS = 1000;

export interface History<T> {
  past: T[];
  future: T[];
  /** What the newest step edited and when, for coalescing. */
  last?: { key: string; at: number };
}

export function emptyHistory<T>(): History<T> {
  return { past: [], future: [] };
}

/** The history after an edit that replaced `before`. */
export function recordEdit<T>(
  history: History<T>,
  before: T,
  coalesceKey: string | undefined,
  now: number,
): History<T> {
  const coalesce =
    coalesceKey !== undefined &&
    history.last?.key === coalesceKey &&
    now - history.last.at < COALESCE_MS &&
    history.past.length > 0;
  const past = coalesce ? history.past : [...history.past, before].slice(-HISTORY_LIMIT);
  return {
    past,
    future: [],
    last: coalesceKey === undefined ? undefined : { key: coalesceKey, at: now },
  };
}

/** Steps back: the snapshot to show and the history after it, or undefined when there is nothing to undo. */
export function undo<T>(history: History<T>, current: T): { value: T; history: History<T> } | undefined {
  const value = history.past[history.past.length - 1];
  if (value === undefined) return undefined;
  return { value, history: { past: history.past.slice(0, -1), future: [current, ...history.future] } };
}

export function redo<T>(history: History<T>, current: T): { value: T; history: History<T> } | undefined {
  const [value, ...rest] = history.future;
  if (value === undefined) return undefined;
  return { value, history: { past: [...history.past, current], future: rest } };
}
