import { isMap, isScalar, isSeq, type Node, parseDocument, stringify } from "yaml";
import type { ModelIssue } from "@/lib/model/issues";
import type { AlertingRule, RecordingRule, Rule, RuleGroup } from "@/lib/model/rule";

/**
 * The rule group editor's YAML tab: the group as Prometheus's rule file spells it, and back. The
 * text holds every rule of the group, disabled ones too (the form's "enabled" has no YAML key; the
 * bundle leaves disabled rules out). What YAML cannot say (enabled, the catalog's runbook, the panel
 * link, unit tests) is carried over from the draft, rule by rule, by position. Durations, names and
 * label names are not checked here: a `for: 5x` reaches the draft, whose checks mark it on the field
 * and in the YAML alike. Only what cannot become a group at all stays in the text with a marker.
 */

/** Model field → rule-file key, where they differ. */
const YAML_KEYS: Readonly<Record<string, string>> = {
  keepFiringFor: "keep_firing_for",
  queryOffset: "query_offset",
};

const GROUP_KEYS = ["name", "interval", "limit", "query_offset", "labels", "rules"] as const;
const ALERT_KEYS = ["alert", "expr", "for", "keep_firing_for", "labels", "annotations"] as const;
const RECORD_KEYS = ["record", "expr", "labels"] as const;

function nonEmpty(record: Readonly<Record<string, string>> | undefined): Record<string, string> | undefined {
  return record && Object.keys(record).length > 0 ? { ...record } : undefined;
}

/** Drops undefined values so they are not written as `null`; keeps the key order given. */
function defined(entries: [string, unknown][]): Record<string, unknown> {
  return Object.fromEntries(entries.filter(([, value]) => value !== undefined));
}

function ruleEntry(rule: Rule): Record<string, unknown> {
  if (rule.kind === "record") {
    return defined([
      ["record", rule.record],
      ["expr", rule.expr],
      ["labels", nonEmpty(rule.labels)],
    ]);
  }
  return defined([
    ["alert", rule.alert],
    ["expr", rule.expr],
    ["for", rule.for],
    ["keep_firing_for", rule.keepFiringFor],
    ["labels", nonEmpty(rule.labels)],
    ["annotations", nonEmpty(rule.annotations)],
  ]);
}

/** The group as a Prometheus rule file (`groups:` with this one group). */
export function ruleGroupToYaml(group: RuleGroup): string {
  const entry = defined([
    ["name", group.name],
    ["interval", group.interval],
    ["limit", group.limit],
    ["query_offset", group.queryOffset],
    ["labels", nonEmpty(group.labels)],
    ["rules", group.rules.map(ruleEntry)],
  ]);
  return stringify({ groups: [entry] }, { lineWidth: 0, aliasDuplicateObjects: false, indentSeq: true });
}

export type RuleGroupYamlParse = { ok: true; group: RuleGroup } | { ok: false; issues: ModelIssue[] };

class Problems {
  readonly issues: ModelIssue[] = [];
  add(path: string, message: string): void {
    this.issues.push({ path, message, severity: "error" });
  }
}

function at(parent: string, key: string | number): string {
  const base = parent === "(root)" ? "" : parent;
  if (typeof key === "number") return `${base}[${key}]`;
  const name = /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? key : JSON.stringify(key);
  if (name !== key) return `${base}[${name}]`;
  return base === "" ? key : `${base}.${key}`;
}

/** A scalar as Prometheus reads it into a string field: numbers and booleans as written. */
function scalarText(node: unknown, path: string, problems: Problems): string | undefined {
  if (node === undefined || node === null) return undefined;
  if (isScalar(node)) {
    if (node.value === null) return undefined;
    if (typeof node.source === "string") return node.source;
    return String(node.value);
  }
  problems.add(path, "expected a single value, not a list or a map");
  return undefined;
}

function stringMap(node: unknown, path: string, problems: Problems): Record<string, string> | undefined {
  if (node === undefined || node === null || (isScalar(node) && node.value === null)) return undefined;
  if (!isMap(node)) {
    problems.add(path, "expected a map of names to values");
    return undefined;
  }
  const out: Record<string, string> = {};
  for (const pair of node.items) {
    const key = scalarText(pair.key, path, problems);
    if (key === undefined) continue;
    if (Object.hasOwn(out, key)) problems.add(at(path, key), `"${key}" is repeated`);
    out[key] = scalarText(pair.value, at(path, key), problems) ?? "";
  }
  return out;
}

/** The keys of a map node with their values, refusing keys Prometheus's rule file does not have. */
function fields(
  node: Node,
  allowed: readonly string[],
  type: string,
  path: string,
  problems: Problems,
): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (!isMap(node)) {
    problems.add(path, `expected a map (${type})`);
    return out;
  }
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : "";
    if (!allowed.includes(key)) {
      // Prometheus's own wording (rulefmt, yaml.v3 strict decoding).
      problems.add(at(path, key || "(key)"), `field ${key} not found in type rulefmt.${type}`);
      continue;
    }
    out.set(key, pair.value);
  }
  return out;
}

