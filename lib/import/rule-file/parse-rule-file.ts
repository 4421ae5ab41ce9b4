import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Document,
  type Node,
  type Pair,
  parseAllDocuments,
  stringify,
} from "yaml";
import { MetricNameSchema, parseDuration, type RuleGroupInput } from "../../model";
import { analyzePromql } from "../../promql/parse";
import { MAX_INPUT_DEPTH, tooDeepAt } from "../../security/nesting";

/**
 * Prometheus rule files (`groups:`) and PrometheusRule resources (`spec.groups`) read the way
 * Prometheus 2.42's rulefmt reads them: scalars as their source text (yaml.v3 gives a string field
 * the text as written, so `1.0` stays `1.0`), unknown fields refused, and every problem
 * `promtool check rules` reports, worded as it words them, by group and rule. Annotation templates
 * are not checked here (lib/alerting/templates renders them).
 */

/** One problem of a rule file, as promtool prints it after the file name. */
export interface RuleFileProblem {
  /** 1-based position of the YAML node, when promtool names one. */
  line?: number;
  column?: number;
  message: string;
  /**
   * Set when only Prometheus before this version refuses it (query_offset 2.53, group labels 3.0):
   * promtool 2.42 reports it, the model and the bundle's Prometheus take it.
   */
  acceptedSince?: string;
}

export type RuleFileFormat = "prometheus" | "PrometheusRule";

export interface ParsedRuleFile {
  format: RuleFileFormat;
  /** The groups in model input shape, in file order (those with errors included, as far as read). */
  groups: RuleGroupInput[];
  problems: RuleFileProblem[];
}

const RULEFMT_GROUP_FIELDS = new Set(["name", "interval", "limit", "rules"]);
const NEWER_GROUP_FIELDS: Record<string, string> = { query_offset: "2.53", labels: "3.0" };
const RULE_FIELDS = new Set(["record", "alert", "expr", "for", "keep_firing_for", "labels", "annotations"]);
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const PROMETHEUS_RULE_API = /^monitoring\.coreos\.com\//;

type Plain = Record<string, unknown>;

function isPlainObject(value: unknown): value is Plain {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isPrometheusRule(value: unknown): boolean {
  return (
    isPlainObject(value) &&
    value.kind === "PrometheusRule" &&
    typeof value.apiVersion === "string" &&
    PROMETHEUS_RULE_API.test(value.apiVersion)
  );
}

function isRulesDocument(value: unknown): boolean {
  if (!isPlainObject(value) || !Array.isArray(value.groups)) return false;
  return value.groups.every((group) => isPlainObject(group) && ("rules" in group || "name" in group));
}

function isList(value: unknown): value is { items: unknown[] } {
  return (
    isPlainObject(value) &&
    typeof value.kind === "string" &&
    value.kind.endsWith("List") &&
    Array.isArray(value.items)
  );
}

/**
 * Whether a parsed document is rule files' content: a rule file, a PrometheusRule, a Kubernetes
 * List of them, or several YAML documents (an array) each one of those.
 */
export function isRuleFileDocument(document: unknown): boolean {
  const one = (value: unknown): boolean =>
    isRulesDocument(value) ||
    isPrometheusRule(value) ||
    (isList(value) && value.items.length > 0 && value.items.every(isPrometheusRule));
  if (Array.isArray(document)) {
    const documents = document.filter((value) => value !== null && value !== undefined);
    return documents.length > 0 && documents.every(one);
  }
  return one(document);
}

/** Reads the text of a rule file, or of PrometheusRule resources, with every problem found. */
export function parseRuleFile(text: string): ParsedRuleFile {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter, uniqueKeys: true });
  const reader = new RuleFileReader(lineCounter);
  if (!Array.isArray(documents)) {
    return { format: "prometheus", groups: [], problems: [{ message: "no YAML document" }] };
  }
  try {
    for (const document of documents) reader.readDocument(document);
  } catch (error) {
    // The yaml library refuses an alias bomb (more aliases than its maxAliasCount) with a
    // ReferenceError, and nesting deep enough overflows the stack: problems of the file, not crashes.
    if (error instanceof ReferenceError || error instanceof RangeError)
      return { format: "prometheus", groups: [], problems: [{ message: `yaml: ${error.message}` }] };
    throw error;
  }
  return reader.result();
}

