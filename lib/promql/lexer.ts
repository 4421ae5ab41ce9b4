import { goQuote, goQuoteRune, goQuoteTruncated, goUnicode } from "./go-quote";

/**
 * Prometheus's PromQL lexer (promql/parser/lex.go of prometheus/prometheus at d15adb9ad7e5, after
 * 3.14.0: lexStatements, lexInsideBraces, lexString, lexEscape, lexNumberOrDuration, scanNumber,
 * lexKeywordOrIdentifier, lexDurationExpr), expression mode only (no series descriptions or
 * histograms, which only promtool's test files use).
 *
 * The lezer grammar the model parses with tokenizes more loosely than Prometheus (unterminated
 * strings, any escape, `1_000`, durations in any unit order), so lexical errors come from this port,
 * worded as Prometheus words them, and syntax errors name the token the way Prometheus's parser
 * does (`unexpected <by>`, `unexpected identifier "foo"`).
 */

export type ItemType =
  | "EOF"
  | "COMMENT"
  | "IDENTIFIER"
  | "METRIC_IDENTIFIER"
  | "STRING"
  | "NUMBER"
  | "DURATION"
  | "LEFT_PAREN"
  | "RIGHT_PAREN"
  | "LEFT_BRACE"
  | "RIGHT_BRACE"
  | "LEFT_BRACKET"
  | "RIGHT_BRACKET"
  | "COMMA"
  | "EQL"
  | "COLON"
  | Operator
  | Aggregator
  | Keyword
  | Preprocessor;

type Operator =
  | "ADD"
  | "DIV"
  | "EQLC"
  | "EQL_REGEX"
  | "GTE"
  | "GTR"
  | "TRIM_UPPER"
  | "TRIM_LOWER"
  | "LAND"
  | "LOR"
  | "LSS"
  | "LTE"
  | "LUNLESS"
  | "MOD"
  | "MUL"
  | "NEQ"
  | "NEQ_REGEX"
  | "POW"
  | "SUB"
  | "AT"
  | "ATAN2";

type Aggregator =
  | "AVG"
  | "BOTTOMK"
  | "COUNT"
  | "COUNT_VALUES"
  | "GROUP"
  | "MAX"
  | "MIN"
  | "QUANTILE"
  | "STDDEV"
  | "STDVAR"
  | "SUM"
  | "TOPK"
  | "LIMITK"
  | "LIMIT_RATIO";

type Keyword =
  | "BOOL"
  | "BY"
  | "GROUP_LEFT"
  | "GROUP_RIGHT"
  | "FILL"
  | "FILL_LEFT"
  | "FILL_RIGHT"
  | "IGNORING"
  | "OFFSET"
  | "SMOOTHED"
  | "ANCHORED"
  | "ON"
  | "WITHOUT";

type Preprocessor = "START" | "END" | "STEP" | "RANGE" | "MAX_OF" | "MIN_OF";

export interface Item {
  type: ItemType;
  /** 0-based character offset in the text. */
  pos: number;
  val: string;
}

export interface LexError {
  position: number;
  message: string;
}

export interface LexResult {
  /** Every item up to the end of input or the first error, comments left out. */
  items: Item[];
  error?: LexError;
}

const OPERATORS: ReadonlySet<ItemType> = new Set<Operator>([
  "ADD",
  "DIV",
  "EQLC",
  "EQL_REGEX",
  "GTE",
  "GTR",
  "TRIM_UPPER",
  "TRIM_LOWER",
  "LAND",
  "LOR",
  "LSS",
  "LTE",
  "LUNLESS",
  "MOD",
  "MUL",
  "NEQ",
  "NEQ_REGEX",
  "POW",
  "SUB",
  "AT",
  "ATAN2",
]);

const AGGREGATORS: ReadonlySet<ItemType> = new Set<Aggregator>([
  "AVG",
  "BOTTOMK",
  "COUNT",
  "COUNT_VALUES",
  "GROUP",
  "MAX",
  "MIN",
  "QUANTILE",
  "STDDEV",
  "STDVAR",
  "SUM",
  "TOPK",
  "LIMITK",
  "LIMIT_RATIO",
]);

const KEYWORDS: ReadonlySet<ItemType> = new Set<Keyword>([
  "BOOL",
  "BY",
  "GROUP_LEFT",
  "GROUP_RIGHT",
  "FILL",
  "FILL_LEFT",
  "FILL_RIGHT",
  "IGNORING",
  "OFFSET",
  "SMOOTHED",
  "ANCHORED",
  "ON",
  "WITHOUT",
]);

