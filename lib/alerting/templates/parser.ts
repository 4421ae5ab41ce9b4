/**
 * The parser of Go's text/template (Go 1.19), with its three-token lookahead kept as Go keeps it,
 * because parse errors name the line of the last token read (`template: NAME:LINE: …`).
 */

import { goQuote, goUnquote, unquoteChar } from "../../go/quote";
import { parseGoFloat, parseGoInt, parseGoUint } from "../../go/strconv";
import { Item, lex, type Token, tokenString } from "./lexer";
import {
  type ArgNode,
  type BranchNode,
  type CommandNode,
  type ListNode,
  type Node,
  type NumberNode,
  nodeString,
  type PipeNode,
} from "./nodes";

/** A template that does not parse; the message is Go's, e.g. `template: x:1: unclosed action`. */
export class TemplateParseError extends Error {
  override name = "TemplateParseError";
}

export type TemplateSet = Map<string, ListNode>;

type VariableNode = Extract<ArgNode, { type: "variable" }>;

class Tree {
  root: ListNode | null = null;
  private token: Token[] = [];
  private peekCount = 0;
  private vars: string[] = ["$"];
  private actionLine = 0;
  private rangeDepth = 0;
  private index = 0;

  constructor(
    public name: string,
    readonly parseName: string,
    private readonly items: Token[],
    private readonly treeSet: TemplateSet,
    private readonly hasFunction: (name: string) => boolean,
    shared?: { index: number },
  ) {
    if (shared) this.index = shared.index;
  }

  get position(): number {
    return this.index;
  }

  private lexNext(): Token {
    const item = this.items[Math.min(this.index, this.items.length - 1)];
    if (this.index < this.items.length) this.index++;
    if (!item) throw new Error("lexer produced no tokens");
    return item;
  }

  next(): Token {
    if (this.peekCount > 0) this.peekCount--;
    else this.token[0] = this.lexNext();
    return this.token[this.peekCount] as Token;
  }

  backup(): void {
    this.peekCount++;
  }

  backup2(t1: Token): void {
    this.token[1] = t1;
    this.peekCount = 2;
  }

  backup3(t2: Token, t1: Token): void {
    this.token[1] = t1;
    this.token[2] = t2;
    this.peekCount = 3;
  }

  peek(): Token {
    if (this.peekCount > 0) return this.token[this.peekCount - 1] as Token;
    this.peekCount = 1;
    this.token[0] = this.lexNext();
    return this.token[0];
  }

  nextNonSpace(): Token {
    for (;;) {
      const token = this.next();
      if (token.typ !== Item.Space) return token;
    }
  }

  peekNonSpace(): Token {
    const token = this.nextNonSpace();
    this.backup();
    return token;
  }

  errorf(message: string): never {
    this.root = null;
    throw new TemplateParseError(`template: ${this.parseName}:${this.token[0]?.line ?? 1}: ${message}`);
  }

  expect(expected: Item, context: string): Token {
    const token = this.nextNonSpace();
    if (token.typ !== expected) this.unexpected(token, context);
    return token;
  }

  expectOneOf(expected1: Item, expected2: Item, context: string): Token {
    const token = this.nextNonSpace();
    if (token.typ !== expected1 && token.typ !== expected2) this.unexpected(token, context);
    return token;
  }

  unexpected(token: Token, context: string): never {
    if (token.typ === Item.Error) {
      let extra = "";
      if (this.actionLine !== 0 && this.actionLine !== token.line) {
        extra = ` in action started at ${this.parseName}:${this.actionLine}`;
        if (token.val.endsWith(" action")) extra = extra.slice(" in action".length);
      }
      this.errorf(`${tokenString(token)}${extra}`);
    }
    this.errorf(`unexpected ${tokenString(token)} in ${context}`);
  }

  parse(): void {
    this.root = { type: "list", pos: this.peek().pos, nodes: [] };
    while (this.peek().typ !== Item.EOF) {
      if (this.peek().typ === Item.LeftDelim) {
        const delim = this.next();
        if (this.nextNonSpace().typ === Item.Define) {
          const newT = new Tree("definition", this.parseName, this.items, this.treeSet, this.hasFunction, {
            index: this.index,
          });
          newT.parseDefinition();
          this.index = newT.position;
          continue;
        }
        this.backup2(delim);
      }
      const n = this.textOrAction();
      if (n.type === "end" || n.type === "else") this.errorf(`unexpected ${nodeString(n)}`);
      this.root.nodes.push(n);
    }
  }

