/** The smallest single replacement that turns one text into another. */
export interface TextReplacement {
  /** 0-based offsets into the old text; `end` is exclusive. */
  start: number;
  end: number;
  text: string;
}

/**
 * Applying only the changed middle (rather than the whole text) keeps the editor's cursor,
 * selection, scroll position and undo history where they were when the form changes a value.
 * Undefined when the texts are equal.
 */
export function minimalReplacement(previous: string, next: string): TextReplacement | undefined {
  if (previous === next) return undefined;
  let start = 0;
  const shorter = Math.min(previous.length, next.length);
  while (start < shorter && previous.charCodeAt(start) === next.charCodeAt(start)) start++;
  let fromEnd = 0;
  while (
    fromEnd < shorter - start &&
    previous.charCodeAt(previous.length - 1 - fromEnd) === next.charCodeAt(next.length - 1 - fromEnd)
  ) {
    fromEnd++;
  }
  return { start, end: previous.length - fromEnd, text: next.slice(start, next.length - fromEnd) };
}
