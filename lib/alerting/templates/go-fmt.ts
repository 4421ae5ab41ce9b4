/**
 * Go's fmt (Sprint, Sprintln, Sprintf) and strconv.FormatFloat over template values. Annotations
 * are compared byte for byte, so float digits, `map[a:b]`, `%!d(string=x)` and padding follow Go.
 */
import { goQuote } from "../../go/quote";
import { compareGoStrings } from "../../go/unicode";
import {
  type GoValue,
  INVALID,
  indirectInterface,
  isIntKind,
  isUintKind,
  typeString,
  type Value,
} from "./values";

/** strconv.CanBackquote: no backquote and no control characters other than tab. */
const canBackquote = (s: string): boolean =>
  [...s].every((c) => c !== "`" && c !== "\u007f" && (c >= " " || c === "\t"));

/** A non-negative decimal: 0.d1d2d3… × 10^dp, no leading or trailing zeros ("" is zero). */
interface Decimal {
  d: string;
  dp: number;
}

function trimmed(d: string, dp: number): Decimal {
  const digits = d.replace(/0+$/, "");
  return digits === "" ? { d: "", dp: 0 } : { d: digits, dp };
}

/** Every finite double is a finite decimal fraction; this is it, exactly. */
function exactDecimal(f: number): Decimal {
  if (f === 0) return { d: "", dp: 0 };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, f);
  const bits = view.getBigUint64(0);
  const exp = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & 0xfffffffffffffn;
  const mant = exp === 0 ? frac : frac | (1n << 52n);
  const e2 = (exp === 0 ? 1 : exp) - 1075;
  if (e2 >= 0) {
    const s = (mant << BigInt(e2)).toString();
    return trimmed(s, s.length);
  }
  const s = (mant * 5n ** BigInt(-e2)).toString();
  return trimmed(s, s.length + e2);
}

/** The shortest decimal that reads back as the same double (JavaScript and Go agree on it). */
function shortestDecimal(f: number): Decimal {
  if (f === 0) return { d: "", dp: 0 };
  const [m = "", e = "0"] = f.toExponential().split("e");
  return trimmed(m.replace(".", ""), Number(e) + 1);
}

/** decimal.Round(nd) of strconv: half to even on exact ties, nothing when nd is out of range. */
function roundDecimal(a: Decimal, nd: number): Decimal {
  if (nd < 0 || nd >= a.d.length) return a;
  const next = a.d[nd] ?? "0";
  const up = next === "5" && nd + 1 === a.d.length ? nd > 0 && Number(a.d[nd - 1]) % 2 === 1 : next >= "5";
  if (!up) return trimmed(a.d.slice(0, nd), a.dp);
  for (let i = nd - 1; i >= 0; i--) {
    if (a.d[i] !== "9") return trimmed(a.d.slice(0, i) + String(Number(a.d[i]) + 1), a.dp);
  }
  return { d: "1", dp: a.dp + 1 };
}

const digitAt = (a: Decimal, i: number): string => (i >= 0 && i < a.d.length ? (a.d[i] ?? "0") : "0");