  /** The tree joins the set unless a non-empty one of that name is there (Go's Tree.add). */
  add(): void {
    const existing = this.treeSet.get(this.name);
    if (existing === undefined || isEmptyTree(existing)) {
      if (this.root) this.treeSet.set(this.name, this.root);
      return;
    }
    if (this.root && !isEmptyTree(this.root)) {
      this.errorf(`template: multiple definition of template ${goQuote(this.name)}`);
    }
  }

  parseDefinition(): void {
    const context = "define clause";
    const name = this.expectOneOf(Item.String, Item.RawString, context);
    try {
      this.name = goUnquote(name.val);
    } catch (error) {
      this.errorf((error as Error).message);
    }
    this.expect(Item.RightDelim, context);
    const [list, end] = this.itemList();
    this.root = list;
    if (end.type !== "end") this.errorf(`unexpected ${nodeString(end)} in ${context}`);
    this.add();
  }

  itemList(): [ListNode, Node] {
    const list: ListNode = { type: "list", pos: this.peekNonSpace().pos, nodes: [] };
    while (this.peekNonSpace().typ !== Item.EOF) {
      const n = this.textOrAction();
      if (n.type === "end" || n.type === "else") return [list, n];
      list.nodes.push(n);
    }
    this.errorf("unexpected EOF");
  }