/** A rule file from an already-parsed value (JSON, or YAML read without its text). */
export function parseRuleFileValue(value: unknown): ParsedRuleFile {
  const tooDeep = tooDeepAt(value);
  if (tooDeep !== undefined)
    return {
      format: "prometheus",
      groups: [],
      problems: [{ message: `${tooDeep}: nested deeper than ${MAX_INPUT_DEPTH} levels` }],
    };
  const documents = Array.isArray(value) ? value : [value];
  // No anchors for an object met twice: the text is read back with a limit on aliases.
  return parseRuleFile(
    documents
      .map((document) => stringify(document, { lineWidth: 0, aliasDuplicateObjects: false }))
      .join("---\n"),
  );
}

class RuleFileReader {
  private readonly groups: RuleGroupInput[] = [];
  private readonly problems: RuleFileProblem[] = [];
  private readonly groupNames = new Set<string>();
  private format: RuleFileFormat = "prometheus";
  private document: Document.Parsed | undefined;

  constructor(private readonly lines: LineCounter) {}

  result(): ParsedRuleFile {
    return { format: this.format, groups: this.groups, problems: this.problems };
  }

  private at(node: Node | Pair | null | undefined): { line?: number; column?: number } {
    const range = node && "range" in node ? node.range : undefined;
    const offset =
      range?.[0] ?? (node && "key" in node && isScalar(node.key) ? node.key.range?.[0] : undefined);
    if (offset === undefined) return {};
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col };
  }

  private problem(message: string, node?: Node | Pair | null, acceptedSince?: string): void {
    this.problems.push({
      ...(node ? this.at(node) : {}),
      message,
      ...(acceptedSince ? { acceptedSince } : {}),
    });
  }

  private resolve(node: unknown): Node | null {
    if (isAlias(node) && this.document) return (node.resolve(this.document) as Node | undefined) ?? null;
    return (node as Node | null) ?? null;
  }

  readDocument(document: Document.Parsed): void {
    this.document = document;
    for (const error of document.errors) {
      const [line, column] = error.linePos?.[0] ? [error.linePos[0].line, error.linePos[0].col] : [];
      this.problems.push({ line, column, message: `yaml: ${error.message.split("\n")[0]}` });
    }
    if (document.errors.length > 0) return;
    const root = this.resolve(document.contents);
    if (root === null) return;
    const plain = document.toJS();
    if (isPrometheusRule(plain)) this.readPrometheusRule(root);
    else if (isList(plain)) {
      const items = isMap(root) ? this.resolve(root.get("items", true)) : null;
      if (isSeq(items)) for (const item of items.items) this.readPrometheusRule(this.resolve(item));
    } else this.readGroups(root, "rulefmt.RuleGroups");
  }

  private readPrometheusRule(node: Node | null): void {
    this.format = "PrometheusRule";
    const spec = isMap(node) ? this.resolve(node.get("spec", true)) : null;
    if (spec === null) return;
    this.readGroups(spec, "v1.PrometheusRuleSpec");
  }

  /** `groups:` of a rule file or of a PrometheusRule's spec. */
  private readGroups(node: Node, typeName: string): void {
    if (!isMap(node)) {
      this.problem(`cannot unmarshal ${tagOf(node)} into ${typeName}`, node);
      return;
    }
    let groups: Node | null = null;
    for (const pair of node.items) {
      const key = keyText(pair);
      if (key === "groups") groups = this.resolve(pair.value);
      else if (typeName === "rulefmt.RuleGroups")
        this.problem(`field ${key} not found in type ${typeName}`, pair.key as Node);
    }
    if (groups === null) return;
    if (!isSeq(groups)) {
      this.problem(`cannot unmarshal ${tagOf(groups)} into []rulefmt.RuleGroup`, groups);
      return;
    }
    for (const item of groups.items) this.readGroup(this.resolve(item));
  }

  private readGroup(node: Node | null): void {
    if (!isMap(node)) {
      this.problem(`cannot unmarshal ${tagOf(node)} into rulefmt.RuleGroup`, node);
      return;
    }
    const group: RuleGroupInput & { rules: unknown[] } = { name: "", rules: [] };
    let rulesNode: Node | null = null;
    for (const pair of node.items) {
      const key = keyText(pair);
      const value = this.resolve(pair.value);
      if (!RULEFMT_GROUP_FIELDS.has(key) && !(key in NEWER_GROUP_FIELDS)) {
        this.problem(`field ${key} not found in type rulefmt.RuleGroup`, pair.key as Node);
        continue;
      }
      const since = NEWER_GROUP_FIELDS[key];
      if (since) this.problem(`field ${key} not found in type rulefmt.RuleGroup`, pair.key as Node, since);
      switch (key) {
        case "name":
          group.name = this.text(value) ?? "";
          break;
        case "interval":
          group.interval = this.duration(value);
          break;
        case "query_offset":
          group.queryOffset = this.duration(value);
          break;
        case "limit":
          group.limit = this.integer(value);
          break;
        case "labels":
          group.labels = this.stringMap(value, "labels");
          break;
        case "rules":
          rulesNode = value;
          break;
      }
    }
    if (group.name === "") this.problem("Groupname must not be empty", node);
    else if (this.groupNames.has(group.name))
      this.problem(`groupname: "${group.name}" is repeated in the same file`, node);
    this.groupNames.add(group.name);
    for (const name of Object.keys(group.labels ?? {}))
      if (!LABEL_NAME.test(name) || name === "__name__")
        this.problem(`group "${group.name}": invalid label name: ${name}`);
    // `rules:` with nothing after it is null, which Go reads as no rules.
    if (rulesNode !== null && !(isScalar(rulesNode) && rulesNode.value === null)) {
      if (!isSeq(rulesNode))
        this.problem(`cannot unmarshal ${tagOf(rulesNode)} into []rulefmt.RuleNode`, rulesNode);
      else
        rulesNode.items.forEach((item, index) => {
          const rule = this.readRule(this.resolve(item), group.name, index + 1);
          if (rule) group.rules.push(rule);
        });
    }
    this.groups.push(group);
  }

  private readRule(node: Node | null, groupName: string, position: number): Plain | undefined {
    if (!isMap(node)) {
      this.problem(`cannot unmarshal ${tagOf(node)} into rulefmt.RuleNode`, node);
      return undefined;
    }
    const fields = new Map<string, { pair: Pair; value: Node | null }>();
    for (const pair of node.items) {
      const key = keyText(pair);
      if (!RULE_FIELDS.has(key))
        this.problem(`field ${key} not found in type rulefmt.RuleNode`, pair.key as Node);
      else fields.set(key, { pair, value: this.resolve(pair.value) });
    }
    const record = this.text(fields.get("record")?.value ?? null) ?? "";
    const alert = this.text(fields.get("alert")?.value ?? null) ?? "";
    const name = alert !== "" ? alert : record;
    const prefix = `group "${groupName}", rule ${position}, "${name}": `;
    const say = (message: string, at?: Node | null): void => this.problem(`${prefix}${message}`, at);

    const recordNode = fields.get("record")?.value;
    if (record !== "" && alert !== "") {
      // rulefmt names both nodes: the record's position, then the alert's.
      const { line, column } = this.at(fields.get("alert")?.value ?? null);
      const alertAt = line === undefined ? "" : `${line}:${column}: `;
      this.problem(`${alertAt}${prefix}only one of 'record' and 'alert' must be set`, recordNode);
    }
    if (record === "" && alert === "") say("one of 'record' or 'alert' must be set");
    const exprNode = fields.get("expr")?.value ?? null;
    const expr = this.text(exprNode) ?? "";
    if (expr === "") say("field 'expr' must be set in rule", exprNode);
    else {
      const { error } = analyzePromql(expr);
      if (error)
        say(`could not parse expression: ${goParseError(expr, error.position, error.message)}`, exprNode);
    }
    const forText = this.duration(fields.get("for")?.value ?? null, say);
    const keepFiringFor = this.duration(fields.get("keep_firing_for")?.value ?? null, say);
    const labels = this.stringMap(fields.get("labels")?.value ?? null, "labels", say) ?? {};
    const annotations = this.stringMap(fields.get("annotations")?.value ?? null, "annotations", say) ?? {};
    if (record !== "") {
      if (Object.keys(annotations).length > 0)
        say("invalid field 'annotations' in recording rule", recordNode);
      if (forText !== undefined && parseDuration(forText) !== 0)
        say("invalid field 'for' in recording rule", recordNode);
      if (keepFiringFor !== undefined && parseDuration(keepFiringFor) !== 0)
        say("invalid field 'keep_firing_for' in recording rule", recordNode);
      if (!MetricNameSchema.safeParse(record).success)
        say(`invalid recording rule name: ${record}`, recordNode);
    }
    for (const label of Object.keys(labels))
      if (!LABEL_NAME.test(label) || label === "__name__") say(`invalid label name: ${label}`);
    for (const annotation of Object.keys(annotations))
      if (!LABEL_NAME.test(annotation)) say(`invalid annotation name: ${annotation}`);
    return record !== "" && alert === ""
      ? { kind: "record", record, expr, labels }
      : compactRule({ kind: "alert", alert, expr, for: forText, keepFiringFor, labels, annotations });
  }

  /** A scalar as yaml.v3 gives it to a string field: plain scalars as written, null as "". */
  private text(node: Node | null): string | undefined {
    if (node === null) return undefined;
    if (!isScalar(node)) {
      this.problem(`cannot unmarshal ${tagOf(node)} into string`, node);
      return undefined;
    }
    if (node.value === null) return "";
    if (node.type === "PLAIN" && typeof node.source === "string") return node.source;
    return String(node.value);
  }

  private duration(node: Node | null, say?: (message: string, at?: Node | null) => void): string | undefined {
    const text = this.text(node);
    if (text === undefined || text === "") return undefined;
    if (parseDuration(text) === undefined) {
      const message = `not a valid duration string: "${text}"`;
      if (say) say(message, node);
      else this.problem(message, node);
    }
    return text;
  }

  private integer(node: Node | null): number | undefined {
    const text = this.text(node);
    if (text === undefined || text === "") return undefined;
    if (!isScalar(node) || node.type !== "PLAIN" || !/^[-+]?\d+$/.test(text)) {
      this.problem(`cannot unmarshal ${tagOf(node)} \`${text}\` into int`, node);
      return undefined;
    }
    return Number(text);
  }

  private stringMap(
    node: Node | null,
    what: string,
    say?: (message: string, at?: Node | null) => void,
  ): Record<string, string> | undefined {
    if (node === null || (isScalar(node) && node.value === null)) return undefined;
    if (!isMap(node)) {
      const message = `cannot unmarshal ${tagOf(node)} into map[string]string (${what})`;
      if (say) say(message, node);
      else this.problem(message, node);
      return undefined;
    }
    const out: Record<string, string> = {};
    for (const pair of node.items) out[keyText(pair)] = this.text(this.resolve(pair.value)) ?? "";
    return out;
  }
}