function fmtE(a: Decimal, prec: number, e: string): string {
  let out = a.d === "" ? "0" : digitAt(a, 0);
  if (prec > 0) {
    out += ".";
    for (let i = 1; i <= prec; i++) out += digitAt(a, i);
  }
  const exp = a.d === "" ? 0 : a.dp - 1;
  return `${out}${e}${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
}

function fmtF(a: Decimal, prec: number): string {
  let out = "";
  if (a.dp > 0) for (let i = 0; i < a.dp; i++) out += digitAt(a, i);
  else out = "0";
  if (prec > 0) {
    out += ".";
    for (let i = 0; i < prec; i++) out += digitAt(a, a.dp + i);
  }
  return out;
}

/** strconv.FormatFloat(f, fmt, prec, 64) for fmt in e E f g G; prec -1 means shortest. */
export function formatFloat(f: number, fmt: string, prec: number): string {
  if (Number.isNaN(f)) return "NaN";
  if (f === Number.POSITIVE_INFINITY) return "+Inf";
  if (f === Number.NEGATIVE_INFINITY) return "-Inf";
  const neg = f < 0 || Object.is(f, -0) ? "-" : "";
  const abs = Math.abs(f);
  const shortest = prec < 0;
  let digs: Decimal;
  let p = prec;
  const lower = fmt.toLowerCase();
  const e = fmt === "E" || fmt === "G" ? "E" : "e";
  if (shortest) {
    digs = shortestDecimal(abs);
    p =
      lower === "e"
        ? digs.d.length - 1
        : lower === "f"
          ? Math.max(digs.d.length - digs.dp, 0)
          : digs.d.length;
  } else {
    const exact = exactDecimal(abs);
    if (lower === "e") digs = roundDecimal(exact, p + 1);
    else if (lower === "f") digs = roundDecimal(exact, exact.dp + p);
    else {
      if (p === 0) p = 1;
      digs = roundDecimal(exact, p);
    }
  }
  if (lower === "e") return neg + fmtE(digs, p, e);
  if (lower === "f") return neg + fmtF(digs, p);
  let eprec = p;
  if (eprec > digs.d.length && digs.d.length >= digs.dp) eprec = digs.d.length;
  if (shortest) eprec = 6;
  const exp = digs.dp - 1;
  if (exp < -4 || exp >= eprec) {
    if (p > digs.d.length) p = digs.d.length;
    return neg + fmtE(digs, p - 1, e);
  }
  if (p > digs.dp) p = digs.d.length;
  return neg + fmtF(digs, Math.max(p - digs.dp, 0));
}

/** strconv.FormatFloat(f, 'x', -1, 64): `0x1.999999999999ap-04`. */
function hexFloat(f: number, upper: boolean): string {
  let text: string;
  if (Number.isNaN(f)) text = "NaN";
  else if (!Number.isFinite(f)) text = f > 0 ? "+Inf" : "-Inf";
  else {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, f);
    const bits = view.getBigUint64(0);
    const sign = bits >> 63n ? "-" : "";
    let exp = Number((bits >> 52n) & 0x7ffn);
    let mant = bits & 0xfffffffffffffn;
    if (exp === 0 && mant === 0n) text = `${sign}0x0p+00`;
    else {
      if (exp === 0) {
        // Subnormal: shift until the implicit leading 1 appears.
        exp = 1;
        while ((mant & (1n << 52n)) === 0n) {
          mant <<= 1n;
          exp--;
        }
        mant &= 0xfffffffffffffn;
      }
      const e = exp - 1023;
      const frac = mant.toString(16).padStart(13, "0").replace(/0+$/, "");
      const magnitude = String(Math.abs(e)).padStart(2, "0");
      text = `${sign}0x1${frac ? `.${frac}` : ""}p${e < 0 ? "-" : "+"}${magnitude}`;
    }
  }
  return upper ? text.toUpperCase() : text;
}

interface Flags {
  plus: boolean;
  minus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  plusV: boolean;
  sharpV: boolean;
  wid?: number;
  prec?: number;
}

const noFlags = (): Flags => ({
  plus: false,
  minus: false,
  sharp: false,
  space: false,
  zero: false,
  plusV: false,
  sharpV: false,
});

/** Go stores pointers as addresses; there are none here, so every pointer prints the same. */
const POINTER_TEXT = "0xc000010000";

class Printer {
  buf = "";
  f: Flags = noFlags();

  private padding(n: number): string {
    return n > 0 ? (this.f.zero ? "0" : " ").repeat(n) : "";
  }

  pad(s: string): void {
    const width = (this.f.wid ?? 0) - [...s].length;
    if (this.f.wid === undefined || width <= 0) {
      this.buf += s;
    } else if (!this.f.minus) {
      this.buf += this.padding(width) + s;
    } else {
      this.buf += s + " ".repeat(width);
    }
  }

  padString(s: string): void {
    this.pad(this.f.prec !== undefined ? [...s].slice(0, this.f.prec).join("") : s);
  }

  badVerb(verb: string, arg: Value): void {
    this.buf += `%!${verb}(`;
    if (arg === INVALID) this.buf += "<nil>";
    else {
      this.buf += `${typeString(arg.type)}=`;
      this.printValue(arg, "v", 0);
    }
    this.buf += ")";
  }

  fmtFloat(v: number, verb: string, arg: GoValue): void {
    let fmt: string;
    let prec = -1;
    switch (verb) {
      case "v":
        fmt = "g";
        break;
      case "g":
      case "G":
        fmt = verb;
        break;
      case "x":
      case "X":
        if (this.f.prec === undefined) {
          this.pad(hexFloat(v, verb === "X"));
          return;
        }
        this.badVerb(verb, arg);
        return;
      case "e":
      case "E":
      case "f":
        fmt = verb;
        prec = 6;
        break;
      case "F":
        fmt = "f";
        prec = 6;
        break;
      default:
        this.badVerb(verb, arg);
        return;
    }
    if (this.f.prec !== undefined) prec = this.f.prec;
    let num = formatFloat(v, fmt, prec);
    if (num[0] !== "-" && num[0] !== "+") num = `+${num}`;
    if (this.f.space && num[0] === "+" && !this.f.plus) num = ` ${num.slice(1)}`;
    if (num[1] === "I" || num[1] === "N") {
      const oldZero = this.f.zero;
      this.f.zero = false;
      if (num[1] === "N" && !this.f.space && !this.f.plus) num = num.slice(1);
      this.pad(num);
      this.f.zero = oldZero;
      return;
    }
    if (this.f.plus || num[0] !== "+") {
      if (this.f.zero && this.f.wid !== undefined && this.f.wid > num.length) {
        this.buf += num[0] + "0".repeat(this.f.wid - num.length) + num.slice(1);
        return;
      }
      this.pad(num);
      return;
    }
    this.pad(num.slice(1));
  }

  fmtInteger(v: bigint, verb: string, arg: GoValue): void {
    const bases: Record<string, number> = { v: 10, d: 10, b: 2, o: 8, O: 8, x: 16, X: 16 };
    const base = bases[verb];
    if (verb === "c") {
      this.pad(String.fromCodePoint(Number(v) > 0x10ffff || v < 0n ? 0xfffd : Number(v)));
      return;
    }
    if (verb === "q") {
      this.pad(goQuote(String.fromCodePoint(Number(v) > 0x10ffff || v < 0n ? 0xfffd : Number(v)), "'"));
      return;
    }
    if (verb === "U") {
      this.pad(`U+${v.toString(16).toUpperCase().padStart(4, "0")}`);
      return;
    }
    if (base === undefined) {
      this.badVerb(verb, arg);
      return;
    }
    const negative = v < 0n;
    const u = negative ? -v : v;
    let prec = 0;
    if (this.f.prec !== undefined) {
      prec = this.f.prec;
      if (prec === 0 && u === 0n) {
        const oldZero = this.f.zero;
        this.f.zero = false;
        this.buf += this.padding(this.f.wid ?? 0);
        this.f.zero = oldZero;
        return;
      }
    } else if (this.f.zero && this.f.wid !== undefined) {
      prec = this.f.wid;
      if (negative || this.f.plus || this.f.space) prec--;
    }
    let digits = u.toString(base);
    if (verb === "X") digits = digits.toUpperCase();
    digits = digits.padStart(prec, "0");
    if (this.f.sharp) {
      if (base === 2) digits = `0b${digits}`;
      else if (base === 8 && digits[0] !== "0") digits = `0${digits}`;
      else if (base === 16) digits = (verb === "X" ? "0X" : "0x") + digits;
    }
    if (verb === "O") digits = `0o${digits}`;
    const sign = negative ? "-" : this.f.plus ? "+" : this.f.space ? " " : "";
    const oldZero = this.f.zero;
    this.f.zero = false;
    this.pad(sign + digits);
    this.f.zero = oldZero;
  }

  fmtString(s: string, verb: string, arg: GoValue): void {
    switch (verb) {
      case "v":
      case "s":
        this.padString(s);
        return;
      case "x":
      case "X": {
        const bytes = [...new TextEncoder().encode(this.f.prec !== undefined ? s.slice(0, this.f.prec) : s)];
        const hex = bytes.map((b) => b.toString(16).padStart(2, "0"));
        const sep = this.f.space ? " " : "";
        const prefix = this.f.sharp ? "0x" : "";
        let out = this.f.space ? hex.map((h) => prefix + h).join(sep) : prefix + hex.join("");
        if (verb === "X") out = out.toUpperCase();
        this.pad(out);
        return;
      }
      case "q":
        this.pad(this.f.sharp && canBackquote(s) ? `\`${s}\`` : goQuote(s));
        return;
      default:
        this.badVerb(verb, arg);
    }
  }

  /** handleMethods: a value whose type has String() prints through it for %v %s %q %x %X. */
  handleMethods(value: GoValue, verb: string): boolean {
    const receiver = value.type.kind === "ptr" ? (value.v as GoValue | null) : value;
    const methods = value.type.kind === "ptr" ? value.type.elem?.methods : value.type.methods;
    const stringer = methods?.String;
    if (!stringer || !"vsxXq".includes(verb)) return false;
    if (receiver === null) {
      this.pad("<nil>");
      return true;
    }
    const text = stringer.call(receiver, []).v as string;
    this.fmtString(text, verb, value);
    return true;
  }

  printValue(value: GoValue, verb: string, depth: number): void {
    if (depth > 0 && this.handleMethods(value, verb)) return;
    switch (value.type.kind) {
      case "bool":
        if (verb === "t" || verb === "v") this.pad(value.v ? "true" : "false");
        else this.badVerb(verb, value);
        return;
      case "float64":
        this.fmtFloat(value.v as number, verb, value);
        return;
      case "complex128": {
        if (!"vbgGxXfFeE".includes(verb)) {
          this.badVerb(verb, value);
          return;
        }
        const c = value.v as { re: number; im: number };
        const oldPlus = this.f.plus;
        this.buf += "(";
        this.fmtFloat(c.re, verb, value);
        this.f.plus = true;
        this.fmtFloat(c.im, verb, value);
        this.buf += "i)";
        this.f.plus = oldPlus;
        return;
      }
      case "string":
        this.fmtString(value.v as string, verb, value);
        return;
      case "map": {
        this.buf += "map[";
        const entries = [
          ...((value.v as Map<string, GoValue> | null) ?? new Map<string, GoValue>()).entries(),
        ];
        entries.sort(([a], [b]) => compareGoStrings(a, b));
        entries.forEach(([k, v], i) => {
          if (i > 0) this.buf += " ";
          this.printValue({ type: value.type.key ?? { kind: "string" }, v: k }, verb, depth + 1);
          this.buf += ":";
          this.printValue(v, verb, depth + 1);
        });
        this.buf += "]";
        return;
      }
      case "struct": {
        this.buf += "{";
        const fields = value.type.fields ?? [];
        const record = value.v as Record<string, GoValue>;
        fields.forEach((field, i) => {
          if (i > 0) this.buf += " ";
          if (this.f.plusV) this.buf += `${field.name}:`;
          const fieldValue = record[field.name];
          if (fieldValue) this.printValue(fieldValue, verb, depth + 1);
        });
        this.buf += "}";
        return;
      }
      case "interface": {
        const inner = value.v as GoValue | null;
        if (inner === null) this.buf += "<nil>";
        else this.printValue(inner, verb, depth + 1);
        return;
      }
      case "slice": {
        this.buf += "[";
        ((value.v as GoValue[] | null) ?? []).forEach((item, i) => {
          if (i > 0) this.buf += " ";
          this.printValue(item, verb, depth + 1);
        });
        this.buf += "]";
        return;
      }
      case "ptr": {
        const target = value.v as GoValue | null;
        if (depth === 0 && target !== null && ["slice", "struct", "map"].includes(target.type.kind)) {
          this.buf += "&";
          this.printValue(target, verb, depth + 1);
          return;
        }
        if (verb === "v" || verb === "p") this.pad(target === null ? "<nil>" : POINTER_TEXT);
        else this.badVerb(verb, value);
        return;
      }
      case "func":
        this.pad(POINTER_TEXT);
        return;
      default:
        if (isIntKind(value.type.kind) || isUintKind(value.type.kind)) {
          this.fmtInteger(value.v as bigint, verb, value);
        }
    }
  }

  printArg(argument: Value, verb: string): void {
    const arg = indirectInterface(argument);
    if (arg === INVALID) {
      if (verb === "T" || verb === "v") this.pad("<nil>");
      else this.badVerb(verb, arg);
      return;
    }
    if (verb === "T") {
      this.padString(typeString(arg.type));
      return;
    }
    if (verb === "p") {
      this.pad(arg.v === null ? "%!p(<nil>)" : POINTER_TEXT);
      return;
    }
    if (this.handleMethods(arg, verb)) return;
    this.printValue(arg, verb, 0);
  }
}

