import { escapeRegExpLiteral, POSIX_CLASSES } from "../../go/regexp-syntax";
import { checkRe2 } from "../../promql/re2";

/**
 * Alertmanager compiles regex matchers with Go's regexp package as `^(?:value)$`. JavaScript's
 * RegExp differs from RE2 in ways that change answers, not just syntax: `.` excludes `\r` and
 * U+2028 in JavaScript but only `\n` in Go; `\s` is Unicode-wide in JavaScript and ASCII in Go;
 * Go has inline flags `(?i)`, `(?s)`, `\Q…\E`, `\z` and POSIX classes. This translates an RE2
 * pattern (already accepted by checkRe2) into an equivalent JavaScript one, or throws
 * UnsupportedRegexpError for the rare constructs it does not translate (Unicode classes `\p`).
 */

export class UnsupportedRegexpError extends Error {
  constructor(
    readonly pattern: string,
    construct: string,
  ) {
    super(`regular expression "${pattern}": ${construct} is not supported by Obsforge's routing engine`);
    this.name = "UnsupportedRegexpError";
  }
}

export class InvalidRegexpError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidRegexpError";
  }
}

interface Flags {
  i: boolean;
  s: boolean;
  m: boolean;
  U: boolean;
}

const GO_SPACE = "\\t\\n\\f\\r ";

function caseVariants(char: string): string {
  const lower = char.toLowerCase();
  const upper = char.toUpperCase();
  if (lower === upper || lower.length !== 1 || upper.length !== 1) return escapeRegExpLiteral(char);
  return `[${lower}${upper}]`;
}

/** A class member range made case-insensitive: `a-f` also gets `A-F`. */
function foldRange(from: string, to: string): string {
  const a = from.codePointAt(0) ?? 0;
  const b = to.codePointAt(0) ?? 0;
  let extra = "";
  const lo = Math.max(a, 0x61);
  const hi = Math.min(b, 0x7a);
  if (lo <= hi) extra += `${String.fromCharCode(lo - 32)}-${String.fromCharCode(hi - 32)}`;
  const lo2 = Math.max(a, 0x41);
  const hi2 = Math.min(b, 0x5a);
  if (lo2 <= hi2) extra += `${String.fromCharCode(lo2 + 32)}-${String.fromCharCode(hi2 + 32)}`;
  return extra;
}

function classChar(char: string): string {
  return /[\\\]^[-]/.test(char) ? `\\${char}` : char;
}

class Translator {
  private pos = 0;
  private readonly out: string[] = [];

  constructor(private readonly src: string) {}

  translate(): string {
    this.sequence({ i: false, s: false, m: false, U: false }, false);
    return this.out.join("");
  }

  private peek(offset = 0): string {
    return this.src[this.pos + offset] ?? "";
  }

  /** Reads until the end of the pattern or, inside a group, its closing parenthesis. */
  private sequence(outer: Flags, inGroup: boolean): void {
    const flags = { ...outer };
    while (this.pos < this.src.length) {
      const c = this.src[this.pos] as string;
      if (c === ")" && inGroup) return;
      this.pos++;
      switch (c) {
        case "\\":
          this.escape(flags);
          break;
        case "[":
          this.charClass(flags);
          break;
        case "(":
          this.group(flags);
          break;
        case ".":
          this.out.push(flags.s ? "[\\s\\S]" : "[^\\n]");
          break;
        case "^":
          this.out.push(flags.m ? "(?<=^|\\n)" : "^");
          break;
        case "$":
          this.out.push(flags.m ? "(?=\\n|$)" : "$");
          break;
        case "*":
        case "+":
        case "?":
          this.out.push(c);
          this.greediness(flags);
          break;
        case "{": {
          const repeat = /^\{\d+(?:,\d*)?\}/.exec(this.src.slice(this.pos - 1));
          if (repeat) {
            this.out.push(repeat[0]);
            this.pos += repeat[0].length - 1;
            this.greediness(flags);
          } else {
            this.out.push("\\{");
          }
          break;
        }
        case "|":
          this.out.push("|");
          break;
        default:
          this.out.push(flags.i ? caseVariants(c) : escapeRegExpLiteral(c));
      }
    }
  }

  /** Go's `U` flag swaps greedy and lazy quantifiers. */
  private greediness(flags: Flags): void {
    const lazy = this.peek() === "?";
    if (lazy) this.pos++;
    if (lazy !== flags.U) this.out.push("?");
  }

