import { isMap, isNode, isScalar, isSeq, type Node, parseDocument } from "yaml";
import { type JsonPathRange, parseModelPath } from "@/components/code-editor/json-path-range";
import { yamlSegments } from "./rule-yaml";

/**
 * Where a rule group's model path (`rules[0].for`, `labels["team.name"]`) is in the YAML tab's
 * text, so an issue of the draft becomes a marker on the right characters. A path the text does
 * not have (yet) falls back to its nearest ancestor (`exact: false`); a text that does not parse
 * gives the start of the document.
 */
export function yamlPathRange(text: string, path: string): JsonPathRange {
  const whole: JsonPathRange = { start: 0, end: Math.min(1, text.length), exact: false };
  const document = parseDocument(text, { prettyErrors: false });
  if (document.errors.length > 0 || !isNode(document.contents)) return whole;
  const segments = path === "(root)" || path === "" ? [] : yamlSegments(parseModelPath(path));
  let node: Node = document.contents;
  let exact = true;
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index] as string | number;
    let child = childOf(node, segment);
    // A name with dots (`labels.team.name`, as issue paths print `team.name`) arrives in pieces.
    for (let next = index + 1; !child && typeof segment === "string" && next < segments.length; next++) {
      const joined = segments.slice(index, next + 1);
      if (joined.some((piece) => typeof piece !== "string")) break;
      child = childOf(node, joined.join("."));
      if (child) index = next;
    }
    if (!child) {
      exact = false;
      break;
    }
    node = child;
  }
  const range = node.range;
  if (!range) return whole;
  // A map or a list is marked on its first line, not over every line it holds.
  const newline = text.indexOf("\n", range[0]);
  const end =
    isMap(node) || isSeq(node) ? (newline === -1 ? range[1] : Math.min(newline, range[1])) : range[1];
  return { start: range[0], end: Math.max(end, range[0] + 1), exact };
}

function childOf(node: Node, segment: string | number): Node | undefined {
  if (isSeq(node) && typeof segment === "number") {
    const item = node.items[segment];
    return isNode(item) ? item : undefined;
  }
  if (!isMap(node)) return undefined;
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (key !== String(segment)) continue;
    // A key with an empty value marks the key itself.
    if (isNode(pair.value) && !(isScalar(pair.value) && pair.value.value === null)) return pair.value;
    return isNode(pair.key) ? pair.key : undefined;
  }
  return undefined;
}
