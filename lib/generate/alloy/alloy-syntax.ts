/**
 * A small writer for Alloy's configuration syntax: blocks (`name "label" { ... }`), attributes
 * (`name = value`), and values (strings, numbers, booleans, lists, objects, references to other
 * components' exports). Configs are built as these types and turned into text in one place, so
 * quoting and indentation are right everywhere.
 */

/** An expression naming another component's export, written without quotes. */
export class AlloyReference {
  constructor(readonly path: string) {
    if (!DOTTED_IDENTIFIER.test(path)) throw new Error(`not an Alloy reference: ${path}`);
  }
}

export type AlloyValue =
  | string
  | number
  | boolean
  | null
  | AlloyReference
  | readonly AlloyValue[]
  | { readonly [key: string]: AlloyValue };

export interface AlloyAttribute {
  kind: "attribute";
  name: string;
  value: AlloyValue;
}

export interface AlloyBlock {
  kind: "block";
  /** Dotted identifier: `discovery.docker`, `rule`, `stage.json`. */
  name: string;
  /** Components have one (`"containers"`); nested blocks do not. */
  label?: string;
  body: AlloyStatement[];
}

export type AlloyStatement = AlloyAttribute | AlloyBlock;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const DOTTED_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const INDENT = "  ";

export function ref(path: string): AlloyReference {
  return new AlloyReference(path);
}

export function attr(name: string, value: AlloyValue): AlloyAttribute {
  return { kind: "attribute", name, value };
}

export function block(name: string, label: string | undefined, body: AlloyStatement[]): AlloyBlock {
  return label === undefined ? { kind: "block", name, body } : { kind: "block", name, label, body };
}

/** A double-quoted Alloy string; the escapes are Go's, which Alloy uses. */
export function quoteAlloyString(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '"') out += '\\"';
    else if (char === "\\") out += "\\\\";
    else if (char === "\n") out += "\\n";
    else if (char === "\r") out += "\\r";
    else if (char === "\t") out += "\\t";
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else out += char;
  }
  return `${out}"`;
}

function objectKey(key: string): string {
  return IDENTIFIER.test(key) ? key : quoteAlloyString(key);
}

function isInline(value: AlloyValue): boolean {
  if (value === null || typeof value !== "object" || value instanceof AlloyReference) return true;
  if (Array.isArray(value)) return value.every(isInline);
  return Object.keys(value).length === 0;
}

function formatValue(value: AlloyValue, depth: number): string {
  if (value === null) return "null";
  if (typeof value === "string") return quoteAlloyString(value);
  if (typeof value === "boolean") return String(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`Alloy has no literal for ${value}`);
    return String(value);
  }
  if (value instanceof AlloyReference) return value.path;
  const inner = INDENT.repeat(depth + 1);
  const closing = INDENT.repeat(depth);
  if (Array.isArray(value)) {
    const items = value as readonly AlloyValue[];
    if (items.every(isInline)) return `[${items.map((item) => formatValue(item, depth)).join(", ")}]`;
    // Multi-line lists and objects need a trailing comma before the closing bracket's line.
    return `[\n${items.map((item) => `${inner}${formatValue(item, depth + 1)},\n`).join("")}${closing}]`;
  }
  const entries = Object.entries(value as { readonly [key: string]: AlloyValue });
  if (entries.length === 0) return "{}";
  const keys = entries.map(([key]) => objectKey(key));
  const width = Math.max(...keys.map((key) => key.length));
  const lines = entries.map(
    ([, entry], index) =>
      `${inner}${(keys[index] ?? "").padEnd(width)} = ${formatValue(entry, depth + 1)},\n`,
  );
  return `{\n${lines.join("")}${closing}}`;
}

function formatBlock(node: AlloyBlock, depth: number): string {
  if (!DOTTED_IDENTIFIER.test(node.name)) throw new Error(`not an Alloy block name: ${node.name}`);
  const indent = INDENT.repeat(depth);
  const head = node.label === undefined ? node.name : `${node.name} ${quoteAlloyString(node.label)}`;
  if (node.body.length === 0) return `${indent}${head} { }\n`;
  return `${indent}${head} {\n${formatBody(node.body, depth + 1)}${indent}}\n`;
}

/**
 * Consecutive attributes have their `=` aligned, as `alloy fmt` does; a nested block ends the
 * run and is set off by blank lines.
 */
function formatBody(body: readonly AlloyStatement[], depth: number): string {
  const indent = INDENT.repeat(depth);
  const chunks: string[] = [];
  let run: AlloyAttribute[] = [];
  const flushRun = (): void => {
    if (run.length === 0) return;
    const width = Math.max(...run.map((entry) => entry.name.length));
    chunks.push(
      run
        .map((entry) => `${indent}${entry.name.padEnd(width)} = ${formatValue(entry.value, depth)}\n`)
        .join(""),
    );
    run = [];
  };
  for (const statement of body) {
    if (statement.kind === "attribute") {
      if (!IDENTIFIER.test(statement.name)) throw new Error(`not an Alloy attribute name: ${statement.name}`);
      run.push(statement);
    } else {
      flushRun();
      chunks.push(formatBlock(statement, depth));
    }
  }
  flushRun();
  return chunks.join("\n");
}

/** The whole file: `//` comment lines, then the blocks separated by blank lines. */
export function toAlloy(blocks: readonly AlloyBlock[], commentLines: readonly string[] = []): string {
  const header = commentLines.map((line) => (line === "" ? "//\n" : `// ${line}\n`)).join("");
  const body = blocks.map((node) => formatBlock(node, 0)).join("\n");
  return header === "" ? body : `${header}\n${body}`;
}
