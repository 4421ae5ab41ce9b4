/**
 * Go's html/template contextual escaping, for the HTML e-mail body (Alertmanager executes `html`
 * with html/template): like Go's escaper, it walks each template that runs, tracks where the
 * text leaves off (element text, inside a tag, inside a quoted attribute, a URL attribute) and
 * appends the escaping function that context needs to every action that prints. A template
 * called from another context is escaped as a copy under a derived name, as Go does.
 *
 * Covered: text, RCDATA (title, textarea), tags, quoted and unquoted attribute values, URL
 * attributes (filter + normaliser at the start, query escaper after `?`). Script and style
 * contents and CSS/JS attributes are escaped as HTML text, which is what the generated templates
 * need (their style attributes hold no output); Go would use its JS/CSS escapers there.
 */
import { TemplateExecError, type GoFunc } from "../templates/exec";
import { sprint } from "../templates/go-fmt";
import type { ListNode, Node, PipeNode } from "../templates/nodes";
import type { TemplateSet } from "../templates/parser";
import { goString, INVALID, indirect, indirectInterface, T, type Value } from "../templates/values";

type State = "text" | "rcdata" | "tag" | "attrName" | "afterName" | "beforeValue" | "attr";

interface Context {
  state: State;
  /** The element whose raw contents we are in (rcdata), or whose tag we are in. */
  element?: string;
  attr?: "url" | "normal" | "other";
  quote?: '"' | "'" | "";
  /** Inside a URL attribute: none yet, before the query, or in the query/fragment. */
  urlPart?: "none" | "pre" | "query";
}

const TEXT: Context = { state: "text" };
const key = (c: Context): string => JSON.stringify(c);

const URL_ATTRS = new Set([
  "action",
  "archive",
  "background",
  "cite",
  "classid",
  "codebase",
  "data",
  "formaction",
  "href",
  "icon",
  "longdesc",
  "manifest",
  "poster",
  "profile",
  "src",
  "srcset",
  "usemap",
  "xmlns",
]);

function attrType(name: string): Context["attr"] {
  const n = name.toLowerCase().replace(/^(data-|xmlns:)/, "");
  if (n.startsWith("on") || n === "style") return "other";
  if (URL_ATTRS.has(n) || n.includes("src") || n.includes("uri") || n.includes("url")) return "url";
  return "normal";
}

const RAW_ELEMENTS = new Set(["script", "style", "textarea", "title"]);

/**
 * The context after static text `s0` read in context `c0` (Go's transition functions, simplified),
 * and the text as html/template writes it: HTML comments in element text are dropped.
 */