  textOrAction(): Node {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case Item.Text:
        return { type: "text", pos: token.pos, text: token.val };
      case Item.LeftDelim: {
        this.actionLine = token.line;
        try {
          return this.action();
        } finally {
          this.actionLine = 0;
        }
      }
      default:
        this.unexpected(token, "input");
    }
  }

  action(): Node {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case Item.Block:
        return this.blockControl();
      case Item.Break:
        return this.breakOrContinue("break", token);
      case Item.Continue:
        return this.breakOrContinue("continue", token);
      case Item.Else:
        return this.elseControl();
      case Item.End:
        return { type: "end", pos: this.expect(Item.RightDelim, "end").pos };
      case Item.If:
        return this.branch("if", true);
      case Item.Range:
        return this.branch("range", false);
      case Item.Template:
        return this.templateControl();
      case Item.With:
        return this.branch("with", false);
    }
    this.backup();
    const next = this.peek();
    return {
      type: "action",
      pos: next.pos,
      line: next.line,
      pipe: this.pipeline("command", Item.RightDelim),
    };
  }

  breakOrContinue(word: "break" | "continue", at: Token): Node {
    const token = this.nextNonSpace();
    if (token.typ !== Item.RightDelim) this.unexpected(token, `{{${word}}}`);
    if (this.rangeDepth === 0) this.errorf(`{{${word}}} outside {{range}}`);
    return { type: word, pos: at.pos, line: at.line };
  }

  pipeline(context: string, end: Item): PipeNode {
    const token = this.peekNonSpace();
    const pipe: PipeNode = {
      type: "pipe",
      pos: token.pos,
      line: token.line,
      isAssign: false,
      decl: [],
      cmds: [],
    };
    for (;;) {
      const v = this.peekNonSpace();
      if (v.typ !== Item.Variable) break;
      this.next();
      const tokenAfterVariable = this.peek();
      const next = this.peekNonSpace();
      if (next.typ === Item.Assign || next.typ === Item.Declare) {
        pipe.isAssign = next.typ === Item.Assign;
        this.nextNonSpace();
        pipe.decl.push(variableNode(v.pos, v.val));
        this.vars.push(v.val);
      } else if (next.typ === Item.Char && next.val === ",") {
        this.nextNonSpace();
        pipe.decl.push(variableNode(v.pos, v.val));
        this.vars.push(v.val);
        if (context === "range" && pipe.decl.length < 2) {
          const after = this.peekNonSpace().typ;
          if (after === Item.Variable || after === Item.RightDelim || after === Item.RightParen) continue;
          this.errorf("range can only initialize variables");
        }
        this.errorf(`too many declarations in ${context}`);
      } else if (tokenAfterVariable.typ === Item.Space) {
        this.backup3(v, tokenAfterVariable);
      } else {
        this.backup2(v);
      }
      break;
    }
    for (;;) {
      const token = this.nextNonSpace();
      switch (token.typ) {
        case end:
          this.checkPipeline(pipe, context);
          return pipe;
        case Item.Bool:
        case Item.CharConstant:
        case Item.Complex:
        case Item.Dot:
        case Item.Field:
        case Item.Identifier:
        case Item.Number:
        case Item.Nil:
        case Item.RawString:
        case Item.String:
        case Item.Variable:
        case Item.LeftParen:
          this.backup();
          pipe.cmds.push(this.command());
          break;
        default:
          this.unexpected(token, context);
      }
    }
  }

  checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
    pipe.cmds.slice(1).forEach((c, i) => {
      const first = c.args[0]?.type;
      if (
        first === "bool" ||
        first === "dot" ||
        first === "nil" ||
        first === "number" ||
        first === "string"
      ) {
        this.errorf(`non executable command in pipeline stage ${i + 2}`);
      }
    });
  }

  branch(context: "if" | "range" | "with", allowElseIf: boolean): BranchNode {
    const mark = this.vars.length;
    try {
      const pipe = this.pipeline(context, Item.RightDelim);
      if (context === "range") this.rangeDepth++;
      let [list, next] = this.itemList();
      if (context === "range") this.rangeDepth--;
      let elseList: ListNode | null = null;
      if (next.type === "else") {
        if (allowElseIf && this.peek().typ === Item.If) {
          // {{else if …}} is {{else}}{{if …}}…{{end}}{{end}} with the inner end shared.
          this.next();
          elseList = { type: "list", pos: next.pos, nodes: [this.branch("if", true)] };
        } else {
          [elseList, next] = this.itemList();
          if (next.type !== "end") this.errorf(`expected end; found ${nodeString(next)}`);
        }
      }
      return { type: context, pos: pipe.pos, line: pipe.line, pipe, list, elseList };
    } finally {
      this.vars.length = mark;
    }
  }

  elseControl(): Node {
    const peek = this.peekNonSpace();
    if (peek.typ === Item.If) return { type: "else", pos: peek.pos, line: peek.line };
    const token = this.expect(Item.RightDelim, "else");
    return { type: "else", pos: token.pos, line: token.line };
  }

  blockControl(): Node {
    const context = "block clause";
    const token = this.nextNonSpace();
    const name = this.parseTemplateName(token, context);
    const pipe = this.pipeline(context, Item.RightDelim);
    // Like Go's, the block's tree reads on from the same lexer with a lookahead of its own.
    const block = new Tree(name, this.parseName, this.items, this.treeSet, this.hasFunction, {
      index: this.index,
    });
    const [list, end] = block.itemList();
    block.root = list;
    if (end.type !== "end") this.errorf(`unexpected ${nodeString(end)} in ${context}`);
    block.add();
    this.index = block.position;
    return { type: "template", pos: token.pos, line: token.line, name, pipe };
  }

  templateControl(): Node {
    const context = "template clause";
    const token = this.nextNonSpace();
    const name = this.parseTemplateName(token, context);
    let pipe: PipeNode | null = null;
    if (this.nextNonSpace().typ !== Item.RightDelim) {
      this.backup();
      pipe = this.pipeline(context, Item.RightDelim);
    }
    return { type: "template", pos: token.pos, line: token.line, name, pipe };
  }

  parseTemplateName(token: Token, context: string): string {
    if (token.typ === Item.String || token.typ === Item.RawString) {
      try {
        return goUnquote(token.val);
      } catch (error) {
        this.errorf((error as Error).message);
      }
    }
    this.unexpected(token, context);
  }

  command(): CommandNode {
    const cmd: CommandNode = { type: "command", pos: this.peekNonSpace().pos, args: [] };
    for (;;) {
      this.peekNonSpace(); // skip leading spaces.
      const operand = this.operand();
      if (operand) cmd.args.push(operand);
      const token = this.next();
      if (token.typ === Item.Space) continue;
      if (token.typ === Item.RightDelim || token.typ === Item.RightParen) this.backup();
      else if (token.typ !== Item.Pipe) this.unexpected(token, "operand");
      break;
    }
    if (cmd.args.length === 0) this.errorf("empty command");
    return cmd;
  }

  operand(): ArgNode | null {
    const node = this.term();
    if (!node) return null;
    if (this.peek().typ !== Item.Field) return node;
    const fields: string[] = [];
    const pos = this.peek().pos;
    while (this.peek().typ === Item.Field) fields.push(this.next().val.slice(1));
    switch (node.type) {
      case "field":
        return { type: "field", pos, ident: [...node.ident, ...fields] };
      case "variable":
        return { type: "variable", pos, ident: [...node.ident, ...fields] };
      case "bool":
      case "string":
      case "number":
      case "nil":
      case "dot":
        this.errorf(`unexpected . after term ${goQuote(nodeString(node))}`);
        break;
    }
    return { type: "chain", pos, node, field: fields };
  }

  term(): ArgNode | null {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case Item.Identifier:
        if (!this.hasFunction(token.val)) this.errorf(`function ${goQuote(token.val)} not defined`);
        return { type: "identifier", pos: token.pos, ident: token.val };
      case Item.Dot:
        return { type: "dot", pos: token.pos };
      case Item.Nil:
        return { type: "nil", pos: token.pos };
      case Item.Variable:
        return this.lookupVariable(token.pos, token.val);
      case Item.Field:
        return { type: "field", pos: token.pos, ident: token.val.slice(1).split(".") };
      case Item.Bool:
        return { type: "bool", pos: token.pos, value: token.val === "true" };
      case Item.CharConstant:
      case Item.Complex:
      case Item.Number:
        return this.number(token);
      case Item.LeftParen:
        return this.pipeline("parenthesized pipeline", Item.RightParen);
      case Item.String:
      case Item.RawString:
        try {
          return { type: "string", pos: token.pos, quoted: token.val, text: goUnquote(token.val) };
        } catch (error) {
          this.errorf((error as Error).message);
        }
    }
    this.backup();
    return null;
  }

  lookupVariable(pos: number, name: string): VariableNode {
    const v = variableNode(pos, name);
    if (!this.vars.includes(v.ident[0] ?? "")) this.errorf(`undefined variable ${goQuote(v.ident[0] ?? "")}`);
    return v;
  }

  number(token: Token): NumberNode {
    try {
      return newNumber(token);
    } catch (error) {
      this.errorf((error as Error).message);
    }
  }
}

