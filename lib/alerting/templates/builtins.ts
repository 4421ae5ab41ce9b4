/** text/template's predefined functions (funcs.go), with Go's argument handling and error texts. */

import { compareGoStrings, isGoPrint } from "../../go/unicode";
import { FuncError, type GoFunc } from "./exec";
import { sprint, sprintf, sprintln } from "./go-fmt";
import { goQueryEscape } from "./go-strings";
import {
  assignableTo,
  type GoType,
  type GoValue,
  goBool,
  goInt,
  goString,
  INVALID,
  indirect,
  indirectInterface,
  isIntKind,
  isNilValue,
  isTrue,
  isUintKind,
  lengthOf,
  T,
  typeString,
  type Value,
  zeroValue,
} from "./values";

const rv = T.reflectValue;
const any = T.emptyInterface;

/** evalArgs: one string argument as it is, anything else through fmt.Sprint. */
function evalArgs(args: Value[]): string {
  const only = args[0];
  if (args.length === 1 && only && only.type.kind === "string" && !only.type.name) return only.v as string;
  return sprint(
    args.map((arg) => {
      let v = indirectInterface(arg);
      if (v !== INVALID && v.type.kind === "ptr") v = indirect(v).value;
      return v === INVALID ? goString("<no value>") : v;
    }),
  );
}

