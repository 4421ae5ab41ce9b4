/** The parse tree of Go's text/template, and how Go prints each node in error messages. */
import { goQuote } from "../../go/quote";

export interface NumberNode {
  type: "number";
  pos: number;
  text: string;
  isInt: boolean;
  isUint: boolean;
  isFloat: boolean;
  isComplex: boolean;
  int64: bigint;
  uint64: bigint;
  float64: number;
  complex: { re: number; im: number };
}

export type ArgNode =
  | { type: "identifier"; pos: number; ident: string }
  | { type: "dot"; pos: number }
  | { type: "nil"; pos: number }
  | { type: "variable"; pos: number; ident: string[] }
  | { type: "field"; pos: number; ident: string[] }
  | { type: "chain"; pos: number; node: ArgNode; field: string[] }
  | { type: "bool"; pos: number; value: boolean }
  | NumberNode
  | { type: "string"; pos: number; quoted: string; text: string }
  | PipeNode;

export interface CommandNode {
  type: "command";
  pos: number;
  args: ArgNode[];
}

export interface PipeNode {
  type: "pipe";
  pos: number;
  line: number;
  isAssign: boolean;
  decl: Extract<ArgNode, { type: "variable" }>[];
  cmds: CommandNode[];
}

export interface ListNode {
  type: "list";
  pos: number;
  nodes: Node[];
}

export interface BranchNode {
  type: "if" | "range" | "with";
  pos: number;
  line: number;
  pipe: PipeNode;
  list: ListNode;
  elseList: ListNode | null;
}

export type Node =
  | ListNode
  | { type: "text"; pos: number; text: string }
  | { type: "action"; pos: number; line: number; pipe: PipeNode }
  | BranchNode
  | { type: "template"; pos: number; line: number; name: string; pipe: PipeNode | null }
  | { type: "break"; pos: number; line: number }
  | { type: "continue"; pos: number; line: number }
  | { type: "end"; pos: number }
  | { type: "else"; pos: number; line: number }
  | CommandNode
  | ArgNode;

/** Node.String() in Go: the source form, used in error contexts. */
export function nodeString(node: Node): string {
  switch (node.type) {
    case "list":
      return node.nodes.map(nodeString).join("");
    case "text":
      return node.text;
    case "action":
      return `{{${nodeString(node.pipe)}}}`;
    case "if":
    case "range":
    case "with": {
      const elsePart = node.elseList ? `{{else}}${nodeString(node.elseList)}` : "";
      return `{{${node.type} ${nodeString(node.pipe)}}}${nodeString(node.list)}${elsePart}{{end}}`;
    }
    case "template":
      return `{{template ${goQuote(node.name)}${node.pipe ? ` ${nodeString(node.pipe)}` : ""}}}`;
    case "break":
      return "{{break}}";
    case "continue":
      return "{{continue}}";
    case "end":
      return "{{end}}";
    case "else":
      return "{{else}}";
    case "command":
      return node.args
        .map((arg) => (arg.type === "pipe" ? `(${nodeString(arg)})` : nodeString(arg)))
        .join(" ");
    case "pipe": {
      const decl = node.decl.length > 0 ? `${node.decl.map(nodeString).join(", ")} := ` : "";
      return decl + node.cmds.map(nodeString).join(" | ");
    }
    case "identifier":
      return node.ident;
    case "dot":
      return ".";
    case "nil":
      return "nil";
    case "variable":
      return node.ident.join(".");
    case "field":
      return node.ident.map((id) => `.${id}`).join("");
    case "chain": {
      const head = node.node.type === "pipe" ? `(${nodeString(node.node)})` : nodeString(node.node);
      return head + node.field.map((f) => `.${f}`).join("");
    }
    case "bool":
      return node.value ? "true" : "false";
    case "number":
      return node.text;
    case "string":
      return node.quoted;
  }
}
