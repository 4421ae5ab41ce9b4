/**
 * The executor of Go's text/template (Go 1.19 exec.go), over the values of `values.ts`. It keeps
 * Go's order of evaluation and its error messages (`template: NAME:LINE:COL: executing "NAME" at
 * <node>: …`) because Prometheus puts those messages into the annotation when a template fails.
 */

import { goQuote } from "../../go/quote";
import { compareGoStrings, utf8Length } from "../../go/unicode";
import { sprint } from "./go-fmt";
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
import type { TemplateSet } from "./parser";
import {
  assignableTo,
  type GoMethod,
  type GoType,
  type GoValue,
  goBool,
  goFloat,
  goInt,
  goString,
  INVALID,
  indirect,
  indirectInterface,
  isTrue,
  T,
  typeString,
  type Value,
  zeroValue,
} from "./values";

/** A template function: Go's signature (for argument checks) and its body. */
export interface GoFunc {
  params: GoType[];
  /** The last parameter is `...elem`; `params` holds elem. */
  variadic?: boolean;
  result: GoType;
  /** Whether Go's function also returns an error (then `call` may throw FuncError). */
  returnsError?: boolean;
  call: (args: Value[]) => Value;
}

/** An error returned by a template function: `error calling NAME: <message>`. */
export class FuncError extends Error {}

/**
 * Thrown by a query function that has no answer yet: it stops the expansion (it is not a template
 * error), so a caller can fetch the query's result and expand again (see the annotation preview).
 */
export class QueryPending extends Error {
  constructor(readonly expr: string) {
    super(`query ${expr} pending`);
  }
}

/** A failed execution; the message is Go's, starting with `template: `. */
export class TemplateExecError extends Error {
  override name = "TemplateExecError";
}

const MISSING = Symbol("missingVal");
type Final = Value | typeof MISSING;

class Break {}
class Continue {}

/** canBeNil: whether a nil argument can be passed for a parameter of this type. */
const canBeNil = (t: GoType): boolean =>
  ["map", "slice", "ptr", "interface", "func"].includes(t.kind) || t.reflectValue === true;

export interface ExecOptions {
  name: string;
  text: string;
  templates: TemplateSet;
  funcs: Readonly<Record<string, GoFunc>>;
  builtins: Readonly<Record<string, GoFunc>>;
}

export function execute(options: ExecOptions, data: Value): string {
  return new State(options).run(data);
}

const MAX_DEPTH = 100000;

class State {
  private out = "";
  private node: Node | null = null;
  private vars: { name: string; value: Value }[] = [];
  private depth = 0;
  private current: string;
  constructor(private readonly o: ExecOptions) {
    this.current = o.name;
  }

  run(data: Value): string {
    const root = this.o.templates.get(this.o.name);
    if (!root) this.errorf(`${goQuote(this.o.name)} is an incomplete or empty template`);
    this.vars = [{ name: "$", value: data }];
    this.walk(data, root);
    return this.out;
  }

  /** `template: NAME:LINE:COL: executing "NAME" at <node>: message`, with Go's byte columns. */
  errorf(message: string): never {
    // The location names the file-level template (ParseName); "executing" names the one running.
    const name = this.o.name;
    if (this.node === null) throw new TemplateExecError(`template: ${this.current}: ${message}`);
    const before = this.o.text.slice(0, this.node.pos);
    const lastNewline = before.lastIndexOf("\n");
    const line = 1 + (before.match(/\n/g)?.length ?? 0);
    const col = lastNewline === -1 ? utf8Length(before) : utf8Length(before.slice(lastNewline + 1));
    throw new TemplateExecError(
      `template: ${name}:${line}:${col}: executing ${goQuote(this.current)} at <${nodeString(this.node)}>: ${message}`,
    );
  }

  private at(node: Node): void {
    this.node = node;
  }