function parseRule(
  node: Node,
  path: string,
  previous: Rule | undefined,
  problems: Problems,
): Rule | undefined {
  const keys = fields(node, [...new Set([...ALERT_KEYS, ...RECORD_KEYS])], "RuleNode", path, problems);
  const alert = scalarText(keys.get("alert"), `${path}.alert`, problems);
  const record = scalarText(keys.get("record"), `${path}.record`, problems);
  const expr = scalarText(keys.get("expr"), `${path}.expr`, problems) ?? "";
  const labels = stringMap(keys.get("labels"), `${path}.labels`, problems) ?? {};
  if (alert !== undefined && record !== undefined) {
    problems.add(path, "only one of 'record' and 'alert' must be set");
    return undefined;
  }
  if (record !== undefined) {
    for (const key of ["for", "keep_firing_for", "annotations"]) {
      if (keys.has(key)) problems.add(`${path}.${key}`, `invalid field '${key}' in recording rule`);
    }
    const kept = previous?.kind === "record" ? previous : undefined;
    const rule: RecordingRule = { kind: "record", record, expr, labels, enabled: kept?.enabled ?? true };
    return rule;
  }
  if (alert === undefined) {
    problems.add(path, "one of 'record' or 'alert' must be set");
    return undefined;
  }
  const kept = previous?.kind === "alert" ? previous : undefined;
  const rule: AlertingRule = {
    ...(kept ?? { enabled: true, tests: [] }),
    kind: "alert",
    alert,
    expr,
    labels,
    annotations: stringMap(keys.get("annotations"), `${path}.annotations`, problems) ?? {},
  } as AlertingRule;
  const forText = scalarText(keys.get("for"), `${path}.for`, problems);
  const keepFiring = scalarText(keys.get("keep_firing_for"), `${path}.keepFiringFor`, problems);
  if (forText === undefined) delete rule.for;
  else rule.for = forText;
  if (keepFiring === undefined) delete rule.keepFiringFor;
  else rule.keepFiringFor = keepFiring;
  return rule;
}

function parseLimit(node: unknown, problems: Problems): number | undefined {
  const text = scalarText(node, "limit", problems);
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) {
    problems.add("limit", `cannot unmarshal "${text}" into an int: the limit is a whole number, 0 for none`);
    return undefined;
  }
  return Number(text);
}

/**
 * The group a YAML text describes, on top of `current` (what YAML cannot hold is kept from it),
 * or every reason it is not one. Paths are the model's, relative to the group.
 */
export function ruleGroupFromYaml(text: string, current: RuleGroup): RuleGroupYamlParse {
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    return {
      ok: false,
      issues: document.errors.map((error) => ({
        path: "(root)",
        message: `YAML: ${error.message.split("\n")[0]}`,
        severity: "error" as const,
      })),
    };
  }
  const problems = new Problems();
  const root = document.contents;
  if (!root || !isMap(root) || !isSeq(root.get("groups", true))) {
    problems.add("(root)", "expected a rule file: a map with `groups:`, a list holding this group");
    return { ok: false, issues: problems.issues };
  }
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : "";
    if (key !== "groups") problems.add("(root)", `field ${key} not found in type rulefmt.RuleGroups`);
  }
  const groups = root.get("groups", true);
  const items = isSeq(groups) ? groups.items : [];
  if (items.length !== 1) {
    problems.add(
      "(root)",
      `this tab edits one group, and the text has ${items.length}: add other groups on the rules page`,
    );
    return { ok: false, issues: problems.issues };
  }
  const keys = fields(items[0] as Node, GROUP_KEYS, "RuleGroup", "(root)", problems);
  const name = scalarText(keys.get("name"), "name", problems) ?? "";
  if (name !== current.name) {
    problems.add("name", `the group is "${current.name}" here: rename it on the rules page`);
  }
  const rulesNode = keys.get("rules");
  const rules: Rule[] = [];
  if (rulesNode !== undefined && rulesNode !== null && !(isScalar(rulesNode) && rulesNode.value === null)) {
    if (!isSeq(rulesNode)) problems.add("rules", "expected a list of rules");
    else
      rulesNode.items.forEach((item, index) => {
        const rule = parseRule(item as Node, `rules[${index}]`, current.rules[index], problems);
        if (rule) rules.push(rule);
      });
  }
  const group: RuleGroup = { ...current, name: current.name, rules } as RuleGroup;
  const interval = scalarText(keys.get("interval"), "interval", problems);
  const queryOffset = scalarText(keys.get("query_offset"), "queryOffset", problems);
  const limit = parseLimit(keys.get("limit"), problems);
  const labels = stringMap(keys.get("labels"), "labels", problems);
  setOptional(group, "interval", interval);
  setOptional(group, "queryOffset", queryOffset);
  setOptional(group, "limit", limit);
  setOptional(group, "labels", labels && Object.keys(labels).length > 0 ? labels : undefined);
  if (problems.issues.length > 0) return { ok: false, issues: problems.issues };
  return { ok: true, group };
}

function setOptional<K extends keyof RuleGroup>(
  group: RuleGroup,
  key: K,
  value: RuleGroup[K] | undefined,
): void {
  if (value === undefined) delete group[key];
  else group[key] = value;
}

/**
 * Where a model path (relative to the group: `rules[0].keepFiringFor`) is in the rule file:
 * the same path with the file's key names, under `groups[0]`.
 */
export function yamlSegments(segments: readonly (string | number)[]): (string | number)[] {
  return [
    "groups",
    0,
    ...segments.map((segment) => (typeof segment === "string" ? (YAML_KEYS[segment] ?? segment) : segment)),
  ];
}
