import { type GoValue, goPrint, goSprintf } from "./go-format";

/**
 * Renders the subset of Prometheus's Go templates that alert annotations use, the way Prometheus
 * renders them, so promtool unit tests can state the exact expected annotations:
 * `{{ $labels.name }}`, `{{ $value }}`, the humanize family, `printf`, trim markers and comments.
 * Anything else throws an Error naming what is not supported.
 */
export function renderAnnotation(template: string, labels: Record<string, string>, value: number): string {
  return parseTemplate(template)
    .map((item) => (item.kind === "text" ? item.text : goPrint(evaluatePipeline(item, labels, value))))
    .join("");
}

/** Why a template cannot be rendered, or undefined when it can (for validation messages). */
export function annotationTemplateProblem(template: string): string | undefined {
  try {
    renderAnnotation(template, {}, 0);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

type Token =
  | { kind: "pipe" }
  | { kind: "string"; value: string }
  | { kind: "number"; value: number }
  | { kind: "variable"; name: string; fields: string[] }
  | { kind: "field"; fields: string[] }
  | { kind: "identifier"; name: string };

type Item = { kind: "text"; text: string } | { kind: "action"; source: string; tokens: Token[] };

const SPACE = /[ \t\r\n]/;
const TRAILING_SPACE = /[ \t\r\n]+$/;
const LEADING_SPACE = /^[ \t\r\n]+/;
const KEYWORDS = new Set([
  "if",
  "else",
  "end",
  "range",
  "with",
  "define",
  "template",
  "block",
  "break",
  "continue",
  "nil",
  "true",
  "false",
]);

class TemplateError extends Error {
  constructor(template: string, message: string) {
    super(`annotation template ${JSON.stringify(template)}: ${message}`);
    this.name = "TemplateError";
  }
}

/** Splits the template into text and actions, applying `{{-` / `-}}` to the neighbouring text. */
function parseTemplate(template: string): Item[] {
  const items: Item[] = [];
  let position = 0;
  let trimNextText = false;
  for (;;) {
    const open = template.indexOf("{{", position);
    let text = template.slice(position, open < 0 ? undefined : open);
    if (trimNextText) text = text.replace(LEADING_SPACE, "");
    if (open < 0) {
      if (text !== "") items.push({ kind: "text", text });
      return items;
    }
    let cursor = open + 2;
    const trimLeft = template[cursor] === "-" && SPACE.test(template[cursor + 1] ?? "");
    if (trimLeft) {
      text = text.replace(TRAILING_SPACE, "");
      cursor++;
    }
    if (text !== "") items.push({ kind: "text", text });
    // Go only sees a comment right after the delimiter, or after the trim marker "- ".
    const commentStart = trimLeft ? cursor + 1 : cursor;
    const action = template.startsWith("/*", commentStart)
      ? lexComment(template, commentStart)
      : lexAction(template, cursor);
    if (action.tokens.length > 0) {
      items.push({ kind: "action", source: template.slice(open, action.end), tokens: action.tokens });
    } else if (!action.comment) {
      throw new TemplateError(template, `missing value for command in "${template.slice(open, action.end)}"`);
    }
    trimNextText = action.trimRight;
    position = action.end;
  }
}

interface LexedAction {
  tokens: Token[];
  /** Offset just after the closing `}}`. */
  end: number;
  trimRight: boolean;
  comment: boolean;
}

function closesAt(template: string, index: number): { end: number; trimRight: boolean } | undefined {
  let cursor = index;
  while (SPACE.test(template[cursor] ?? "")) cursor++;
  if (cursor > index && template.startsWith("-}}", cursor)) return { end: cursor + 3, trimRight: true };
  if (template.startsWith("}}", cursor)) return { end: cursor + 2, trimRight: false };
  return undefined;
}

function lexComment(template: string, start: number): LexedAction {
  const commentEnd = template.indexOf("*/", start + 2);
  if (commentEnd < 0) throw new TemplateError(template, "unclosed comment");
  const after = commentEnd + 2;
  if (template.startsWith("}}", after))
    return { tokens: [], end: after + 2, trimRight: false, comment: true };
  if (SPACE.test(template[after] ?? "") && template.startsWith("-}}", after + 1)) {
    return { tokens: [], end: after + 4, trimRight: true, comment: true };
  }
  throw new TemplateError(template, "comment ends before closing delimiter");
}

function lexAction(template: string, start: number): LexedAction {
  const fail = (message: string): never => {
    throw new TemplateError(template, message);
  };
  const tokens: Token[] = [];
  let cursor = start;
  for (;;) {
    const close = closesAt(template, cursor);
    if (close) return { tokens, end: close.end, trimRight: close.trimRight, comment: false };
    const char = template[cursor];
    if (char === undefined) return fail("unclosed action");
    if (SPACE.test(char)) {
      cursor++;
    } else if (char === "|") {
      tokens.push({ kind: "pipe" });
      cursor++;
    } else if (char === '"') {
      const literal = /^"(?:[^"\\\n]|\\.)*"/.exec(template.slice(cursor));
      if (!literal) return fail("unterminated quoted string");
      tokens.push({ kind: "string", value: unquote(literal[0], fail) });
      cursor += literal[0].length;
    } else if (char === "`") {
      const literalEnd = template.indexOf("`", cursor + 1);
      if (literalEnd < 0) return fail("unterminated raw quoted string");
      tokens.push({ kind: "string", value: template.slice(cursor + 1, literalEnd) });
      cursor = literalEnd + 1;
    } else if (char === "$") {
      const variable = /^\$([A-Za-z_][A-Za-z0-9_]*)?((?:\.[A-Za-z_][A-Za-z0-9_]*)*)/.exec(
        template.slice(cursor),
      );
      const whole = variable?.[0] ?? "$";
      tokens.push({ kind: "variable", name: variable?.[1] ?? "", fields: splitFields(variable?.[2] ?? "") });
      cursor += whole.length;
    } else if (char === ".") {
      const field = /^((?:\.[A-Za-z_][A-Za-z0-9_]*)+)/.exec(template.slice(cursor));
      if (!field) return fail('"." (the whole template data) is not supported; use $labels.<name> or $value');
      tokens.push({ kind: "field", fields: splitFields(field[1] ?? "") });
      cursor += field[0].length;
    } else if (/[-+0-9]/.test(char)) {
      const number = /^[-+]?(?:\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)/.exec(
        template.slice(cursor),
      );
      if (!number) return fail(`unexpected "${char}" in action`);
      if (!/[.eE]/.test(number[0])) {
        fail(`integer constant ${number[0]} is not supported; write it as a float such as ${number[0]}.0`);
      }
      tokens.push({ kind: "number", value: Number(number[0]) });
      cursor += number[0].length;
    } else if (/[A-Za-z_]/.test(char)) {
      const identifier = /^[A-Za-z_][A-Za-z0-9_]*/.exec(template.slice(cursor))?.[0] ?? char;
      if (KEYWORDS.has(identifier)) fail(`"${identifier}" is not supported in annotations`);
      tokens.push({ kind: "identifier", name: identifier });
      cursor += identifier.length;
    } else {
      fail(`"${char}" is not supported in annotation actions`);
    }
  }
}