/** lex.go `key`: every word the lexer turns into a keyword item (matched case-insensitively). */
const KEY: Readonly<Record<string, ItemType>> = {
  and: "LAND",
  or: "LOR",
  unless: "LUNLESS",
  atan2: "ATAN2",
  sum: "SUM",
  avg: "AVG",
  count: "COUNT",
  min: "MIN",
  max: "MAX",
  group: "GROUP",
  stddev: "STDDEV",
  stdvar: "STDVAR",
  topk: "TOPK",
  bottomk: "BOTTOMK",
  count_values: "COUNT_VALUES",
  quantile: "QUANTILE",
  limitk: "LIMITK",
  limit_ratio: "LIMIT_RATIO",
  offset: "OFFSET",
  smoothed: "SMOOTHED",
  anchored: "ANCHORED",
  by: "BY",
  without: "WITHOUT",
  on: "ON",
  ignoring: "IGNORING",
  group_left: "GROUP_LEFT",
  group_right: "GROUP_RIGHT",
  fill: "FILL",
  fill_left: "FILL_LEFT",
  fill_right: "FILL_RIGHT",
  bool: "BOOL",
  start: "START",
  end: "END",
  step: "STEP",
  range: "RANGE",
  max_of: "MAX_OF",
  min_of: "MIN_OF",
  inf: "NUMBER",
  nan: "NUMBER",
};

/** lex.go `ItemTypeStr`, the fixed text of an item type (keywords are added from KEY, as init() does). */
const ITEM_TYPE_STR: Partial<Record<ItemType, string>> = {
  LEFT_PAREN: "(",
  RIGHT_PAREN: ")",
  LEFT_BRACE: "{",
  RIGHT_BRACE: "}",
  LEFT_BRACKET: "[",
  RIGHT_BRACKET: "]",
  COMMA: ",",
  EQL: "=",
  COLON: ":",
  SUB: "-",
  ADD: "+",
  MUL: "*",
  MOD: "%",
  DIV: "/",
  EQLC: "==",
  NEQ: "!=",
  LTE: "<=",
  LSS: "<",
  GTE: ">=",
  GTR: ">",
  TRIM_UPPER: "</",
  TRIM_LOWER: ">/",
  EQL_REGEX: "=~",
  NEQ_REGEX: "!~",
  POW: "^",
  AT: "@",
};
for (const [word, type] of Object.entries(KEY)) if (type !== "NUMBER") ITEM_TYPE_STR[type] = word;

export function isOperator(type: ItemType): boolean {
  return OPERATORS.has(type);
}

export function isAggregator(type: ItemType): boolean {
  return AGGREGATORS.has(type);
}

/** Item.String() in lex.go. */
function itemString(item: Item): string {
  if (item.type === "EOF") return "EOF";
  if (item.type === "IDENTIFIER" || item.type === "METRIC_IDENTIFIER") return goQuote(item.val);
  if (KEYWORDS.has(item.type)) return `<${item.val}>`;
  if (OPERATORS.has(item.type)) return `<op:${item.val}>`;
  if (AGGREGATORS.has(item.type)) return `<aggr:${item.val}>`;
  if ([...item.val].length > 10) return `${goQuoteTruncated(item.val, 10)}...`;
  return goQuote(item.val);
}

const TYPE_DESC: Partial<Record<ItemType, string>> = {
  EOF: "end of input",
  COMMENT: "comment",
  IDENTIFIER: "identifier",
  METRIC_IDENTIFIER: "metric identifier",
  STRING: "string",
  NUMBER: "number",
  DURATION: "duration",
};

/** Item.desc() in lex.go: how `unexpected …` names an item. */
export function describeItem(item: Item | undefined): string {
  if (!item || item.type === "EOF") return "end of input";
  if (ITEM_TYPE_STR[item.type] !== undefined) return itemString(item);
  return `${TYPE_DESC[item.type] ?? item.type} ${itemString(item)}`;
}

const EOF = "";
const RUNE_ERROR = "\ufffd";

function isSpace(r: string): boolean {
  return r === " " || r === "\t" || r === "\n" || r === "\r";
}
function isEndOfLine(r: string): boolean {
  return r === "\r" || r === "\n";
}
function isDigit(r: string): boolean {
  return r.length === 1 && r >= "0" && r <= "9";
}
function isAlpha(r: string): boolean {
  return r === "_" || (r.length === 1 && ((r >= "a" && r <= "z") || (r >= "A" && r <= "Z")));
}
function isAlphaNumeric(r: string): boolean {
  return isAlpha(r) || isDigit(r);
}