  private group(flags: Flags): void {
    if (this.peek() !== "?") {
      this.out.push("(");
      this.sequence(flags, true);
      this.pos++;
      this.out.push(")");
      return;
    }
    this.pos++;
    const named = /^(?:P?<[A-Za-z0-9_]+>)/.exec(this.src.slice(this.pos));
    if (named) {
      this.pos += named[0].length;
      this.out.push("(?:");
      this.sequence(flags, true);
      this.pos++;
      this.out.push(")");
      return;
    }
    const spec = /^([imsU]*)(?:-([imsU]*))?([:)])/.exec(this.src.slice(this.pos));
    if (!spec) throw new UnsupportedRegexpError(this.src, `the group at offset ${this.pos - 2}`);
    this.pos += spec[0].length;
    const next = { ...flags };
    for (const f of spec[1] ?? "") next[f as keyof Flags] = true;
    for (const f of spec[2] ?? "") next[f as keyof Flags] = false;
    if (spec[3] === ")") {
      // `(?i)` changes the flags of the rest of the enclosing group.
      Object.assign(flags, next);
      return;
    }
    this.out.push("(?:");
    this.sequence(next, true);
    this.pos++;
    this.out.push(")");
  }

  private escape(flags: Flags): void {
    const c = this.src[this.pos++] ?? "";
    switch (c) {
      case "Q": {
        const end = this.src.indexOf("\\E", this.pos);
        const literal = end < 0 ? this.src.slice(this.pos) : this.src.slice(this.pos, end);
        this.pos = end < 0 ? this.src.length : end + 2;
        for (const char of literal) this.out.push(flags.i ? caseVariants(char) : escapeRegExpLiteral(char));
        return;
      }
      case "A":
        this.out.push("^");
        return;
      case "z":
        this.out.push("$");
        return;
      case "s":
        this.out.push(`[${GO_SPACE}]`);
        return;
      case "S":
        this.out.push(`[^${GO_SPACE}]`);
        return;
      case "p":
      case "P":
        throw new UnsupportedRegexpError(this.src, `the Unicode class \\${c}`);
      case "x":
        this.out.push(this.hexEscape());
        return;
      default:
        if (flags.i && /[a-zA-Z]/.test(c) && !/[dDwWbBfnrtv]/.test(c)) {
          this.out.push(caseVariants(c));
          return;
        }
        this.out.push(`\\${c}`);
    }
  }

  private hexEscape(): string {
    if (this.peek() === "{") {
      const end = this.src.indexOf("}", this.pos);
      const code = Number.parseInt(this.src.slice(this.pos + 1, end), 16);
      this.pos = end + 1;
      if (code > 0xffff) throw new UnsupportedRegexpError(this.src, "a code point above U+FFFF");
      return `\\u${code.toString(16).padStart(4, "0")}`;
    }
    const hex = this.src.slice(this.pos, this.pos + 2);
    this.pos += 2;
    return `\\x${hex}`;
  }

  private charClass(flags: Flags): void {
    let negated = false;
    if (this.peek() === "^") {
      negated = true;
      this.pos++;
    }
    const parts: string[] = [];
    let first = true;
    while (this.pos < this.src.length) {
      const c = this.src[this.pos] as string;
      if (c === "]" && !first) {
        this.pos++;
        break;
      }
      first = false;
      const posix = /^\[:(\^?)([a-z]+):\]/.exec(this.src.slice(this.pos));
      if (posix) {
        this.pos += posix[0].length;
        const set = POSIX_CLASSES[posix[2] ?? ""];
        if (set === undefined || posix[1] === "^")
          throw new UnsupportedRegexpError(this.src, `the class ${posix[0]}`);
        parts.push(set);
        continue;
      }
      const low = this.classAtom();
      if (this.peek() === "-" && this.peek(1) !== "]" && this.peek(1) !== "") {
        this.pos++;
        const high = this.classAtom();
        parts.push(`${low.text}-${high.text}`);
        if (flags.i && low.char && high.char) parts.push(foldRange(low.char, high.char));
      } else {
        parts.push(low.text);
        if (flags.i && low.char && low.char.toLowerCase() !== low.char.toUpperCase())
          parts.push(classChar(low.char.toLowerCase()), classChar(low.char.toUpperCase()));
      }
    }
    this.out.push(`[${negated ? "^" : ""}${parts.join("")}]`);
  }

  /** One member of a class: its JavaScript text and, for a single character, the character. */
  private classAtom(): { text: string; char?: string } {
    const c = this.src[this.pos++] ?? "";
    if (c !== "\\") return { text: classChar(c), char: c };
    const e = this.src[this.pos++] ?? "";
    switch (e) {
      case "s":
        return { text: GO_SPACE };
      case "d":
      case "w":
      case "D":
      case "W":
        return { text: `\\${e}` };
      case "S":
      case "p":
      case "P":
        throw new UnsupportedRegexpError(this.src, `\\${e} inside a class`);
      case "x": {
        const text = this.hexEscape();
        return { text, char: String.fromCharCode(Number.parseInt(text.slice(2), 16)) };
      }
      case "n":
        return { text: "\\n", char: "\n" };
      case "t":
        return { text: "\\t", char: "\t" };
      case "r":
        return { text: "\\r", char: "\r" };
      case "f":
        return { text: "\\f", char: "\f" };
      case "v":
        return { text: "\\v", char: "\v" };
      default:
        return { text: classChar(e), char: e };
    }
  }
}

const compiled = new Map<string, RegExp>();

/**
 * The JavaScript RegExp that matches exactly the strings Alertmanager's `^(?:pattern)$` matches.
 * Throws InvalidRegexpError (Go's message) when RE2 refuses the pattern.
 */
export function compileAnchoredGoRegexp(pattern: string): RegExp {
  const cached = compiled.get(pattern);
  if (cached) return cached;
  const check = checkRe2(pattern);
  if (!check.ok) throw new InvalidRegexpError(check.message);
  const regexp = new RegExp(`^(?:${new Translator(pattern).translate()})$`);
  if (compiled.size > 10_000) compiled.clear();
  compiled.set(pattern, regexp);
  return regexp;
}