function splitFields(path: string): string[] {
  return path === "" ? [] : path.slice(1).split(".");
}

const ESCAPES: Record<string, string> = {
  '"': '"',
  "\\": "\\",
  "'": "'",
  n: "\n",
  t: "\t",
  r: "\r",
  a: "\x07",
  b: "\b",
  f: "\f",
  v: "\v",
};

function unquote(literal: string, fail: (message: string) => never): string {
  return literal.slice(1, -1).replace(/\\(.)/g, (_match, escaped: string) => {
    const replacement = ESCAPES[escaped];
    return replacement ?? fail(`escape sequence \\${escaped} is not supported`);
  });
}

type Value = GoValue;

function evaluatePipeline(
  item: Extract<Item, { kind: "action" }>,
  labels: Record<string, string>,
  value: number,
): Value {
  const fail = (message: string): never => {
    throw new TemplateError(item.source, message);
  };
  const commands: Token[][] = [[]];
  for (const token of item.tokens) {
    if (token.kind === "pipe") commands.push([]);
    else commands[commands.length - 1]?.push(token);
  }
  let piped: Value | undefined;
  for (const command of commands) {
    const [head, ...rest] = command;
    if (head === undefined) return fail("missing value for command");
    if (head.kind !== "identifier") {
      if (rest.length > 0 || piped !== undefined) fail("can't give argument to non-function");
      piped = operand(head, labels, value, fail);
      continue;
    }
    if (!FUNCTIONS.includes(head.name)) {
      fail(`function "${head.name}" is not supported (supported: ${FUNCTIONS.join(", ")})`);
    }
    const args = rest.map((token) => operand(token, labels, value, fail));
    if (piped !== undefined) args.push(piped);
    piped = callFunction(head.name, args, fail);
  }
  return piped ?? fail("missing value for command");
}

function operand(
  token: Token,
  labels: Record<string, string>,
  value: number,
  fail: (message: string) => never,
): Value {
  switch (token.kind) {
    case "string":
    case "number":
      return token.value;
    case "variable":
      return dataField(token.name === "value" ? ["Value"] : ["Labels"], token, labels, value, fail);
    case "field":
      return dataField([], token, labels, value, fail);
    case "identifier":
      return fail(`function "${token.name}" used as an argument; pipe into it instead`);
    case "pipe":
      return fail("unexpected |");
    default: {
      const exhaustive: never = token;
      return fail(`unexpected token ${JSON.stringify(exhaustive)}`);
    }
  }
}