const isStringArg = (arg: Value): boolean => {
  const v = indirectInterface(arg);
  return v !== INVALID && v.type.kind === "string";
};

/** fmt.Sprint: spaces between operands when neither side is a string. */
export function sprint(args: readonly Value[]): string {
  const p = new Printer();
  let prevString = false;
  args.forEach((arg, i) => {
    const isString = isStringArg(arg);
    if (i > 0 && !isString && !prevString) p.buf += " ";
    p.printArg(arg, "v");
    prevString = isString;
  });
  return p.buf;
}

/** fmt.Sprintln: spaces between all operands and a newline. */
export function sprintln(args: readonly Value[]): string {
  const p = new Printer();
  args.forEach((arg, i) => {
    if (i > 0) p.buf += " ";
    p.printArg(arg, "v");
  });
  return `${p.buf}\n`;
}

const tooLarge = (n: number): boolean => n > 1e6 || n < -1e6;

/** intFromArg: the next argument as a width or precision. */
function intFromArg(args: readonly Value[], argNum: number): { num: number; isInt: boolean; argNum: number } {
  if (argNum >= args.length) return { num: 0, isInt: false, argNum };
  const v = indirectInterface(args[argNum] ?? INVALID);
  let num = 0;
  let isInt = false;
  if (v !== INVALID && (isIntKind(v.type.kind) || isUintKind(v.type.kind))) {
    num = Number(v.v as bigint);
    isInt = true;
  }
  if (tooLarge(num)) return { num: 0, isInt: false, argNum: argNum + 1 };
  return { num, isInt, argNum: argNum + 1 };
}

