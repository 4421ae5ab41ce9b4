/**
 * The syntax of Go's regexp package (RE2), which Prometheus compiles label matcher regexes with
 * (labels.NewFastRegexMatcher → regexp/syntax.Parse with Perl flags). A port of the error checks
 * of Go's regexp/syntax/parse.go, with its messages: `error parsing regexp: missing closing ):
 * `(foo``. JavaScript's RegExp accepts what RE2 refuses (`(?=`, `\1`, `a**`) and refuses what RE2
 * accepts (`(?i)`, `(?P<name>`, `[[:alpha:]]`), so it cannot stand in.
 *
 * It also answers whether the regex matches the empty string, which decides whether a selector such as
 * `{job=~".*"}` selects everything (parse.go: "vector selector must contain at least one non-empty
 * matcher").
 */

export type Re2Result = { ok: true; matchesEmpty: boolean } | { ok: false; message: string };

class RegexpError extends Error {
  constructor(
    readonly code: string,
    readonly expr: string,
  ) {
    super(`${code}: \`${expr}\``);
  }
}

/** A parsed piece: only what deciding "matches the empty string" needs. */
type Node =
  | { kind: "char" }
  | { kind: "empty" }
  | { kind: "assert"; emptyOk: boolean }
  | { kind: "concat"; parts: Node[] }
  | { kind: "alt"; options: Node[] }
  | { kind: "repeat"; min: number; sub: Node }
  | { kind: "group"; sub: Node };

function nullable(node: Node): boolean {
  switch (node.kind) {
    case "char":
      return false;
    case "empty":
      return true;
    case "assert":
      return node.emptyOk;
    case "concat":
      return node.parts.every(nullable);
    case "alt":
      return node.options.some(nullable);
    case "repeat":
      return node.min === 0 || nullable(node.sub);
    case "group":
      return nullable(node.sub);
  }
}

const POSIX_CLASSES = new Set([
  "alnum",
  "alpha",
  "ascii",
  "blank",
  "cntrl",
  "digit",
  "graph",
  "lower",
  "print",
  "punct",
  "space",
  "upper",
  "word",
  "xdigit",
]);

/** Go's unicode tables: "Any", the general categories (short names only) and the scripts. */
const UNICODE_CATEGORIES = new Set(
  "C Cc Cf Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs".split(
    " ",
  ),
);

function isUnicodeClassName(name: string): boolean {
  if (name === "Any" || UNICODE_CATEGORIES.has(name)) return true;
  if (!/^[A-Za-z_]+$/.test(name)) return false;
  try {
    new RegExp(`\\p{Script=${name}}`, "u");
    return true;
  } catch {
    return false;
  }
}

function isAlnum(c: string): boolean {
  return /^[0-9A-Za-z]$/.test(c);
}

function unhex(c: string): number {
  return /^[0-9a-fA-F]$/.test(c) ? Number.parseInt(c, 16) : -1;
}

interface Frame {
  /** Alternatives closed so far, each a concatenation. */
  options: Node[];
  parts: Node[];
}

class Re2Parser {
  private t: string;
  private readonly stack: Frame[] = [{ options: [], parts: [] }];
  private lastRepeat = "";

  constructor(private readonly whole: string) {
    this.t = whole;
  }

  private get frame(): Frame {
    return this.stack[this.stack.length - 1] as Frame;
  }

