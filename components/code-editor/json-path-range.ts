import { findNodeAtLocation, type Node, parseTree, type Segment } from "jsonc-parser";

/**
 * Maps a model path (`panels[3].gridPos`, `targets[0].expr`, as lib/model/issues.ts writes them)
 * to where that value is in a JSON text, so an issue becomes a marker on the right characters.
 */

export interface TextRange {
  /** 0-based offsets into the text; `end` is exclusive. */
  start: number;
  end: number;
}

export interface JsonPathRange extends TextRange {
  /** False when the path does not exist and the range is that of its nearest existing ancestor. */
  exact: boolean;
}

/**
 * Splits a path into its segments: names and array indexes. Names may be quoted in brackets
 * (`labels["app.kubernetes.io/name"]`); `(root)` and "" are the whole document.
 */
export function parseModelPath(path: string): Segment[] {
  const segments: Segment[] = [];
  const text = path.trim();
  if (text === "" || text === "(root)") return segments;
  let at = 0;
  while (at < text.length) {
    const char = text[at];
    if (char === ".") {
      at++;
      continue;
    }
    if (char === "[") {
      const close = text.indexOf("]", at);
      const inner = close === -1 ? text.slice(at + 1) : text.slice(at + 1, close);
      at = close === -1 ? text.length : close + 1;
      if (/^\d+$/.test(inner)) segments.push(Number(inner));
      else if (/^(["']).*\1$/.test(inner)) segments.push(inner.slice(1, -1));
      else segments.push(inner);
      continue;
    }
    const match = /^[^.[]+/.exec(text.slice(at));
    const name = match?.[0] ?? "";
    segments.push(name);
    at += Math.max(1, name.length);
  }
  return segments;
}

function childFor(node: Node, segment: Segment): Node | undefined {
  return findNodeAtLocation(node, [segment]);
}

function propertyKeys(node: Node): string[] {
  if (node.type !== "object") return [];
  return (node.children ?? []).flatMap((property) => {
    const key = property.children?.[0];
    return key && typeof key.value === "string" ? [key.value] : [];
  });
}

/**
 * Walks the tree along the segments. A name with dots in it (a label like `app.kubernetes.io/name`
 * printed without brackets) arrives split in pieces: when a piece is not a key, the next pieces are
 * joined back until a key matches.
 */
function walk(root: Node, segments: readonly Segment[]): { node: Node; exact: boolean } {
  let node = root;
  let index = 0;
  while (index < segments.length) {
    const segment = segments[index] as Segment;
    const direct = childFor(node, segment);
    if (direct) {
      node = direct;
      index++;
      continue;
    }
    if (typeof segment === "string") {
      const keys = propertyKeys(node);
      let joined = segment;
      let found: Node | undefined;
      let used = index;
      for (let next = index + 1; next < segments.length && typeof segments[next] === "string"; next++) {
        joined += `.${segments[next] as string}`;
        if (keys.includes(joined)) {
          found = childFor(node, joined);
          used = next;
          break;
        }
      }
      if (found) {
        node = found;
        index = used + 1;
        continue;
      }
    }
    return { node, exact: false };
  }
  return { node, exact: true };
}

/** The first line of a container, so a marker on an object does not underline fifty lines. */
function firstLine(text: string, node: Node): TextRange {
  const newline = text.indexOf("\n", node.offset);
  const end = newline === -1 || newline > node.offset + node.length ? node.offset + node.length : newline;
  return { start: node.offset, end: Math.max(end, node.offset + 1) };
}

/**
 * Where the value at `path` is: a scalar's own characters; for an object or array, its key when it
 * has one (`"gridPos"`), else its first line. A path that does not exist maps to its nearest
 * existing ancestor (`exact: false`). Undefined when the text is not JSON enough to have a root.
 */
export function jsonPathRange(text: string, path: string): JsonPathRange | undefined {
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  if (!root) return undefined;
  const { node, exact } = walk(root, parseModelPath(path));
  if (node.type !== "object" && node.type !== "array") {
    return { start: node.offset, end: node.offset + Math.max(1, node.length), exact };
  }
  const key = node.parent?.type === "property" ? node.parent.children?.[0] : undefined;
  if (key) return { start: key.offset, end: key.offset + key.length, exact };
  return { ...firstLine(text, node), exact };
}