function variableNode(pos: number, ident: string): VariableNode {
  return { type: "variable", pos, ident: ident.split(".") };
}

function isEmptyTree(list: ListNode): boolean {
  return list.nodes.every((n) => n.type === "text" && n.text.trim() === "");
}

function fitsInt64(f: number): boolean {
  return Number.isInteger(f) && f >= -(2 ** 63) && f < 2 ** 63;
}

/** parse.NumberNode: the same constant as int, uint, float and complex, as far as it fits each. */
function newNumber(token: Token): NumberNode {
  const text = token.val;
  const n: NumberNode = {
    type: "number",
    pos: token.pos,
    text,
    isInt: false,
    isUint: false,
    isFloat: false,
    isComplex: false,
    int64: 0n,
    uint64: 0n,
    float64: 0,
    complex: { re: 0, im: 0 },
  };
  const simplifyComplex = (): NumberNode => {
    n.isFloat = n.complex.im === 0;
    if (n.isFloat) {
      n.float64 = n.complex.re;
      n.isInt = fitsInt64(n.float64);
      if (n.isInt) n.int64 = BigInt(n.float64);
      n.isUint = Number.isInteger(n.float64) && n.float64 >= 0 && n.float64 < 2 ** 64;
      if (n.isUint) n.uint64 = BigInt(n.float64);
    }
    return n;
  };
  if (token.typ === Item.CharConstant) {
    const body = [...goUnquoteCharConstant(text)];
    const rune = body[0]?.codePointAt(0) ?? 0;
    Object.assign(n, { isInt: true, isUint: true, isFloat: true, int64: BigInt(rune), uint64: BigInt(rune) });
    n.float64 = rune;
    return n;
  }
  if (token.typ === Item.Complex) {
    n.isComplex = true;
    n.complex = scanComplex(text);
    return simplifyComplex();
  }
  if (text.endsWith("i")) {
    const f = parseGoFloat(text.slice(0, -1));
    if (f !== undefined) {
      n.isComplex = true;
      n.complex = { re: 0, im: f };
      return simplifyComplex();
    }
  }
  const u = parseGoUint(text);
  if (u !== undefined) {
    n.isUint = true;
    n.uint64 = u;
  }
  const i = parseGoInt(text);
  if (i !== undefined) {
    n.isInt = true;
    n.int64 = i;
    if (i === 0n) {
      n.isUint = true;
      n.uint64 = u ?? 0n;
    }
  }
  if (n.isInt) {
    n.isFloat = true;
    n.float64 = Number(n.int64);
  } else if (n.isUint) {
    n.isFloat = true;
    n.float64 = Number(n.uint64);
  } else {
    const f = parseGoFloat(text);
    // ParseFloat's range error (±Inf) is an error here too: "illegal number syntax".
    if (f !== undefined && Number.isFinite(f)) {
      if (!/[.eEpP]/.test(text)) throw new Error(`integer overflow: ${goQuote(text)}`);
      n.isFloat = true;
      n.float64 = f;
      if (!n.isInt && fitsInt64(f)) {
        n.isInt = true;
        n.int64 = BigInt(f);
      }
      if (!n.isUint && Number.isInteger(f) && f >= 0 && f < 2 ** 64) {
        n.isUint = true;
        n.uint64 = BigInt(f);
      }
    }
  }
  if (!n.isInt && !n.isUint && !n.isFloat) throw new Error(`illegal number syntax: ${goQuote(text)}`);
  return n;
}