function afterText(c0: Context, s0: string): { context: Context; text: string } {
  let s = s0;
  let c: Context = { ...c0 };
  let i = 0;
  const done = (): { context: Context; text: string } => ({ context: c, text: s });
  while (i < s.length) {
    switch (c.state) {
      case "text": {
        const lt = s.indexOf("<", i);
        if (lt === -1) return done();
        if (s.startsWith("<!--", lt)) {
          const end = s.indexOf("-->", lt + 4);
          s = s.slice(0, lt) + (end === -1 ? "" : s.slice(end + 3));
          i = lt;
          break;
        }
        const m = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)/.exec(s.slice(lt));
        if (!m) {
          i = lt + 1;
          break;
        }
        i = lt + m[0].length;
        c = { state: "tag", element: m[1] ? undefined : (m[2] ?? "").toLowerCase() };
        break;
      }
      case "rcdata": {
        const end = s.toLowerCase().indexOf(`</${c.element}`, i);
        if (end === -1) return done();
        i = end + 2 + (c.element ?? "").length;
        c = { state: "tag" };
        break;
      }
      case "tag": {
        const ch = s[i] ?? "";
        if (ch === ">") {
          i++;
          c = c.element && RAW_ELEMENTS.has(c.element) ? { state: "rcdata", element: c.element } : TEXT;
        } else if (/[\s/]/.test(ch)) i++;
        else {
          const m = /^[^\s=>/]+/.exec(s.slice(i));
          const name = m?.[0] ?? ch;
          i += name.length;
          c = { state: "afterName", element: c.element, attr: attrType(name) };
        }
        break;
      }
      case "attrName":
      case "afterName": {
        const ch = s[i] ?? "";
        if (ch === "=") {
          i++;
          c = { ...c, state: "beforeValue" };
        } else if (/\s/.test(ch)) i++;
        else c = { state: "tag", element: c.element };
        break;
      }
      case "beforeValue": {
        const ch = s[i] ?? "";
        if (/\s/.test(ch)) i++;
        else if (ch === '"' || ch === "'") {
          i++;
          c = { ...c, state: "attr", quote: ch, urlPart: "none" };
        } else c = { ...c, state: "attr", quote: "", urlPart: "none" };
        break;
      }
      case "attr": {
        const end = c.quote ? s.indexOf(c.quote, i) : s.slice(i).search(/[\s>]/);
        const stop = end === -1 ? s.length : c.quote ? end : i + end;
        const value = s.slice(i, stop);
        if (c.attr === "url" && value.length > 0)
          c = { ...c, urlPart: /[?#]/.test(value) || c.urlPart === "query" ? "query" : "pre" };
        if (end === -1) return done();
        i = c.quote ? stop + 1 : stop;
        c = { state: "tag", element: c.element };
        break;
      }
    }
  }
  return done();
}

/** The escaping functions, in order, for an action printing in context c. */
function escapers(c: Context): string[] {
  switch (c.state) {
    case "text":
    case "rcdata":
      return ["_html_template_htmlescaper"];
    case "attr":
      if (c.attr === "url") {
        const url =
          c.urlPart === "query"
            ? ["_html_template_urlescaper"]
            : c.urlPart === "pre"
              ? ["_html_template_urlnormalizer"]
              : ["_html_template_urlfilter", "_html_template_urlnormalizer"];
        return [...url, c.quote ? "_html_template_attrescaper" : "_html_template_nospaceescaper"];
      }
      return [c.quote ? "_html_template_attrescaper" : "_html_template_nospaceescaper"];
    case "beforeValue":
      return ["_html_template_nospaceescaper"];
    default:
      return ["_html_template_htmlnamefilter"];
  }
}

class Escaper {
  readonly out: TemplateSet = new Map();
  private readonly ends = new Map<string, Context>();
  constructor(private readonly source: TemplateSet) {}

  /** Escapes template `name` for a start in context c; returns its derived name and end context. */
  template(name: string, c: Context): { name: string; end: Context } {
    const derived = key(c) === key(TEXT) ? name : `${name}$htmltemplate_${key(c)}`;
    const known = this.ends.get(derived);
    if (known) return { name: derived, end: known };
    const tree = this.source.get(name);
    if (!tree) return { name, end: c };
    const copy = structuredClone(tree);
    // Recursive calls assume the template ends where it starts (Go computes a fixed point).
    this.ends.set(derived, c);
    this.out.set(derived, copy);
    const end = this.list(copy, c);
    this.ends.set(derived, end);
    return { name: derived, end };
  }

  private list(list: ListNode, c0: Context): Context {
    let c = c0;
    for (const node of list.nodes) c = this.node(node, c);
    return c;
  }

  private branch(node: Extract<Node, { type: "if" | "range" | "with" }>, c: Context): Context {
    const a = this.list(node.list, c);
    const b = node.elseList ? this.list(node.elseList, c) : c;
    if (key(a) === key(b)) return a;
    // Go joins URL parts that differ into "unknown"; the preview continues as after text.
    if (
      a.state === "attr" &&
      b.state === "attr" &&
      key({ ...a, urlPart: "pre" }) === key({ ...b, urlPart: "pre" })
    )
      return { ...a, urlPart: "pre" };
    throw new TemplateExecError(`html/template: {{${node.type}}} branches end in different contexts`);
  }

  private node(node: Node, c: Context): Context {
    switch (node.type) {
      case "text": {
        const { context, text } = afterText(c, node.text);
        node.text = text;
        return context;
      }
      case "action":
        if (node.pipe.decl.length === 0) this.addEscapers(node.pipe, c);
        return c.state === "beforeValue" ? { ...c, state: "attr", quote: "", urlPart: "pre" } : c;
      case "if":
      case "range":
      case "with":
        return this.branch(node, c);
      case "list":
        return this.list(node, c);
      case "template": {
        const { name, end } = this.template(node.name, c);
        node.name = name;
        return end;
      }
      default:
        return c;
    }
  }

  private addEscapers(pipe: PipeNode, c: Context): void {
    for (const ident of escapers(c))
      pipe.cmds.push({
        type: "command",
        pos: pipe.pos,
        args: [{ type: "identifier", pos: pipe.pos, ident }],
      });
  }
}

/** The templates as html/template runs them: `root` and every template it calls, escaped. */
export function escapeHtmlTemplates(templates: TemplateSet, root: string): TemplateSet {
  const escaper = new Escaper(templates);
  const { end } = escaper.template(root, TEXT);
  if (end.state !== "text" && end.state !== "rcdata")
    throw new TemplateExecError(`html/template:${root}: ends in a non-text context: ${key(end)}`);
  const out = new Map(templates);
  for (const [name, tree] of escaper.out) out.set(name, tree);
  return out;
}

/** Text of the escaper's arguments, and whether it is already safe HTML (template.HTML). */
function stringify(args: Value[]): { text: string; html: boolean } {
  const values = args.map((arg) => {
    let v = indirectInterface(arg);
    if (v !== INVALID && v.type.kind === "ptr") v = indirect(v).value;
    return v;
  });
  const only = values[0];
  if (values.length === 1 && only && only.type.kind === "string")
    return { text: only.v as string, html: only.type.name === "template.HTML" };
  return { text: sprint(values.map((v) => v ?? goString("<no value>"))), html: false };
}

const replace =
  (table: Record<string, string>) =>
  (s: string): string =>
    s.replace(/[\s\S]/g, (ch) => table[ch] ?? ch);

const HTML_TABLE: Record<string, string> = {
  "\0": "\uFFFD",
  '"': "&#34;",
  "&": "&amp;",
  "'": "&#39;",
  "+": "&#43;",
  "<": "&lt;",
  ">": "&gt;",
};
const { "&": _amp, ...HTML_NORM_TABLE } = HTML_TABLE;
const NOSPACE_TABLE: Record<string, string> = {
  ...HTML_TABLE,
  "\t": "&#9;",
  "\n": "&#10;",
  "\v": "&#11;",
  "\f": "&#12;",
  "\r": "&#13;",
  " ": "&#32;",
  "=": "&#61;",
  "`": "&#96;",
};

const htmlEscape = replace(HTML_TABLE);
const stripTags = (s: string): string => s.replace(/<[^>]*>/g, "");

/** processURLOnto: percent-encodes every byte but the unreserved (and, normalising, the reserved ones). */
function processUrl(s: string, norm: boolean): string {
  let out = "";
  for (const byte of new TextEncoder().encode(s)) {
    const c = String.fromCharCode(byte);
    const keep = /[A-Za-z0-9\-._~]/.test(c) || (norm && /[!#$&*+,/:;=?@[\]%]/.test(c));
    // fmt "%%%02x": html/template writes lower-case hex digits.
    out += keep ? c : `%${byte.toString(16).padStart(2, "0")}`;
  }
  return out;
}

const stringFunc = (f: (args: Value[]) => string): GoFunc => ({
  params: [T.emptyInterface],
  variadic: true,
  result: T.string,
  call: (args) => goString(f(args)),
});

/** The functions escapeHtmlTemplates inserts, for the executor's function map. */
export const HTML_ESCAPERS: Readonly<Record<string, GoFunc>> = {
  _html_template_htmlescaper: stringFunc((args) => {
    const { text, html } = stringify(args);
    return html ? text : htmlEscape(text);
  }),
  _html_template_attrescaper: stringFunc((args) => {
    const { text, html } = stringify(args);
    return html ? replace(HTML_NORM_TABLE)(stripTags(text)) : htmlEscape(text);
  }),
  _html_template_nospaceescaper: stringFunc((args) => {
    const { text, html } = stringify(args);
    const escaped = replace(NOSPACE_TABLE)(html ? stripTags(text) : text);
    return escaped === "" ? "ZgotmplZ" : escaped;
  }),
  _html_template_htmlnamefilter: stringFunc((args) => {
    const { text } = stringify(args);
    return /^[a-zA-Z0-9-]+$/.test(text) && !/^on/i.test(text) ? text.toLowerCase() : "ZgotmplZ";
  }),
  _html_template_urlfilter: stringFunc((args) => {
    const { text } = stringify(args);
    const colon = text.indexOf(":");
    if (colon !== -1 && !text.slice(0, colon).includes("/")) {
      const scheme = text.slice(0, colon).toLowerCase();
      if (scheme !== "http" && scheme !== "https" && scheme !== "mailto") return "#ZgotmplZ";
    }
    return text;
  }),
  _html_template_urlnormalizer: stringFunc((args) => processUrl(stringify(args).text, true)),
  _html_template_urlescaper: stringFunc((args) => processUrl(stringify(args).text, false)),
};