  parse(): Node {
    while (this.t !== "") {
      let repeat = "";
      const c = this.t[0] as string;
      switch (c) {
        case "(":
          if (this.t.startsWith("(?")) this.parsePerlFlags();
          else {
            this.t = this.t.slice(1);
            this.stack.push({ options: [], parts: [] });
          }
          break;
        case "|":
          this.frame.options.push(this.closeConcat());
          this.t = this.t.slice(1);
          break;
        case ")":
          this.parseRightParen();
          this.t = this.t.slice(1);
          break;
        case "^":
        case "$":
          this.push({ kind: "assert", emptyOk: true });
          this.t = this.t.slice(1);
          break;
        case ".":
          this.push({ kind: "char" });
          this.t = this.t.slice(1);
          break;
        case "[":
          this.parseClass();
          break;
        case "*":
        case "+":
        case "?": {
          const before = this.t;
          const after = this.repeat(c === "+" ? 1 : 0, before, this.t.slice(1));
          repeat = before;
          this.t = after;
          break;
        }
        case "{": {
          const before = this.t;
          const parsed = parseRepeat(this.t);
          if (!parsed) {
            this.push({ kind: "char" });
            this.t = this.t.slice(1);
            break;
          }
          const { min, max, rest } = parsed;
          if (min < 0 || min > 1000 || max > 1000 || (max >= 0 && min > max)) {
            throw new RegexpError("invalid repeat count", before.slice(0, before.length - rest.length));
          }
          this.t = this.repeat(min, before, rest);
          repeat = before;
          break;
        }
        case "\\":
          this.parseBackslash();
          break;
        default:
          this.push({ kind: "char" });
          this.t = this.t.slice(String.fromCodePoint(this.t.codePointAt(0) ?? 0).length);
      }
      this.lastRepeat = repeat;
    }
    if (this.stack.length !== 1) throw new RegexpError("missing closing )", this.whole);
    return this.closeAlternation();
  }

  private push(node: Node): void {
    this.frame.parts.push(node);
  }

  private closeConcat(): Node {
    const parts = this.frame.parts;
    this.frame.parts = [];
    if (parts.length === 0) return { kind: "empty" };
    return parts.length === 1 ? (parts[0] as Node) : { kind: "concat", parts };
  }

  private closeAlternation(): Node {
    const last = this.closeConcat();
    const options = [...this.frame.options, last];
    return options.length === 1 ? last : { kind: "alt", options };
  }

  private parseRightParen(): void {
    if (this.stack.length < 2) throw new RegexpError("unexpected )", this.whole);
    const sub = this.closeAlternation();
    this.stack.pop();
    this.push({ kind: "group", sub });
  }

  /** parse.go `repeat`: non-greedy `?`, no stacked repetition (`a**`), something to repeat. */
  private repeat(min: number, before: string, afterOp: string): string {
    let after = afterOp;
    if (after.startsWith("?")) after = after.slice(1);
    if (this.lastRepeat !== "") {
      throw new RegexpError(
        "invalid nested repetition operator",
        this.lastRepeat.slice(0, this.lastRepeat.length - after.length),
      );
    }
    const parts = this.frame.parts;
    const sub = parts.pop();
    if (!sub) {
      const operator = before.slice(0, before.length - after.length);
      throw new RegexpError("missing argument to repetition operator", operator);
    }
    parts.push({ kind: "repeat", min, sub });
    return after;
  }

  /** parse.go `parsePerlFlags`: `(?P<name>`, `(?<name>`, `(?flags)`, `(?flags:`. */
  private parsePerlFlags(): void {
    const t = this.t;
    if ((t.length > 4 && t[2] === "P" && t[3] === "<") || (t.length > 3 && t[2] === "<")) {
      const begin = t[2] === "P" ? 4 : 3;
      const end = t.indexOf(">");
      if (end < 0) throw new RegexpError("invalid named capture", t);
      const name = t.slice(begin, end);
      if (!/^[\p{L}\p{N}_]+$/u.test(name)) {
        throw new RegexpError("invalid named capture", t.slice(0, end + 1));
      }
      this.t = t.slice(end + 1);
      this.stack.push({ options: [], parts: [] });
      return;
    }
    let rest = t.slice(2);
    let sign = 1;
    let sawFlag = false;
    while (rest !== "") {
      const c = rest[0] as string;
      rest = rest.slice(1);
      if (c === "i" || c === "m" || c === "s" || c === "U") {
        sawFlag = true;
        continue;
      }
      if (c === "-") {
        if (sign < 0) break;
        sign = -1;
        sawFlag = false;
        continue;
      }
      if (c === ":" || c === ")") {
        if (sign < 0 && !sawFlag) break;
        if (c === ":") this.stack.push({ options: [], parts: [] });
        this.t = rest;
        return;
      }
      break;
    }
    throw new RegexpError("invalid or unsupported Perl syntax", t.slice(0, t.length - rest.length));
  }