const DURATION_KEYWORDS: Readonly<Record<string, ItemType>> = {
  step: "STEP",
  range: "RANGE",
  max_of: "MAX_OF",
  min_of: "MIN_OF",
};
const DURATION_KEYWORD_START = new Set(Object.keys(DURATION_KEYWORDS).map((word) => word[0]));

type StateFn = (l: Lexer) => StateFn | null;

class Lexer {
  readonly items: Item[] = [];
  error: LexError | undefined;
  pos = 0;
  start = 0;
  width = 0;
  parenDepth = 0;
  braceOpen = false;
  bracketOpen = false;
  gotColon = false;
  gotDuration = false;
  stringOpen = "";

  constructor(readonly input: string) {}

  /** The next rune; a lone surrogate reads as Go reads invalid UTF-8, as utf8.RuneError. */
  next(): string {
    if (this.pos >= this.input.length) {
      this.width = 0;
      return EOF;
    }
    const codePoint = this.input.codePointAt(this.pos) ?? 0;
    this.width = codePoint > 0xffff ? 2 : 1;
    this.pos += this.width;
    if (codePoint >= 0xd800 && codePoint < 0xe000) return RUNE_ERROR;
    return String.fromCodePoint(codePoint);
  }
  peek(): string {
    const r = this.next();
    this.backup();
    return r;
  }
  backup(): void {
    this.pos -= this.width;
  }
  emit(type: ItemType): void {
    if (type !== "COMMENT") {
      this.items.push({ type, pos: this.start, val: this.input.slice(this.start, this.pos) });
    }
    this.start = this.pos;
  }
  ignore(): void {
    this.start = this.pos;
  }
  accept(valid: string): boolean {
    const r = this.next();
    if (r !== EOF && valid.includes(r)) return true;
    this.backup();
    return false;
  }
  is(valid: string): boolean {
    const r = this.peek();
    return r !== EOF && valid.includes(r);
  }
  acceptRun(valid: string): void {
    for (let r = this.next(); r !== EOF && valid.includes(r); r = this.next()) {
      // absorb
    }
    this.backup();
  }
  /** lex.go errorf: the error item stops the parser, which reports it at the item's start. */
  errorf(message: string): null {
    this.error ??= { position: this.start, message };
    return null;
  }

  /** lex.go scanNumber (decimal, hexadecimal, underscores between digits, exponent). */
  scanNumber(): boolean {
    const initialPos = this.pos;
    let digitPattern = "0123456789";
    if (this.accept("0") && this.accept("xX")) {
      this.accept("_");
      digitPattern = "0123456789abcdefABCDEF";
    }
    this.accept(".");
    this.accept(digitPattern);
    let dotConsumed = false;
    let exponentConsumed = false;
    while (this.is(`${digitPattern}._eE`)) {
      if (this.is(".") && dotConsumed) {
        this.accept(".");
        return false;
      }
      if (this.is("eE") && exponentConsumed) {
        this.accept("eE");
        return false;
      }
      if (this.accept(".")) {
        dotConsumed = true;
        if (this.accept("_.")) return false;
        if (digitPattern.length > 10) return false;
        continue;
      }
      if (this.accept("eE")) {
        exponentConsumed = true;
        this.accept("+-");
        if (this.accept("._eE") || this.peek() === EOF) return false;
        continue;
      }
      if (this.accept("_")) {
        if (this.accept("._eE") || this.peek() === EOF) return false;
        continue;
      }
      this.acceptRun(digitPattern);
    }
    if (this.pos === initialPos) return false;
    return !isAlphaNumeric(this.peek());
  }

  scanDurationKeyword(): boolean {
    for (;;) {
      const r = this.next();
      if (isAlpha(r)) continue;
      this.backup();
      const type = DURATION_KEYWORDS[this.input.slice(this.start, this.pos).toLowerCase()];
      if (type) {
        this.emit(type);
        return true;
      }
      return false;
    }
  }

  peekFollowedByLeftParen(): boolean {
    const rest = this.input.slice(this.pos);
    const match = /^[ \t\n\r]*(.)/s.exec(rest);
    return match?.[1] === "(";
  }
}