function compactRule(rule: Plain): Plain {
  return Object.fromEntries(Object.entries(rule).filter(([, value]) => value !== undefined));
}

function keyText(pair: Pair): string {
  const key = pair.key;
  if (isScalar(key))
    return key.type === "PLAIN" && typeof key.source === "string" ? key.source : String(key.value);
  return String(key);
}

/** The YAML tag Go's decoder names in its errors: `!!map`, `!!seq`, `!!str`, `!!int`. */
function tagOf(node: Node | null | undefined): string {
  if (node === null || node === undefined) return "!!null";
  if (isMap(node)) return "!!map";
  if (isSeq(node)) return "!!seq";
  if (isScalar(node)) {
    if (node.value === null) return "!!null";
    switch (typeof node.value) {
      case "number":
        return Number.isInteger(node.value) ? "!!int" : "!!float";
      case "boolean":
        return "!!bool";
      default:
        return "!!str";
    }
  }
  return "!!node";
}

/** Prometheus's ParseErr text: `line:column: parse error: message`, the column 1-based. */
function goParseError(expr: string, position: number, message: string): string {
  const before = expr.slice(0, Math.max(0, Math.min(position, expr.length)));
  const line = before.split("\n").length;
  const lastBreak = before.lastIndexOf("\n");
  return `${line}:${position - lastBreak}: parse error: ${message}`;
}