  private parseBackslash(): void {
    const t = this.t;
    if (t.length >= 2) {
      switch (t[1]) {
        case "A":
        case "z":
          this.push({ kind: "assert", emptyOk: true });
          this.t = t.slice(2);
          return;
        case "b":
          this.push({ kind: "assert", emptyOk: false });
          this.t = t.slice(2);
          return;
        case "B":
          this.push({ kind: "assert", emptyOk: true });
          this.t = t.slice(2);
          return;
        case "C":
          throw new RegexpError("invalid escape sequence", t.slice(0, 2));
        case "Q": {
          const body = t.slice(2);
          const end = body.indexOf("\\E");
          const literal = end < 0 ? body : body.slice(0, end);
          for (const _ of literal) this.push({ kind: "char" });
          this.t = end < 0 ? "" : body.slice(end + 2);
          return;
        }
      }
    }
    const unicode = parseUnicodeClass(t);
    if (unicode !== undefined) {
      this.push({ kind: "char" });
      this.t = unicode;
      return;
    }
    if (/^\\[dDsSwW]/.test(t)) {
      this.push({ kind: "char" });
      this.t = t.slice(2);
      return;
    }
    this.t = parseEscape(t);
    this.push({ kind: "char" });
  }

  /** parse.go `parseClass`: `[...]`, with POSIX `[:alpha:]`, `\p{…}`, `\d` and ranges. */
  private parseClass(): void {
    const whole = this.t;
    let t = whole.slice(1);
    if (t.startsWith("^")) t = t.slice(1);
    let first = true;
    while (t === "" || t[0] !== "]" || first) {
      first = false;
      if (t.length > 2 && t[0] === "[" && t[1] === ":") {
        const end = t.indexOf(":]", 2);
        if (end >= 0) {
          const name = t.slice(0, end + 2);
          const bare = name.slice(2, -2).replace(/^\^/, "");
          if (!POSIX_CLASSES.has(bare)) throw new RegexpError("invalid character class range", name);
          t = t.slice(end + 2);
          continue;
        }
      }
      const unicode = parseUnicodeClass(t);
      if (unicode !== undefined) {
        t = unicode;
        continue;
      }
      if (/^\\[dDsSwW]/.test(t)) {
        t = t.slice(2);
        continue;
      }
      const range = t;
      const lo = parseClassChar(t, whole);
      t = lo.rest;
      let hi = lo.value;
      if (t.length >= 2 && t[0] === "-" && t[1] !== "]") {
        t = t.slice(1);
        const high = parseClassChar(t, whole);
        t = high.rest;
        hi = high.value;
        if (hi < lo.value) {
          throw new RegexpError("invalid character class range", range.slice(0, range.length - t.length));
        }
      }
    }
    this.t = t.slice(1);
    this.push({ kind: "char" });
  }
}

/** parse.go `parseRepeat`: `{n}`, `{n,}`, `{n,m}`; anything else leaves `{` a literal. */
function parseRepeat(s: string): { min: number; max: number; rest: string } | undefined {
  let t = s.slice(1);
  const first = parseRepeatInt(t);
  if (!first) return undefined;
  let min = first.value;
  let max: number;
  t = first.rest;
  if (t === "") return undefined;
  if (t[0] !== ",") max = min;
  else {
    t = t.slice(1);
    if (t === "") return undefined;
    if (t[0] === "}") max = -1;
    else {
      const second = parseRepeatInt(t);
      if (!second) return undefined;
      max = second.value;
      t = second.rest;
      if (max < 0) min = -1;
    }
  }
  if (t === "" || t[0] !== "}") return undefined;
  return { min, max, rest: t.slice(1) };
}

function parseRepeatInt(s: string): { value: number; rest: string } | undefined {
  const digits = /^[0-9]+/.exec(s)?.[0];
  if (!digits) return undefined;
  if (digits.length >= 2 && digits[0] === "0") return undefined;
  const value = digits.length > 8 ? -1 : Number(digits);
  return { value: value >= 1e8 ? -1 : value, rest: s.slice(digits.length) };
}