function acceptRemainingDuration(l: Lexer): boolean {
  if (!l.accept("smhdwy")) return false;
  l.accept("s");
  while (l.accept("0123456789")) {
    while (l.accept("0123456789")) {
      // absorb
    }
    if (!l.accept("smhdw")) return false;
    l.accept("s");
  }
  return !isAlphaNumeric(l.next());
}

function lexStatements(l: Lexer): StateFn | null {
  if (l.braceOpen) return lexInsideBraces;
  if (l.input.startsWith("#", l.pos)) return lexLineComment;
  const r = l.next();
  switch (true) {
    case r === EOF:
      if (l.parenDepth !== 0) return l.errorf("unclosed left parenthesis");
      if (l.bracketOpen) return l.errorf("unclosed left bracket");
      l.emit("EOF");
      return null;
    case r === ",":
      l.emit("COMMA");
      break;
    case isSpace(r):
      return lexSpace;
    case r === "*":
      l.emit("MUL");
      break;
    case r === "/":
      l.emit("DIV");
      break;
    case r === "%":
      l.emit("MOD");
      break;
    case r === "+":
      l.emit("ADD");
      break;
    case r === "-":
      l.emit("SUB");
      break;
    case r === "^":
      l.emit("POW");
      break;
    case r === "=": {
      const t = l.peek();
      if (t === "=") {
        l.next();
        l.emit("EQLC");
      } else if (t === "~") {
        return l.errorf(`unexpected character after '=': ${goQuoteRune(t)}`);
      } else {
        l.emit("EQL");
      }
      break;
    }
    case r === "!": {
      const t = l.next();
      if (t !== "=") return l.errorf(`unexpected character after '!': ${t === EOF ? "'�'" : goQuoteRune(t)}`);
      l.emit("NEQ");
      break;
    }
    case r === "<":
      if (l.peek() === "=") {
        l.next();
        l.emit("LTE");
      } else if (l.peek() === "/") {
        l.next();
        l.emit("TRIM_UPPER");
      } else {
        l.emit("LSS");
      }
      break;
    case r === ">":
      if (l.peek() === "=") {
        l.next();
        l.emit("GTE");
      } else if (l.peek() === "/") {
        l.next();
        l.emit("TRIM_LOWER");
      } else {
        l.emit("GTR");
      }
      break;
    case isDigit(r) || (r === "." && isDigit(l.peek())):
      l.backup();
      return lexNumberOrDuration;
    case r === '"' || r === "'":
      l.stringOpen = r;
      return lexString;
    case r === "`":
      l.stringOpen = r;
      return lexRawString;
    case isAlpha(r) || r === ":":
      if (!l.bracketOpen) {
        l.backup();
        return lexKeywordOrIdentifier;
      }
      if (r === ":") {
        if (l.gotColon) return l.errorf(`unexpected colon ${goQuoteRune(r)}`);
        l.emit("COLON");
        l.gotColon = true;
        return lexStatements;
      }
      if (DURATION_KEYWORD_START.has(r.toLowerCase()) && l.scanDurationKeyword()) return lexStatements;
      return l.errorf(`unexpected character: ${goQuoteRune(r)}, expected ':'`);
    case r === "(":
      l.emit("LEFT_PAREN");
      l.parenDepth++;
      return lexStatements;
    case r === ")":
      l.emit("RIGHT_PAREN");
      l.parenDepth--;
      if (l.parenDepth < 0) {
        l.start = l.pos - 1;
        return l.errorf(`unexpected right parenthesis ${goQuoteRune(r)}`);
      }
      return lexStatements;
    case r === "{":
      l.emit("LEFT_BRACE");
      l.braceOpen = true;
      return lexInsideBraces;
    case r === "[":
      if (l.bracketOpen) return l.errorf(`unexpected left bracket ${goQuoteRune(r)}`);
      l.gotColon = false;
      l.emit("LEFT_BRACKET");
      if (isSpace(l.peek())) skipSpaces(l);
      l.bracketOpen = true;
      return lexDurationExpr;
    case r === "]":
      if (!l.bracketOpen) return l.errorf(`unexpected right bracket ${goQuoteRune(r)}`);
      l.emit("RIGHT_BRACKET");
      l.bracketOpen = false;
      break;
    case r === "@":
      l.emit("AT");
      break;
    default:
      return l.errorf(`unexpected character: ${goQuoteRune(r)}`);
  }
  return lexStatements;
}

