/**
 * Go values as reflect sees them, for the few types Prometheus's templates ever hold: strings,
 * numbers, bools, maps, slices, structs, pointers, `interface {}` and `reflect.Value`. Types carry
 * Go's names because error messages print them (`wrong type for value; expected string; got float64`).
 */

export type GoKind =
  | "bool"
  | "int"
  | "int64"
  | "uint"
  | "uint8"
  | "uint64"
  | "float64"
  | "complex128"
  | "string"
  | "map"
  | "slice"
  | "struct"
  | "ptr"
  | "interface"
  | "func";

export interface GoMethod {
  params: GoType[];
  result: GoType;
  call: (receiver: GoValue, args: GoValue[]) => GoValue;
}

export interface GoType {
  kind: GoKind;
  /** Name of a named type (`template.HTML`, `time.Time`); unnamed types have none. */
  name?: string;
  key?: GoType;
  elem?: GoType;
  fields?: { name: string; type: GoType }[];
  /** Methods callable on a value (or a pointer to it), as `.Format "2006"` calls them. */
  methods?: Record<string, GoMethod>;
  /** Interfaces only: `error` and `fmt.Stringer` print differently from `interface {}`. */
  reflectValue?: boolean;
}

/** A valid reflect.Value. The invalid one (reflect.Value{}) is `INVALID`. */
export interface GoValue {
  type: GoType;
  /**
   * bool: boolean; int kinds: bigint; float64: number; complex128: {re, im}; string: string;
   * map: Map<string, GoValue>; slice: GoValue[]; struct: Record<string, GoValue> (time.Time holds
   * {unixNano: bigint}); ptr: GoValue | null; interface: GoValue | null (its dynamic value).
   */
  v: unknown;
}

export const INVALID = null;
export type Value = GoValue | typeof INVALID;

const basic = (kind: GoKind): GoType => ({ kind });
export const T = {
  bool: basic("bool"),
  int: basic("int"),
  int64: basic("int64"),
  uint: basic("uint"),
  uint8: basic("uint8"),
  uint64: basic("uint64"),
  float64: basic("float64"),
  complex128: basic("complex128"),
  string: basic("string"),
  emptyInterface: basic("interface"),
  /** reflect.Value parameters, which the builtins take to see values as they are. */
  reflectValue: { kind: "struct", name: "reflect.Value", reflectValue: true } as GoType,
};

export const mapOf = (key: GoType, elem: GoType): GoType => ({ kind: "map", key, elem });
export const sliceOf = (elem: GoType, name?: string): GoType => ({ kind: "slice", elem, name });
export const ptrTo = (elem: GoType): GoType => ({ kind: "ptr", elem });

export const goString = (s: string, type: GoType = T.string): GoValue => ({ type, v: s });
export const goFloat = (f: number): GoValue => ({ type: T.float64, v: f });
export const goInt = (i: bigint | number, type: GoType = T.int): GoValue => ({ type, v: BigInt(i) });
export const goBool = (b: boolean): GoValue => ({ type: T.bool, v: b });
export const stringMap = (record: Readonly<Record<string, string>>): GoValue => ({
  type: mapOf(T.string, T.string),
  v: new Map(Object.entries(record).map(([k, v]) => [k, goString(v)])),
});

/** reflect.Type.String(). */
export function typeString(t: GoType): string {
  if (t.name) return t.name;
  switch (t.kind) {
    case "map":
      return `map[${typeString(t.key ?? T.string)}]${typeString(t.elem ?? T.emptyInterface)}`;
    case "slice":
      return `[]${typeString(t.elem ?? T.emptyInterface)}`;
    case "ptr":
      return `*${typeString(t.elem ?? T.emptyInterface)}`;
    case "interface":
      return "interface {}";
    case "struct":
      return `struct { ${(t.fields ?? []).map((f) => `${f.name} ${typeString(f.type)}`).join("; ")} }`;
    case "func":
      return "func()";
    default:
      return t.kind;
  }
}