const COMPLEX_ERROR = "syntax error scanning complex number";

/** fmt.Sscan into a complex128, as text/template reads `1+2i` (Go's scanner quirks included). */
function scanComplex(text: string): { re: number; im: number } {
  let pos = 0;
  let buf = "";
  const accept = (chars: string): boolean => {
    const c = text[pos];
    if (c !== undefined && chars.includes(c)) {
      buf += c;
      pos++;
      return true;
    }
    return false;
  };
  const floatToken = (): string => {
    buf = "";
    if (accept("nN") && accept("aA") && accept("nN")) return buf;
    accept("+-");
    if (accept("iI") && accept("nN") && accept("fF")) return buf;
    let digits = "0123456789_";
    let exp = "eEpP";
    if (accept("0") && accept("xX")) {
      digits = "0123456789aAbBcCdDeEfF_";
      exp = "pP";
    }
    while (accept(digits));
    if (accept(".")) while (accept(digits));
    if (accept(exp)) {
      accept("+-");
      while (accept("0123456789_"));
    }
    return buf;
  };
  const parens = accept("(");
  const real = floatToken();
  buf = "";
  if (!accept("+-")) throw new Error(COMPLEX_ERROR);
  const imagSign = buf;
  const imag = floatToken();
  if (!accept("i")) throw new Error(COMPLEX_ERROR);
  if (parens && !accept(")")) throw new Error(COMPLEX_ERROR);
  const convert = (s: string): number => {
    const p = s.indexOf("p");
    if (p >= 0 && !/[xX]/.test(s)) {
      const f = parseGoFloat(s.slice(0, p));
      const m = /^[+-]?\d+$/.test(s.slice(p + 1)) ? Number(s.slice(p + 1)) : undefined;
      if (f === undefined || m === undefined)
        throw new Error(`strconv.ParseFloat: parsing ${goQuote(s)}: invalid syntax`);
      return f * 2 ** m;
    }
    const f = parseGoFloat(s);
    if (f === undefined) throw new Error(`strconv.ParseFloat: parsing ${goQuote(s)}: invalid syntax`);
    return f;
  };
  return { re: convert(real), im: convert(imagSign + imag) };
}

/** A character constant's rune, read as strconv.UnquoteChar reads it. */
function goUnquoteCharConstant(text: string): string {
  let result: { value: number; tail: string };
  try {
    result = unquoteChar(text.slice(1), "'");
  } catch {
    throw new Error("invalid syntax");
  }
  if (result.tail !== "'") throw new Error(`malformed character constant: ${text}`);
  return String.fromCodePoint(result.value);
}

export interface ParseOptions {
  /** Whether a function of that name exists (Prometheus's functions and the builtins). */
  hasFunction: (name: string) => boolean;
}

/** Parses `text` as template `name`; the set holds it and every {{define}}d template. */
export function parseTemplate(name: string, text: string, options: ParseOptions): TemplateSet {
  const treeSet: TemplateSet = new Map();
  const tree = new Tree(name, name, lex(text), treeSet, options.hasFunction);
  tree.parse();
  tree.add();
  return treeSet;
}