/** parsenum: digits at `start`; `isnum` false when there are none. */
function parsenum(s: string, start: number, end: number): { num: number; isnum: boolean; newi: number } {
  if (start >= end) return { num: 0, isnum: false, newi: end };
  let num = 0;
  let isnum = false;
  let newi = start;
  for (
    ;
    newi < end && s[newi] !== undefined && (s[newi] as string) >= "0" && (s[newi] as string) <= "9";
    newi++
  ) {
    if (tooLarge(num)) return { num: 0, isnum: false, newi: end };
    num = num * 10 + Number(s[newi]);
    isnum = true;
  }
  return { num, isnum, newi };
}

/** fmt.Sprintf (doPrintf), with Go's %!verb(type=value), %!d(MISSING), %!(EXTRA …) and %!(NOVERB) forms. */
export function sprintf(format: string, args: readonly Value[]): string {
  const p = new Printer();
  const end = format.length;
  let argNum = 0;
  let afterIndex = false;
  let reordered = false;
  let goodArgNum = true;
  const argNumber = (i: number): { argNum: number; i: number; found: boolean } => {
    if (i >= end || format[i] !== "[") return { argNum, i, found: false };
    reordered = true;
    const rest = format.slice(i);
    let index = 0;
    let wid = 1;
    let ok = false;
    if (rest.length >= 3) {
      const close = rest.indexOf("]", 1);
      if (close >= 0) {
        const parsed = parsenum(rest, 1, close);
        wid = close + 1;
        if (parsed.isnum && parsed.newi === close) {
          index = parsed.num - 1;
          ok = true;
        }
      }
    }
    if (ok && index >= 0 && index < args.length) return { argNum: index, i: i + wid, found: true };
    goodArgNum = false;
    return { argNum, i: i + wid, found: ok };
  };
  const asVerb = (verb: string): void => {
    if (verb === "v") {
      p.f.sharpV = p.f.sharp;
      p.f.sharp = false;
      p.f.plusV = p.f.plus;
      p.f.plus = false;
    }
  };
  let i = 0;
  formatLoop: while (i < end) {
    goodArgNum = true;
    const lasti = i;
    while (i < end && format[i] !== "%") i++;
    if (i > lasti) p.buf += format.slice(lasti, i);
    if (i >= end) break;
    i++;
    p.f = noFlags();
    simpleFormat: for (; i < end; i++) {
      const c = format[i] ?? "";
      switch (c) {
        case "#":
          p.f.sharp = true;
          break;
        case "0":
          p.f.zero = !p.f.minus;
          break;
        case "+":
          p.f.plus = true;
          break;
        case "-":
          p.f.minus = true;
          p.f.zero = false;
          break;
        case " ":
          p.f.space = true;
          break;
        default:
          if (c >= "a" && c <= "z" && argNum < args.length) {
            asVerb(c);
            p.printArg(args[argNum] ?? INVALID, c);
            argNum++;
            i++;
            continue formatLoop;
          }
          break simpleFormat;
      }
    }
    ({ argNum, i, found: afterIndex } = argNumber(i));
    if (i < end && format[i] === "*") {
      i++;
      const width = intFromArg(args, argNum);
      argNum = width.argNum;
      if (!width.isInt) p.buf += "%!(BADWIDTH)";
      else {
        p.f.wid = Math.abs(width.num);
        if (width.num < 0) {
          p.f.minus = true;
          p.f.zero = false;
        }
      }
      afterIndex = false;
    } else {
      const width = parsenum(format, i, end);
      i = width.newi;
      if (width.isnum) p.f.wid = width.num;
      if (afterIndex && width.isnum) goodArgNum = false;
    }
    if (i + 1 < end && format[i] === ".") {
      i++;
      if (afterIndex) goodArgNum = false;
      ({ argNum, i, found: afterIndex } = argNumber(i));
      if (i < end && format[i] === "*") {
        i++;
        const prec = intFromArg(args, argNum);
        argNum = prec.argNum;
        if (prec.isInt && prec.num >= 0) p.f.prec = prec.num;
        else p.buf += "%!(BADPREC)";
        afterIndex = false;
      } else {
        const prec = parsenum(format, i, end);
        i = prec.newi;
        p.f.prec = prec.isnum ? prec.num : 0;
      }
    }
    if (!afterIndex) ({ argNum, i, found: afterIndex } = argNumber(i));
    if (i >= end) {
      p.buf += "%!(NOVERB)";
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i) ?? 0);
    i += verb.length;
    if (verb === "%") p.buf += "%";
    else if (!goodArgNum) p.buf += `%!${verb}(BADINDEX)`;
    else if (argNum >= args.length) p.buf += `%!${verb}(MISSING)`;
    else {
      asVerb(verb);
      p.printArg(args[argNum] ?? INVALID, verb);
      argNum++;
    }
  }
  if (!reordered && argNum < args.length) {
    p.f = noFlags();
    p.buf += "%!(EXTRA ";
    args.slice(argNum).forEach((arg, k) => {
      if (k > 0) p.buf += ", ";
      const v = indirectInterface(arg);
      if (v === INVALID) p.buf += "<nil>";
      else {
        p.buf += `${typeString(v.type)}=`;
        p.printArg(v, "v");
      }
    });
    p.buf += ")";
  }
  return p.buf;
}