/** Resolves `$value`, `$labels.x`, `.Value` and `.Labels.x` against the alert's data. */
function dataField(
  prefix: string[],
  token: Extract<Token, { kind: "variable" | "field" }>,
  labels: Record<string, string>,
  value: number,
  fail: (message: string) => never,
): Value {
  const path = token.fields.map((field) => `.${field}`).join("");
  const written = token.kind === "variable" ? `$${token.name}${path}` : path;
  if (token.kind === "variable" && token.name !== "value" && token.name !== "labels") {
    fail(`variable $${token.name} is not supported (only $labels and $value)`);
  }
  // Label values are strings; a missing label renders empty (map[string]string's zero value).
  const [root, ...rest] = [...prefix, ...token.fields];
  if (root === "Value" && rest.length === 0) return value;
  if (root === "Labels" && rest.length === 1) return labels[rest[0] ?? ""] ?? "";
  return fail(`${written} is not supported (use $labels.<name> or $value)`);
}

const FUNCTIONS = ["humanize", "humanize1024", "humanizeDuration", "humanizePercentage", "printf"];

function callFunction(name: string, args: Value[], fail: (message: string) => never): Value {
  switch (name) {
    case "humanize":
    case "humanize1024":
    case "humanizeDuration":
    case "humanizePercentage": {
      if (args.length !== 1) fail(`wrong number of args for ${name}: want 1 got ${args.length}`);
      const number = toFloat(args[0] ?? 0, fail);
      if (name === "humanize") return humanize(number);
      if (name === "humanize1024") return humanize1024(number);
      if (name === "humanizeDuration") return humanizeDuration(number);
      return goSprintf("%.4g%%", [number * 100]);
    }
    case "printf": {
      const [format, ...rest] = args;
      if (typeof format !== "string") return fail("printf needs a format string as its first argument");
      try {
        return goSprintf(format, rest);
      } catch (error) {
        return fail(error instanceof Error ? error.message : String(error));
      }
    }
    default:
      return fail(`function "${name}" is not supported (supported: ${FUNCTIONS.join(", ")})`);
  }
}

const FLOAT_TEXT = /^[-+]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|inf|infinity|nan)$/i;

/** Prometheus's convertToFloat: numbers pass through, strings go through strconv.ParseFloat. */
function toFloat(value: Value, fail: (message: string) => never): number {
  if (typeof value === "number") return value;
  if (!FLOAT_TEXT.test(value)) fail(`strconv.ParseFloat: parsing ${JSON.stringify(value)}: invalid syntax`);
  const lower = value.toLowerCase().replace(/^\+/, "");
  if (lower === "nan") return Number.NaN;
  if (lower === "inf" || lower === "infinity") return Number.POSITIVE_INFINITY;
  if (lower === "-inf" || lower === "-infinity") return Number.NEGATIVE_INFINITY;
  return Number(value);
}

const BIG_PREFIXES = ["k", "M", "G", "T", "P", "E", "Z", "Y"];
const SMALL_PREFIXES = ["m", "u", "n", "p", "f", "a", "z", "y"];

function humanize(input: number): string {
  let v = input;
  if (v === 0 || !Number.isFinite(v)) return goSprintf("%.4g", [v]);
  let prefix = "";
  if (Math.abs(v) >= 1) {
    for (const p of BIG_PREFIXES) {
      if (Math.abs(v) < 1000) break;
      prefix = p;
      v /= 1000;
    }
  } else {
    for (const p of SMALL_PREFIXES) {
      if (Math.abs(v) >= 1) break;
      prefix = p;
      v *= 1000;
    }
  }
  return `${goSprintf("%.4g", [v])}${prefix}`;
}

function humanize1024(input: number): string {
  let v = input;
  if (Math.abs(v) <= 1 || !Number.isFinite(v)) return goSprintf("%.4g", [v]);
  let prefix = "";
  for (const p of ["ki", "Mi", "Gi", "Ti", "Pi", "Ei", "Zi", "Yi"]) {
    if (Math.abs(v) < 1024) break;
    prefix = p;
    v /= 1024;
  }
  return `${goSprintf("%.4g", [v])}${prefix}`;
}

function humanizeDuration(input: number): string {
  let v = input;
  if (!Number.isFinite(v)) return goSprintf("%.4g", [v]);
  if (v === 0) return goSprintf("%.4gs", [v]);
  if (Math.abs(v) >= 1) {
    const sign = v < 0 ? "-" : "";
    v = Math.abs(v);
    // Go truncates to int64 and divides with integer arithmetic.
    const duration = Math.trunc(v);
    const seconds = duration % 60;
    const minutes = Math.trunc(duration / 60) % 60;
    const hours = Math.trunc(duration / 3600) % 24;
    const days = Math.trunc(duration / 86400);
    if (days !== 0) return `${sign}${days}d ${hours}h ${minutes}m ${seconds}s`;
    if (hours !== 0) return `${sign}${hours}h ${minutes}m ${seconds}s`;
    if (minutes !== 0) return `${sign}${minutes}m ${seconds}s`;
    return `${sign}${goSprintf("%.4g", [v])}s`;
  }
  let prefix = "";
  for (const p of SMALL_PREFIXES) {
    if (Math.abs(v) >= 1) break;
    prefix = p;
    v *= 1000;
  }
  return `${goSprintf("%.4g", [v])}${prefix}s`;
}