function lexInsideBraces(l: Lexer): StateFn | null {
  if (l.input.startsWith("#", l.pos)) return lexLineComment;
  const r = l.next();
  switch (true) {
    case r === EOF:
      return l.errorf("unexpected end of input inside braces");
    case isSpace(r):
      return lexSpace;
    case isAlpha(r):
      l.backup();
      return lexIdentifier;
    case r === ",":
      l.emit("COMMA");
      break;
    case r === '"' || r === "'":
      l.stringOpen = r;
      return lexString;
    case r === "`":
      l.stringOpen = r;
      return lexRawString;
    case r === "=":
      if (l.next() === "~") {
        l.emit("EQL_REGEX");
        break;
      }
      l.backup();
      l.emit("EQL");
      break;
    case r === "!": {
      const nr = l.next();
      if (nr === "~") l.emit("NEQ_REGEX");
      else if (nr === "=") l.emit("NEQ");
      else return l.errorf(`unexpected character after '!' inside braces: ${goQuoteRune(nr || "\ufffd")}`);
      break;
    }
    case r === "{":
      return l.errorf(`unexpected left brace ${goQuoteRune(r)}`);
    case r === "}":
      l.emit("RIGHT_BRACE");
      l.braceOpen = false;
      return lexStatements;
    default:
      return l.errorf(`unexpected character inside braces: ${goQuoteRune(r)}`);
  }
  return lexInsideBraces;
}

function digitVal(ch: string): number {
  if (ch >= "0" && ch <= "9" && ch.length === 1) return ch.charCodeAt(0) - 48;
  if (ch >= "a" && ch <= "f" && ch.length === 1) return ch.charCodeAt(0) - 87;
  if (ch >= "A" && ch <= "F" && ch.length === 1) return ch.charCodeAt(0) - 55;
  return 16;
}

/** lex.go lexEscape: Go's escape sequences, checked as the lexer reads the string. */
function lexEscape(l: Lexer): StateFn | null {
  let ch = l.next();
  let n: number;
  let base: number;
  let maxVal: number;
  switch (ch) {
    case "a":
    case "b":
    case "f":
    case "n":
    case "r":
    case "t":
    case "v":
    case "\\":
    case l.stringOpen:
      return lexString;
    case "0":
    case "1":
    case "2":
    case "3":
    case "4":
    case "5":
    case "6":
    case "7":
      [n, base, maxVal] = [3, 8, 255];
      break;
    case "x":
      ch = l.next();
      [n, base, maxVal] = [2, 16, 255];
      break;
    case "u":
      ch = l.next();
      [n, base, maxVal] = [4, 16, 0x10ffff];
      break;
    case "U":
      ch = l.next();
      [n, base, maxVal] = [8, 16, 0x10ffff];
      break;
    case EOF:
      return l.errorf("escape sequence not terminated");
    default:
      return l.errorf(`unknown escape sequence ${goUnicode(ch)}`);
  }
  let x = 0;
  while (n > 0) {
    const d = digitVal(ch);
    if (d >= base) {
      if (ch === EOF) return l.errorf("escape sequence not terminated");
      return l.errorf(`illegal character ${goUnicode(ch)} in escape sequence`);
    }
    x = x * base + d;
    n--;
    if (n > 0) ch = l.next();
  }
  if (x > maxVal || (x >= 0xd800 && x < 0xe000)) {
    return l.errorf("escape sequence is an invalid Unicode code point");
  }
  return lexString;
}

function skipSpaces(l: Lexer): void {
  while (isSpace(l.peek())) l.next();
  l.ignore();
}

function lexString(l: Lexer): StateFn | null {
  for (;;) {
    const r = l.next();
    if (r === "\\") return lexEscape;
    if (r === RUNE_ERROR) return l.errorf("invalid UTF-8 rune");
    if (r === EOF || r === "\n") return l.errorf("unterminated quoted string");
    if (r === l.stringOpen) break;
  }
  l.emit("STRING");
  return lexStatements;
}

function lexRawString(l: Lexer): StateFn | null {
  for (;;) {
    const r = l.next();
    if (r === RUNE_ERROR) return l.errorf("invalid UTF-8 rune");
    if (r === EOF) return l.errorf("unterminated raw string");
    if (r === l.stringOpen) break;
  }
  l.emit("STRING");
  return lexStatements;
}

function lexSpace(l: Lexer): StateFn | null {
  while (isSpace(l.peek())) l.next();
  l.ignore();
  return lexStatements;
}