  private varValue(name: string): Value {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const v = this.vars[i];
      if (v && v.name === name) return v.value;
    }
    this.errorf(`undefined variable: ${name}`);
  }

  private setVar(name: string, value: Value): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const v = this.vars[i];
      if (v && v.name === name) {
        v.value = value;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  private walk(dot: Value, node: Node): void {
    this.at(node);
    switch (node.type) {
      case "action": {
        const val = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.printValue(node, val);
        return;
      }
      case "break":
        throw new Break();
      case "continue":
        throw new Continue();
      case "if":
      case "with":
        this.walkIfOrWith(node.type, dot, node.pipe, node.list, node.elseList);
        return;
      case "list":
        for (const n of node.nodes) this.walk(dot, n);
        return;
      case "range":
        this.walkRange(dot, node);
        return;
      case "template":
        this.walkTemplate(dot, node);
        return;
      case "text":
        this.out += node.text;
        return;
      default:
        this.errorf(`unknown node: ${nodeString(node)}`);
    }
  }

  private walkIfOrWith(
    typ: "if" | "with",
    dot: Value,
    pipe: PipeNode,
    list: ListNode,
    elseList: ListNode | null,
  ): void {
    const mark = this.vars.length;
    try {
      const val = this.evalPipeline(dot, pipe);
      const { truth, ok } = isTrue(indirectInterface(val));
      if (!ok) this.errorf(`if/with can't use ${sprint([val])}`);
      if (truth) this.walk(typ === "with" ? val : dot, list);
      else if (elseList) this.walk(dot, elseList);
    } finally {
      this.vars.length = mark;
    }
  }

  private walkRange(dot: Value, r: BranchNode): void {
    this.at(r);
    const mark = this.vars.length;
    try {
      const piped = this.evalPipeline(dot, r.pipe);
      const val = piped === INVALID ? INVALID : indirect(piped).value;
      const innerMark = this.vars.length;
      const oneIteration = (index: Value, elem: Value): void => {
        if (r.pipe.decl.length > 0) this.setTopVar(1, elem);
        if (r.pipe.decl.length > 1) this.setTopVar(2, index);
        try {
          this.walk(elem, r.list);
        } catch (error) {
          if (!(error instanceof Continue)) throw error;
        } finally {
          this.vars.length = innerMark;
        }
      };
      if (val === INVALID) {
        // An invalid value is likely a nil map, etc. and acts like an empty map.
      } else if (val.type.kind === "slice" && val.v !== null && (val.v as GoValue[]).length > 0) {
        for (const [i, elem] of (val.v as GoValue[]).entries()) oneIteration(goInt(i), elem);
        return;
      } else if (val.type.kind === "map" && val.v !== null && (val.v as Map<string, GoValue>).size > 0) {
        const keyType = val.type.key ?? T.string;
        const entries = [...(val.v as Map<string, GoValue>).entries()].sort(([a], [b]) =>
          compareGoStrings(a, b),
        );
        for (const [key, elem] of entries) oneIteration({ type: keyType, v: key }, elem);
        return;
      } else if (val.type.kind !== "slice" && val.type.kind !== "map") {
        this.errorf(`range can't iterate over ${sprint([val])}`);
      }
      if (r.elseList) this.walk(dot, r.elseList);
    } catch (error) {
      if (!(error instanceof Break)) throw error;
    } finally {
      this.vars.length = mark;
    }
  }

  private setTopVar(n: number, value: Value): void {
    const v = this.vars[this.vars.length - n];
    if (v) v.value = value;
  }

  private walkTemplate(dot: Value, t: Extract<Node, { type: "template" }>): void {
    this.at(t);
    const root = this.o.templates.get(t.name);
    if (!root) this.errorf(`template ${goQuote(t.name)} not defined`);
    if (this.depth === MAX_DEPTH) this.errorf(`exceeded maximum template depth (${MAX_DEPTH})`);
    const newDot = t.pipe ? this.evalPipeline(dot, t.pipe) : INVALID;
    const saved = { vars: this.vars, current: this.current };
    this.depth++;
    this.vars = [{ name: "$", value: newDot }];
    this.current = t.name;
    try {
      this.walk(newDot, root);
    } finally {
      this.vars = saved.vars;
      this.current = saved.current;
      this.depth--;
    }
  }

  private evalPipeline(dot: Value, pipe: PipeNode): Value {
    this.at(pipe);
    let value: Final = MISSING;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, cmd, value) as Final;
      // An interface{} result is replaced by its dynamic value ("lovely!" says Go).
      if (
        value !== INVALID &&
        value !== MISSING &&
        value.type.kind === "interface" &&
        !value.type.reflectValue
      ) {
        value = (value.v as GoValue | null) ?? INVALID;
      }
    }
    const result = value === MISSING ? INVALID : value;
    for (const variable of pipe.decl) {
      const name = variable.ident[0] ?? "";
      if (pipe.isAssign) this.setVar(name, result);
      else this.vars.push({ name, value: result });
    }
    return result;
  }

  private notAFunction(args: ArgNode[], final: Final): void {
    if (args.length > 1 || final !== MISSING) {
      this.errorf(`can't give argument to non-function ${nodeString(args[0] as ArgNode)}`);
    }
  }

  private evalCommand(dot: Value, cmd: CommandNode, final: Final): Value {
    const first = cmd.args[0] as ArgNode;
    switch (first.type) {
      case "field":
        return this.evalFieldNode(dot, first, cmd.args, final);
      case "chain":
        return this.evalChainNode(dot, first, cmd.args, final);
      case "identifier":
        return this.evalFunction(dot, first, cmd, cmd.args, final);
      case "pipe":
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
      case "variable":
        return this.evalVariableNode(dot, first, cmd.args, final);
    }
    this.at(first);
    this.notAFunction(cmd.args, final);
    switch (first.type) {
      case "bool":
        return goBool(first.value);
      case "dot":
        return dot;
      case "nil":
        this.errorf("nil is not a command");
        break;
      case "number":
        return this.idealConstant(first);
      case "string":
        return goString(first.text);
    }
    this.errorf(`can't evaluate command ${goQuote(nodeString(first))}`);
  }

  private idealConstant(constant: NumberNode): Value {
    this.at(constant);
    const isHexInt = /^0[xX]/.test(constant.text) && !/[pP]/.test(constant.text);
    const isRuneInt = constant.text.startsWith("'");
    if (constant.isComplex) return { type: T.complex128, v: constant.complex };
    if (constant.isFloat && !isHexInt && !isRuneInt && /[.eEpP]/.test(constant.text)) {
      return goFloat(constant.float64);
    }
    if (constant.isInt) return goInt(constant.int64);
    if (constant.isUint) this.errorf(`${constant.text} overflows int`);
    return INVALID;
  }

  private evalFieldNode(
    dot: Value,
    field: Extract<ArgNode, { type: "field" }>,
    args: ArgNode[],
    final: Final,
  ): Value {
    this.at(field);
    return this.evalFieldChain(dot, dot, field, field.ident, args, final);
  }

  private evalChainNode(
    dot: Value,
    chain: Extract<ArgNode, { type: "chain" }>,
    args: ArgNode[] | null,
    final: Final,
  ): Value {
    this.at(chain);
    if (chain.field.length === 0) this.errorf("internal error: no fields in evalChainNode");
    if (chain.node.type === "nil") this.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    const pipe = this.evalArg(dot, null, chain.node);
    return this.evalFieldChain(dot, pipe, chain, chain.field, args, final);
  }

  private evalVariableNode(
    dot: Value,
    variable: Extract<ArgNode, { type: "variable" }>,
    args: ArgNode[] | null,
    final: Final,
  ): Value {
    this.at(variable);
    const value = this.varValue(variable.ident[0] ?? "");
    if (variable.ident.length === 1) {
      this.notAFunction(args ?? [], final);
      return value;
    }
    return this.evalFieldChain(dot, value, variable, variable.ident.slice(1), args, final);
  }

  private evalFieldChain(
    dot: Value,
    receiver: Value,
    node: Node,
    ident: string[],
    args: ArgNode[] | null,
    final: Final,
  ): Value {
    let current = receiver;
    for (let i = 0; i < ident.length - 1; i++) {
      current = this.evalField(dot, ident[i] ?? "", node, null, MISSING, current);
    }
    return this.evalField(dot, ident[ident.length - 1] ?? "", node, args, final, current);
  }

  private evalFunction(
    dot: Value,
    node: Extract<ArgNode, { type: "identifier" }>,
    cmd: Node,
    args: ArgNode[] | null,
    final: Final,
  ): Value {
    this.at(node);
    const name = node.ident;
    const own = this.o.funcs[name];
    const fn = own ?? this.o.builtins[name];
    if (!fn) this.errorf(`${goQuote(name)} is not a defined function`);
    return this.evalCall(dot, fn, own === undefined, cmd, name, args, final);
  }

  private evalField(
    dot: Value,
    fieldName: string,
    node: Node,
    args: ArgNode[] | null,
    final: Final,
    receiver: Value,
  ): Value {
    if (receiver === INVALID) return INVALID;
    const typ = receiver.type;
    const { value: target, isNil } = indirect(receiver);
    if (target.type.kind === "interface" && isNil) {
      this.errorf(`nil pointer evaluating ${typeString(typ)}.${fieldName}`);
    }
    const methods = target.type.kind === "ptr" ? undefined : target.type.methods;
    const method = methods?.[fieldName];
    if (method && !isNil)
      return this.evalCall(dot, methodFunc(method, target), false, node, fieldName, args, final);
    const hasArgs = (args !== null && args.length > 1) || final !== MISSING;
    switch (target.type.kind) {
      case "struct": {
        const field = target.type.fields?.find((f) => f.name === fieldName);
        if (field) {
          if (hasArgs) this.errorf(`${fieldName} has arguments but cannot be invoked as function`);
          return (target.v as Record<string, GoValue>)[fieldName] ?? zeroValue(field.type);
        }
        break;
      }
      case "map": {
        if (target.type.key?.kind === "string") {
          if (hasArgs) this.errorf(`${fieldName} is not a method but has arguments`);
          const found = (target.v as Map<string, GoValue> | null)?.get(fieldName);
          // Prometheus runs templates with missingkey=zero.
          return found ?? zeroValue(target.type.elem ?? T.emptyInterface);
        }
        break;
      }
      case "ptr": {
        const elem = target.type.elem;
        if (elem?.kind === "struct" && !elem.fields?.some((f) => f.name === fieldName)) break;
        if (isNil) this.errorf(`nil pointer evaluating ${typeString(typ)}.${fieldName}`);
      }
    }
    this.errorf(`can't evaluate field ${fieldName} in type ${typeString(typ)}`);
  }

  private evalCall(
    dot: Value,
    fn: GoFunc,
    isBuiltin: boolean,
    node: Node,
    name: string,
    allArgs: ArgNode[] | null,
    final: Final,
  ): Value {
    const args = allArgs ? allArgs.slice(1) : [];
    let numIn = args.length;
    if (final !== MISSING) numIn++;
    let numFixed = args.length;
    const numParams = fn.params.length;
    if (fn.variadic) {
      numFixed = numParams - 1;
      if (numIn < numFixed) {
        this.errorf(`wrong number of args for ${name}: want at least ${numParams - 1} got ${args.length}`);
      }
    } else if (numIn !== numParams) {
      this.errorf(`wrong number of args for ${name}: want ${numParams} got ${numIn}`);
    }

    if (isBuiltin && (name === "and" || name === "or")) {
      let v: Value = INVALID;
      for (const arg of args) {
        v = this.evalArg(dot, T.reflectValue, arg);
        if (isTrue(indirectInterface(v)).truth === (name === "or")) return v;
      }
      if (final !== MISSING) v = this.validateType(final, T.reflectValue);
      return v;
    }

    const argv: Value[] = [];
    let i = 0;
    for (; i < numFixed && i < args.length; i++) {
      argv.push(this.evalArg(dot, fn.params[i] ?? T.emptyInterface, args[i] as ArgNode));
    }
    if (fn.variadic) {
      const argType = fn.params[numParams - 1] ?? T.emptyInterface;
      for (; i < args.length; i++) argv.push(this.evalArg(dot, argType, args[i] as ArgNode));
    }
    if (final !== MISSING) {
      let t = fn.params[numParams - 1] ?? T.emptyInterface;
      if (fn.variadic && numIn - 1 < numFixed) t = fn.params[numIn - 1] ?? t;
      argv.push(this.validateType(final, t));
    }
    try {
      return fn.call(argv);
    } catch (error) {
      if (error instanceof TemplateExecError || error instanceof QueryPending) throw error;
      this.at(node);
      this.errorf(`error calling ${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private validateType(value: Value, typ: GoType | null): Value {
    if (value === INVALID) {
      if (typ === null) return INVALID;
      if (canBeNil(typ)) return typ.reflectValue ? INVALID : zeroValue(typ);
      this.errorf(`invalid value; expected ${typeString(typ)}`);
    }
    if (typ === null || typ.reflectValue) return value;
    if (!assignableTo(value.type, typ)) {
      if (value.type.kind === "interface" && value.v !== null) {
        const inner = value.v as GoValue;
        if (assignableTo(inner.type, typ)) return inner;
      }
      if (value.type.kind === "ptr" && value.type.elem && assignableTo(value.type.elem, typ)) {
        if (value.v === null) this.errorf(`dereference of nil pointer of type ${typeString(typ)}`);
        return value.v as GoValue;
      }
      this.errorf(`wrong type for value; expected ${typeString(typ)}; got ${typeString(value.type)}`);
    }
    return value;
  }

  private evalArg(dot: Value, typ: GoType | null, n: ArgNode): Value {
    this.at(n);
    switch (n.type) {
      case "dot":
        return this.validateType(dot, typ);
      case "nil":
        if (typ && canBeNil(typ)) return typ.reflectValue ? INVALID : zeroValue(typ);
        this.errorf(`cannot assign nil to ${typ ? typeString(typ) : "<nil>"}`);
        break;
      case "field":
        return this.validateType(this.evalFieldNode(dot, n, [n], MISSING), typ);
      case "variable":
        return this.validateType(this.evalVariableNode(dot, n, null, MISSING), typ);
      case "pipe":
        return this.validateType(this.evalPipeline(dot, n), typ);
      case "identifier":
        return this.validateType(this.evalFunction(dot, n, n, null, MISSING), typ);
      case "chain":
        return this.validateType(this.evalChainNode(dot, n, null, MISSING), typ);
    }
    if (typ === null) this.errorf(`can't handle ${nodeString(n)} for arg of type <nil>`);
    if (typ.reflectValue || (typ.kind === "interface" && !typ.name)) return this.evalEmptyInterface(dot, n);
    switch (typ.kind) {
      case "bool":
        if (n.type === "bool") return { type: typ, v: n.value };
        this.errorf(`expected bool; found ${nodeString(n)}`);
        break;
      case "complex128":
        if (n.type === "number" && n.isComplex) return { type: typ, v: n.complex };
        this.errorf(`expected complex; found ${nodeString(n)}`);
        break;
      case "float64":
        if (n.type === "number" && n.isFloat) return { type: typ, v: n.float64 };
        this.errorf(`expected float; found ${nodeString(n)}`);
        break;
      case "int":
      case "int64":
        if (n.type === "number" && n.isInt) return { type: typ, v: n.int64 };
        this.errorf(`expected integer; found ${nodeString(n)}`);
        break;
      case "string":
        if (n.type === "string") return { type: typ, v: n.text };
        this.errorf(`expected string; found ${nodeString(n)}`);
        break;
      case "uint":
      case "uint8":
      case "uint64":
        if (n.type === "number" && n.isUint) return { type: typ, v: n.uint64 };
        this.errorf(`expected unsigned integer; found ${nodeString(n)}`);
        break;
    }
    this.errorf(`can't handle ${nodeString(n)} for arg of type ${typeString(typ)}`);
  }

  private evalEmptyInterface(dot: Value, n: ArgNode): Value {
    this.at(n);
    switch (n.type) {
      case "bool":
        return goBool(n.value);
      case "dot":
        return dot;
      case "field":
        return this.evalFieldNode(dot, n, [], MISSING);
      case "identifier":
        return this.evalFunction(dot, n, n, null, MISSING);
      case "nil":
        this.errorf("evalEmptyInterface: nil (can't happen)");
        break;
      case "number":
        return this.idealConstant(n);
      case "string":
        return goString(n.text);
      case "variable":
        return this.evalVariableNode(dot, n, null, MISSING);
      case "pipe":
        return this.evalPipeline(dot, n);
    }
    this.errorf(`can't handle assignment of ${nodeString(n)} to empty interface argument`);
  }

  private printValue(n: Node, v: Value): void {
    this.at(n);
    let printable: Value = v;
    if (printable !== INVALID && printable.type.kind === "ptr") {
      printable = indirect(printable).value;
    }
    if (printable === INVALID) {
      this.out += "<no value>";
      return;
    }
    if (printable.type.kind === "func")
      this.errorf(`can't print ${nodeString(n)} of type ${typeString(printable.type)}`);
    this.out += sprint([printable]);
  }
}

/** A method bound to its receiver, called like a function. */
function methodFunc(method: GoMethod, receiver: GoValue): GoFunc {
  return {
    params: method.params,
    result: method.result,
    call: (args) => method.call(receiver, args as GoValue[]),
  };
}