function htmlEscape(s: string): string {
  return s.replace(/[\0"'&<>]/g, (c) =>
    c === "\0"
      ? "\uFFFD"
      : c === '"'
        ? "&#34;"
        : c === "'"
          ? "&#39;"
          : c === "&"
            ? "&amp;"
            : c === "<"
              ? "&lt;"
              : "&gt;",
  );
}

function jsEscape(s: string): string {
  let out = "";
  for (const c of s) {
    const r = c.codePointAt(0) ?? 0;
    const named: Record<string, string> = {
      "\\": "\\\\",
      "'": "\\'",
      '"': '\\"',
      "<": "\\u003C",
      ">": "\\u003E",
      "&": "\\u0026",
      "=": "\\u003D",
    };
    if (named[c] !== undefined) out += named[c];
    else if (r < 0x20) out += `\\u00${r.toString(16).toUpperCase().padStart(2, "0")}`;
    else if (r < 0x80 || isGoPrint(r)) out += c;
    else out += `\\u${r.toString(16).toUpperCase().padStart(4, "0")}`;
  }
  return out;
}

const truth = (v: Value): boolean => isTrue(indirectInterface(v)).truth;

type Kind = "invalid" | "bool" | "complex" | "int" | "float" | "string" | "uint";

function basicKind(v: Value): Kind {
  if (v === INVALID) return "invalid";
  const k = v.type.kind;
  if (k === "bool") return "bool";
  if (isIntKind(k)) return "int";
  if (isUintKind(k)) return "uint";
  if (k === "float64") return "float";
  if (k === "complex128") return "complex";
  if (k === "string") return "string";
  return "invalid";
}

const num = (v: Value): bigint => (v?.v as bigint) ?? 0n;

function eq(arg1In: Value, rest: Value[]): boolean {
  const arg1 = indirectInterface(arg1In);
  if (rest.length === 0) throw new FuncError("missing argument for comparison");
  const k1 = basicKind(arg1);
  for (const argIn of rest) {
    const arg = indirectInterface(argIn);
    const k2 = basicKind(arg);
    let result = false;
    if (k1 !== k2) {
      if (k1 === "int" && k2 === "uint") result = num(arg1) >= 0n && num(arg1) === num(arg);
      else if (k1 === "uint" && k2 === "int") result = num(arg) >= 0n && num(arg1) === num(arg);
      else if (arg1 !== INVALID && arg !== INVALID) throw new FuncError("incompatible types for comparison");
    } else if (k1 === "complex") {
      const a = arg1?.v as { re: number; im: number };
      const b = arg?.v as { re: number; im: number };
      result = a.re === b.re && a.im === b.im;
    } else if (k1 !== "invalid") {
      result = (arg1 as GoValue).v === (arg as GoValue).v;
    } else {
      const a = arg1 as GoValue | null;
      const b = arg as GoValue | null;
      if (a && b && a.type.kind !== b.type.kind) {
        throw new FuncError(
          `non-comparable types ${sprintf("%s", [a])}: ${typeString(a.type)}, ${typeString(b.type)}: ${sprint([b])}`,
        );
      }
      const aNil = a === null || isNilValue(a);
      const bNil = b === null || isNilValue(b);
      if (aNil || bNil) result = aNil === bNil;
      else if (b && ["map", "slice", "func"].includes(b.type.kind)) {
        throw new FuncError(`non-comparable type ${sprintf("%s", [b])}: ${typeString(b.type)}`);
      } else result = a?.v === b?.v;
    }
    if (result) return true;
  }
  return false;
}

function lt(arg1In: Value, arg2In: Value): boolean {
  const arg1 = indirectInterface(arg1In);
  const arg2 = indirectInterface(arg2In);
  const k1 = basicKind(arg1);
  const k2 = basicKind(arg2);
  if (k1 === "invalid" || k2 === "invalid") throw new FuncError("invalid type for comparison");
  if (k1 !== k2) {
    if (k1 === "int" && k2 === "uint") return num(arg1) < 0n || num(arg1) < num(arg2);
    if (k1 === "uint" && k2 === "int") return num(arg2) >= 0n && num(arg1) < num(arg2);
    throw new FuncError("incompatible types for comparison");
  }
  const a = (arg1 as GoValue).v;
  const b = (arg2 as GoValue).v;
  switch (k1) {
    case "bool":
    case "complex":
      throw new FuncError("invalid type for comparison");
    case "string":
      return compareGoStrings(a as string, b as string) < 0;
    default:
      return (a as number | bigint) < (b as number | bigint);
  }
}

const le = (a: Value, b: Value): boolean => lt(a, b) || eq(a, [b]);

function indexArg(index: Value, cap: number): number {
  if (index === INVALID) throw new FuncError("cannot index slice/array with nil");
  if (!isIntKind(index.type.kind) && !isUintKind(index.type.kind)) {
    throw new FuncError(`cannot index slice/array with type ${typeString(index.type)}`);
  }
  const x = index.v as bigint;
  if (x < 0n || x > BigInt(cap)) throw new FuncError(`index out of range: ${x}`);
  return Number(x);
}

function prepareArg(value: Value, argType: GoType): GoValue {
  if (value === INVALID) return zeroValue(argType);
  if (assignableTo(value.type, argType)) return value;
  throw new FuncError(`value has type ${typeString(value.type)}; should be ${typeString(argType)}`);
}

function index(itemIn: Value, indexes: Value[]): Value {
  let item = indirectInterface(itemIn);
  if (item === INVALID) throw new FuncError("index of untyped nil");
  for (const indexIn of indexes) {
    const idx = indirectInterface(indexIn);
    const target: GoValue = indirect(item as GoValue).value;
    if (indirect(item as GoValue).isNil) throw new FuncError("index of nil pointer");
    switch (target.type.kind) {
      case "slice": {
        const items = (target.v as GoValue[] | null) ?? [];
        const x = indexArg(idx, items.length);
        if (x >= items.length) throw new Error("reflect: slice index out of range");
        item = items[x] ?? INVALID;
        break;
      }
      case "string": {
        const bytes = new TextEncoder().encode(target.v as string);
        const x = indexArg(idx, bytes.length);
        if (x >= bytes.length) throw new Error("reflect: string index out of range");
        item = goInt(bytes[x] ?? 0, T.uint8);
        break;
      }
      case "map": {
        const key = prepareArg(idx, target.type.key ?? T.string);
        const found = (target.v as Map<string, GoValue> | null)?.get(key.v as string);
        item = found ?? zeroValue(target.type.elem ?? any);
        break;
      }
      default:
        throw new FuncError(`can't index item of type ${typeString(target.type)}`);
    }
  }
  return item;
}

function slice(itemIn: Value, indexes: Value[]): Value {
  const item = indirectInterface(itemIn);
  if (item === INVALID) throw new FuncError("slice of untyped nil");
  if (indexes.length > 3) throw new FuncError(`too many slice indexes: ${indexes.length}`);
  let length: number;
  if (item.type.kind === "string") {
    if (indexes.length === 3) throw new FuncError("cannot 3-index slice a string");
    length = new TextEncoder().encode(item.v as string).length;
  } else if (item.type.kind === "slice") {
    length = ((item.v as GoValue[] | null) ?? []).length;
  } else {
    throw new FuncError(`can't slice item of type ${typeString(item.type)}`);
  }
  const idx = [0, length];
  indexes.forEach((index, i) => {
    idx[i] = indexArg(index, length);
  });
  const [from = 0, to = length] = idx;
  if (from > to) throw new FuncError(`invalid slice index: ${from} > ${to}`);
  if (item.type.kind === "string") {
    const bytes = new TextEncoder().encode(item.v as string).slice(from, to);
    return { type: item.type, v: new TextDecoder().decode(bytes) };
  }
  return { type: item.type, v: ((item.v as GoValue[] | null) ?? []).slice(from, to) };
}

function length(itemIn: Value): Value {
  if (itemIn === INVALID) throw new Error("reflect: call of reflect.Value.Type on zero Value");
  const { value, isNil } = indirect(itemIn);
  if (isNil) throw new FuncError("len of nil pointer");
  const n = lengthOf(value);
  if (n === undefined) throw new FuncError(`len of type ${typeString(value.type)}`);
  return goInt(n);
}

const compare = (f: (a: Value, b: Value) => boolean): GoFunc => ({
  params: [rv, rv],
  result: T.bool,
  returnsError: true,
  call: ([a, b]) => goBool(f(a ?? INVALID, b ?? INVALID)),
});

export const BUILTINS: Readonly<Record<string, GoFunc>> = {
  and: { params: [rv, rv], variadic: true, result: rv, call: () => INVALID },
  or: { params: [rv, rv], variadic: true, result: rv, call: () => INVALID },
  not: { params: [rv], result: T.bool, call: ([a]) => goBool(!truth(a ?? INVALID)) },
  call: {
    params: [rv, rv],
    variadic: true,
    result: rv,
    returnsError: true,
    call: ([fn]) => {
      const f = indirectInterface(fn ?? INVALID);
      if (f === INVALID) throw new FuncError("call of nil");
      throw new FuncError(`non-function of type ${typeString(f.type)}`);
    },
  },
  html: {
    params: [any],
    variadic: true,
    result: T.string,
    call: (args) => goString(htmlEscape(evalArgs(args))),
  },
  js: { params: [any], variadic: true, result: T.string, call: (args) => goString(jsEscape(evalArgs(args))) },
  urlquery: {
    params: [any],
    variadic: true,
    result: T.string,
    call: (args) => goString(goQueryEscape(evalArgs(args))),
  },
  index: {
    params: [rv, rv],
    variadic: true,
    result: rv,
    returnsError: true,
    call: ([item, ...rest]) => index(item ?? INVALID, rest),
  },
  slice: {
    params: [rv, rv],
    variadic: true,
    result: rv,
    returnsError: true,
    call: ([item, ...rest]) => slice(item ?? INVALID, rest),
  },
  len: { params: [rv], result: T.int, returnsError: true, call: ([item]) => length(item ?? INVALID) },
  print: { params: [any], variadic: true, result: T.string, call: (args) => goString(sprint(args)) },
  printf: {
    params: [T.string, any],
    variadic: true,
    result: T.string,
    call: ([format, ...args]) => goString(sprintf((format?.v as string) ?? "", args)),
  },
  println: { params: [any], variadic: true, result: T.string, call: (args) => goString(sprintln(args)) },
  eq: {
    params: [rv, rv],
    variadic: true,
    result: T.bool,
    returnsError: true,
    call: ([a, ...rest]) => goBool(eq(a ?? INVALID, rest)),
  },
  ne: compare((a, b) => !eq(a, [b])),
  lt: compare(lt),
  le: compare(le),
  gt: compare((a, b) => !le(a, b)),
  ge: compare((a, b) => !lt(a, b)),
};