/** parse.go `parseUnicodeClass`: the rest after `\pL`, `\p{Greek}`, `\P{^Han}`; undefined when not one. */
function parseUnicodeClass(s: string): string | undefined {
  if (s.length < 2 || s[0] !== "\\" || (s[1] !== "p" && s[1] !== "P")) return undefined;
  const t = s.slice(2);
  let seq: string;
  let name: string;
  let rest: string;
  if (!t.startsWith("{")) {
    const letter = t === "" ? "" : String.fromCodePoint(t.codePointAt(0) ?? 0);
    seq = s.slice(0, 2 + letter.length);
    name = letter;
    rest = t.slice(letter.length);
  } else {
    const end = s.indexOf("}");
    if (end < 0) throw new RegexpError("invalid character class range", s);
    seq = s.slice(0, end + 1);
    name = s.slice(3, end);
    rest = s.slice(end + 1);
  }
  if (name.startsWith("^")) name = name.slice(1);
  if (!isUnicodeClassName(name)) throw new RegexpError("invalid character class range", seq);
  return rest;
}

function parseClassChar(s: string, wholeClass: string): { value: number; rest: string } {
  if (s === "") throw new RegexpError("missing closing ]", wholeClass);
  if (s[0] === "\\") {
    const rest = parseEscape(s);
    return { value: escapeValue(s.slice(0, s.length - rest.length)), rest };
  }
  const char = String.fromCodePoint(s.codePointAt(0) ?? 0);
  return { value: char.codePointAt(0) ?? 0, rest: s.slice(char.length) };
}

const C_ESCAPES: Readonly<Record<string, number>> = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 };

/** The code point an escape sequence (already validated by parseEscape) stands for. */
function escapeValue(sequence: string): number {
  const body = sequence.slice(1);
  const c = body[0] ?? "";
  if (C_ESCAPES[c] !== undefined) return C_ESCAPES[c];
  if (/^[0-7]/.test(body)) return Number.parseInt(body, 8);
  if (c === "x") return Number.parseInt(body.replace(/^x\{?|\}$/g, ""), 16);
  return body.codePointAt(0) ?? 0;
}

/** parse.go `parseEscape`: the rest after one escape sequence, or "invalid escape sequence". */
function parseEscape(s: string): string {
  let t = s.slice(1);
  if (t === "") throw new RegexpError("trailing backslash at end of expression", "");
  const c = String.fromCodePoint(t.codePointAt(0) ?? 0);
  t = t.slice(c.length);
  const invalid = (): never => {
    throw new RegexpError("invalid escape sequence", s.slice(0, s.length - t.length));
  };
  if (c.length === 1 && c < "\x80" && !isAlnum(c)) return t;
  if (c >= "1" && c <= "7" && c.length === 1) {
    if (t === "" || t[0] === undefined || t[0] < "0" || t[0] > "7") return invalid();
  }
  if (c >= "0" && c <= "7" && c.length === 1) {
    for (let i = 1; i < 3 && t !== "" && (t[0] ?? "") >= "0" && (t[0] ?? "") <= "7"; i++) t = t.slice(1);
    return t;
  }
  if (c === "x") {
    if (t === "") return invalid();
    const next = String.fromCodePoint(t.codePointAt(0) ?? 0);
    t = t.slice(next.length);
    if (next === "{") {
      let digits = 0;
      let value = 0;
      for (;;) {
        if (t === "") return invalid();
        const d = String.fromCodePoint(t.codePointAt(0) ?? 0);
        t = t.slice(d.length);
        if (d === "}") break;
        const v = unhex(d);
        if (v < 0) return invalid();
        value = value * 16 + v;
        if (value > 0x10ffff) return invalid();
        digits++;
      }
      if (digits === 0) return invalid();
      return t;
    }
    const y = t === "" ? "" : String.fromCodePoint(t.codePointAt(0) ?? 0);
    t = t.slice(y.length);
    if (unhex(next) < 0 || unhex(y) < 0) return invalid();
    return t;
  }
  if (C_ESCAPES[c] !== undefined) return t;
  return invalid();
}

const cache = new Map<string, Re2Result>();

/** Checks a label matcher regex as Prometheus compiles it. */
export function checkRe2(pattern: string): Re2Result {
  const cached = cache.get(pattern);
  if (cached) return cached;
  let result: Re2Result;
  try {
    result = { ok: true, matchesEmpty: nullable(new Re2Parser(pattern).parse()) };
  } catch (error) {
    if (!(error instanceof RegexpError)) throw error;
    result = { ok: false, message: `error parsing regexp: ${error.message}` };
  }
  if (cache.size > 10_000) cache.clear();
  cache.set(pattern, result);
  return result;
}