function lexLineComment(l: Lexer): StateFn | null {
  l.pos += 1;
  let r = l.next();
  while (!isEndOfLine(r) && r !== EOF) r = l.next();
  l.backup();
  l.emit("COMMENT");
  return lexStatements;
}

function lexNumberOrDuration(l: Lexer): StateFn | null {
  if (l.scanNumber()) {
    l.emit("NUMBER");
    return lexStatements;
  }
  if (acceptRemainingDuration(l)) {
    l.backup();
    l.emit("DURATION");
    return lexStatements;
  }
  return l.errorf(`bad number or duration syntax: ${goQuote(l.input.slice(l.start, l.pos))}`);
}

function lexIdentifier(l: Lexer): StateFn | null {
  while (isAlphaNumeric(l.next())) {
    // absorb
  }
  l.backup();
  l.emit("IDENTIFIER");
  return lexStatements;
}

function lexKeywordOrIdentifier(l: Lexer): StateFn | null {
  for (;;) {
    const r = l.next();
    if (isAlphaNumeric(r) || r === ":") continue;
    l.backup();
    const word = l.input.slice(l.start, l.pos);
    const keyword = KEY[word.toLowerCase()];
    if (keyword) {
      // fill, fill_left and fill_right are keywords only before a parenthesis.
      const isFill = keyword === "FILL" || keyword === "FILL_LEFT" || keyword === "FILL_RIGHT";
      l.emit(isFill && !l.peekFollowedByLeftParen() ? "IDENTIFIER" : keyword);
    } else if (!word.includes(":")) {
      l.emit("IDENTIFIER");
    } else {
      l.emit("METRIC_IDENTIFIER");
    }
    return lexStatements;
  }
}

function lexDurationExpr(l: Lexer): StateFn | null {
  const r = l.next();
  switch (true) {
    case r === EOF:
      return l.errorf("unexpected end of input in duration expression");
    case r === "]":
      l.emit("RIGHT_BRACKET");
      l.bracketOpen = false;
      l.gotColon = false;
      return lexStatements;
    case r === ":":
      l.emit("COLON");
      if (!l.gotDuration) return l.errorf("unexpected colon before duration in duration expression");
      if (l.gotColon) return l.errorf("unexpected repeated colon in duration expression");
      l.gotColon = true;
      return lexDurationExpr;
    case r === "(":
      l.emit("LEFT_PAREN");
      l.parenDepth++;
      return lexDurationExpr;
    case r === ")":
      l.emit("RIGHT_PAREN");
      l.parenDepth--;
      if (l.parenDepth < 0) {
        l.start = l.pos - 1;
        return l.errorf(`unexpected right parenthesis ${goQuoteRune(r)}`);
      }
      return lexDurationExpr;
    case isSpace(r):
      skipSpaces(l);
      return lexDurationExpr;
    case r === "+":
      l.emit("ADD");
      return lexDurationExpr;
    case r === "-":
      l.emit("SUB");
      return lexDurationExpr;
    case r === "*":
      l.emit("MUL");
      return lexDurationExpr;
    case r === "/":
      l.emit("DIV");
      return lexDurationExpr;
    case r === "%":
      l.emit("MOD");
      return lexDurationExpr;
    case r === "^":
      l.emit("POW");
      return lexDurationExpr;
    case r === ",":
      l.emit("COMMA");
      return lexDurationExpr;
    case DURATION_KEYWORD_START.has(r.toLowerCase()):
      if (l.scanDurationKeyword()) return lexDurationExpr;
      return l.errorf(`unexpected character in duration expression: ${goQuoteRune(r)}`);
    case isDigit(r) || (r === "." && isDigit(l.peek())):
      l.backup();
      l.gotDuration = true;
      return lexNumberOrDuration;
    default:
      return l.errorf(`unexpected character in duration expression: ${goQuoteRune(r || "\ufffd")}`);
  }
}

const lexCache = new Map<string, LexResult>();
const LEX_CACHE_LIMIT = 20_000;

/** Lexes a PromQL expression as Prometheus does, up to the end or the first lexical error. */
export function lexPromql(input: string): LexResult {
  const cached = lexCache.get(input);
  if (cached) return cached;
  const l = new Lexer(input);
  let state: StateFn | null = lexStatements;
  while (state && !l.error) state = state(l);
  const result: LexResult = l.error ? { items: l.items, error: l.error } : { items: l.items };
  if (lexCache.size >= LEX_CACHE_LIMIT) lexCache.clear();
  lexCache.set(input, result);
  return result;
}