export function sameType(a: GoType, b: GoType): boolean {
  if (a === b) return true;
  if (a.name || b.name) return a.name === b.name && a.kind === b.kind;
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case "map":
      return sameType(a.key ?? T.string, b.key ?? T.string) && sameType(a.elem ?? T.int, b.elem ?? T.int);
    case "slice":
    case "ptr":
      return sameType(a.elem ?? T.int, b.elem ?? T.int);
    case "struct":
      return typeString(a) === typeString(b);
    default:
      return true;
  }
}

/** Go's assignability: identical types, any type to `interface {}`, or equal underlying types when one is unnamed. */
export function assignableTo(value: GoType, target: GoType): boolean {
  if (sameType(value, target)) return true;
  if (target.kind === "interface" && !target.reflectValue) return true;
  if (value.name && target.name) return false;
  const isPredeclared = (t: GoType): boolean =>
    !t.name && !["map", "slice", "ptr", "struct", "func"].includes(t.kind);
  // Predeclared basic types count as named.
  if (isPredeclared(value) || isPredeclared(target)) return false;
  return sameType({ ...value, name: undefined }, { ...target, name: undefined });
}

export const isIntKind = (k: GoKind): boolean => k === "int" || k === "int64";
export const isUintKind = (k: GoKind): boolean => k === "uint" || k === "uint8" || k === "uint64";

/** reflect.Zero(t): the zero value of a type (nil for maps, slices, pointers and interfaces). */
export function zeroValue(t: GoType): GoValue {
  switch (t.kind) {
    case "bool":
      return { type: t, v: false };
    case "float64":
      return { type: t, v: 0 };
    case "complex128":
      return { type: t, v: { re: 0, im: 0 } };
    case "string":
      return { type: t, v: "" };
    case "struct":
      return { type: t, v: Object.fromEntries((t.fields ?? []).map((f) => [f.name, zeroValue(f.type)])) };
    case "map":
    case "slice":
    case "ptr":
    case "interface":
    case "func":
      return { type: t, v: null };
    default:
      return { type: t, v: 0n };
  }
}

/** v.IsNil() for the kinds that can be nil. */
export const isNilValue = (v: GoValue): boolean =>
  ["map", "slice", "ptr", "interface", "func"].includes(v.type.kind) && v.v === null;

/** indirectInterface: the dynamic value of an interface (invalid when nil). */
export function indirectInterface(v: Value): Value {
  if (v === INVALID || v.type.kind !== "interface") return v;
  return (v.v as GoValue | null) ?? INVALID;
}

/** indirect: through pointers and interfaces until a nil one or a non-pointer value. */
export function indirect(v: GoValue): { value: GoValue; isNil: boolean } {
  let current = v;
  while (current.type.kind === "ptr" || current.type.kind === "interface") {
    if (current.v === null) return { value: current, isNil: true };
    current = current.v as GoValue;
  }
  return { value: current, isNil: false };
}

/** Wraps a value in `interface {}`, as storing it in a map[string]interface{} does. */
export const boxed = (v: Value): GoValue => ({ type: T.emptyInterface, v: v });

export function lengthOf(v: GoValue): number | undefined {
  switch (v.type.kind) {
    case "string":
      return new TextEncoder().encode(v.v as string).length;
    case "map":
      return v.v === null ? 0 : (v.v as Map<string, GoValue>).size;
    case "slice":
      return v.v === null ? 0 : (v.v as GoValue[]).length;
    default:
      return undefined;
  }
}

/** isTrue: Go's truth of a value for if, with, and, or, not. */
export function isTrue(v: Value): { truth: boolean; ok: boolean } {
  if (v === INVALID) return { truth: false, ok: true };
  switch (v.type.kind) {
    case "map":
    case "slice":
    case "string":
      return { truth: (lengthOf(v) ?? 0) > 0, ok: true };
    case "bool":
      return { truth: v.v as boolean, ok: true };
    case "complex128": {
      const c = v.v as { re: number; im: number };
      return { truth: c.re !== 0 || c.im !== 0, ok: true };
    }
    case "ptr":
    case "interface":
    case "func":
      return { truth: v.v !== null, ok: true };
    case "float64":
      return { truth: (v.v as number) !== 0, ok: true };
    case "struct":
      return { truth: true, ok: true };
    default:
      return { truth: (v.v as bigint) !== 0n, ok: true };
  }
}
