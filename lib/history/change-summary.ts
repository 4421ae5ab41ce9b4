import { deepEqual } from "../dashboard/grafana-import/json";
import type { InhibitRule, Receiver, Route } from "../model/alertmanager";
import type { Dashboard } from "../model/dashboard";
import type { Datasource } from "../model/datasource";
import type { Panel } from "../model/panel";
import type { Project } from "../model/project";
import type { Rule, RuleGroup } from "../model/rule";
import type { ScrapeTarget } from "../model/scrape";
import {
  type AlertingSection,
  projectSections,
  type SectionKey,
  type SectionRef,
  type SettingsSection,
  sectionKey,
  sectionLabel,
} from "../model/sections";
import type { Variable } from "../model/variable";
import type { SectionChange } from "./section-change";

/**
 * What changed between two versions of a project, section by section, in words a user reads in
 * the history list: `dashboard "Operations": 3 panels changed; settings: metrics retention 30d →
 * 45d`. Pure: the server calls it when it stores a revision, the compare page when it shows two.
 */

/** Details kept per section; the rest is counted as "and N more". */
export const MAX_DETAILS = 5;
/** Sections spelled out by formatChanges; the rest are counted. */
export const MAX_SECTIONS = 5;
/** Items of a list named one by one up to this many; more are counted ("3 panels changed"). */
const MAX_NAMED = 2;

interface Noun {
  one: string;
  many: string;
}

const noun = (one: string, many = `${one}s`): Noun => ({ one, many });

function quote(text: string): string {
  return `"${text}"`;
}

/** `panel "CPU" changed`, `panels "CPU" and "Memory" changed`, `3 panels changed`. */
function itemsPhrase(kind: Noun, names: readonly string[], verb: string): string {
  if (names.length === 1) return `${kind.one} ${quote(names[0] ?? "")} ${verb}`;
  if (names.length <= MAX_NAMED) return `${kind.many} ${names.map(quote).join(" and ")} ${verb}`;
  return `${names.length} ${kind.many} ${verb}`;
}

/** `retention 30d → 45d`, or undefined when equal. Missing values read as `missing`. */
function valueChange(
  what: string,
  before: unknown,
  after: unknown,
  show: (value: unknown) => string = plain,
): string | undefined {
  if (deepEqual(before, after)) return undefined;
  return `${what} ${show(before)} → ${show(after)}`;
}

function plain(value: unknown): string {
  if (value === undefined || value === null) return "none";
  return typeof value === "string" ? value : JSON.stringify(value);
}

function quoted(value: unknown): string {
  return typeof value === "string" ? quote(value) : plain(value);
}

function changed(what: string, before: unknown, after: unknown): string | undefined {
  return deepEqual(before, after) ? undefined : `${what} changed`;
}

interface ListOptions<T> {
  kind: Noun;
  /** What identifies an item across versions. */
  keyOf: (item: T) => string;
  /** How an item is named in words. */
  nameOf: (item: T) => string;
  /** The verb for a changed item (`moved`, `disabled`); default `changed`. */
  verbOf?: (before: T, after: T) => string;
}

/**
 * Items added, removed and changed (each verb as one phrase), matched by key; `reordered` when
 * the same items only changed places.
 */
function listChanges<T>(
  before: readonly T[] | undefined,
  after: readonly T[] | undefined,
  { kind, keyOf, nameOf, verbOf }: ListOptions<T>,
): string[] {
  const old = before ?? [];
  const next = after ?? [];
  const oldByKey = new Map(old.map((item) => [keyOf(item), item]));
  const nextKeys = new Set(next.map(keyOf));
  const added = next.filter((item) => !oldByKey.has(keyOf(item)));
  const removed = old.filter((item) => !nextKeys.has(keyOf(item)));
  const byVerb = new Map<string, string[]>();
  for (const item of next) {
    const previous = oldByKey.get(keyOf(item));
    if (previous === undefined || deepEqual(previous, item)) continue;
    const verb = verbOf?.(previous, item) ?? "changed";
    byVerb.set(verb, [...(byVerb.get(verb) ?? []), nameOf(item)]);
  }
  const phrases: string[] = [];
  if (added.length > 0) phrases.push(itemsPhrase(kind, added.map(nameOf), "added"));
  if (removed.length > 0) phrases.push(itemsPhrase(kind, removed.map(nameOf), "removed"));
  for (const [verb, names] of byVerb) phrases.push(itemsPhrase(kind, names, verb));
  if (added.length === 0 && removed.length === 0) {
    const order = (items: readonly T[]): string[] => items.map(keyOf);
    if (!deepEqual(order(old), order(next))) phrases.push(`${kind.many} reordered`);
  }
  return phrases;
}

/** The keys of two objects whose values differ and that `handled` does not cover. */
function otherChanges(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  handled: ReadonlySet<string>,
  words: Readonly<Record<string, string>> = {},
): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys]
    .filter((key) => !handled.has(key) && !deepEqual(before[key], after[key]))
    .map((key) => `${words[key] ?? key} changed`);
}

function defined(phrases: readonly (string | undefined)[]): string[] {
  return phrases.filter((phrase): phrase is string => phrase !== undefined);
}

// Dashboards --------------------------------------------------------------------------------------

const DASHBOARD_KEYS = new Set([
  "uid",
  "title",
  "description",
  "tags",
  "refresh",
  "time",
  "timezone",
  "variables",
  "panels",
  "extra",
]);

function timeRange(value: unknown): string {
  const range = value as Dashboard["time"] | undefined;
  if (!range) return "none";
  return range.to === "now" ? range.from : `${range.from} to ${range.to}`;
}

function refreshWords(value: unknown): string {
  return value === "" || value === undefined ? "off" : plain(value);
}

function withoutGridPos(panel: Panel): Omit<Panel, "gridPos"> {
  const { gridPos: _gridPos, ...rest } = panel;
  return rest;
}

function panelVerb(before: Panel, after: Panel): string {
  if (before.type === "row" && after.type === "row") {
    const { collapsed: _a, ...restBefore } = before;
    const { collapsed: _b, ...restAfter } = after;
    if (deepEqual(restBefore, restAfter)) return after.collapsed ? "collapsed" : "expanded";
  }
  return deepEqual(withoutGridPos(before), withoutGridPos(after)) ? "moved" : "changed";
}

function tagChanges(before: readonly string[] = [], after: readonly string[] = []): string[] {
  const added = after.filter((tag) => !before.includes(tag));
  const removed = before.filter((tag) => !after.includes(tag));
  const phrases: string[] = [];
  if (added.length > 0) phrases.push(itemsPhrase(noun("tag"), added, "added"));
  if (removed.length > 0) phrases.push(itemsPhrase(noun("tag"), removed, "removed"));
  if (phrases.length === 0 && !deepEqual(before, after)) phrases.push("tags reordered");
  return phrases;
}

function dashboardDetails(before: Dashboard, after: Dashboard): string[] {
  const panels = (dashboard: Dashboard): Panel[] =>
    (dashboard.panels ?? []).filter((panel) => panel.type !== "row");
  const rows = (dashboard: Dashboard): Panel[] =>
    (dashboard.panels ?? []).filter((panel) => panel.type === "row");
  const panelList: Omit<ListOptions<Panel>, "kind"> = {
    keyOf: (panel) => String(panel.id),
    nameOf: (panel) => panel.title,
    verbOf: panelVerb,
  };
  return [
    ...defined([
      valueChange("title", before.title, after.title, quoted),
      changed("description", before.description, after.description),
      valueChange("time range", before.time, after.time, timeRange),
      valueChange("refresh", before.refresh, after.refresh, refreshWords),
      valueChange("timezone", before.timezone, after.timezone),
    ]),
    ...tagChanges(before.tags, after.tags),
    ...listChanges<Variable>(before.variables, after.variables, {
      kind: noun("variable"),
      keyOf: (variable) => variable.name,
      nameOf: (variable) => variable.name,
    }),
    ...listChanges(panels(before), panels(after), { kind: noun("panel"), ...panelList }),
    ...listChanges(rows(before), rows(after), { kind: noun("row"), ...panelList }),
    ...defined([changed("imported Grafana options", before.extra, after.extra)]),
    ...otherChanges(before, after, DASHBOARD_KEYS, { catalogId: "catalog entry" }),
  ];
}

// Rule groups -------------------------------------------------------------------------------------

function ruleName(rule: Rule): string {
  return rule.kind === "alert" ? rule.alert : rule.record;
}

function ruleVerb(before: Rule, after: Rule): string {
  if (before.enabled !== after.enabled && deepEqual({ ...before, enabled: after.enabled }, after)) {
    return after.enabled ? "enabled" : "disabled";
  }
  return "changed";
}

function ruleGroupDetails(before: RuleGroup, after: RuleGroup): string[] {
  return [
    ...defined([
      valueChange("interval", before.interval, after.interval, (value) => plain(value ?? "default")),
    ]),
    ...listChanges<Rule>(before.rules, after.rules, {
      kind: noun("rule"),
      keyOf: (rule) => `${rule.kind}:${ruleName(rule)}`,
      nameOf: ruleName,
      verbOf: ruleVerb,
    }),
    ...otherChanges(before, after, new Set(["name", "interval", "rules"])),
  ];
}

// Alerting ----------------------------------------------------------------------------------------

function routeDetails(before: Route | undefined, after: Route | undefined): string[] {
  if (deepEqual(before, after)) return [];
  const receiver = valueChange("default receiver", before?.receiver, after?.receiver, quoted);
  const { receiver: _a, ...restBefore } = before ?? ({} as Partial<Route>);
  const { receiver: _b, ...restAfter } = after ?? ({} as Partial<Route>);
  return defined([receiver, deepEqual(restBefore, restAfter) ? undefined : "route tree changed"]);
}

function inhibitDetails(before: readonly InhibitRule[] = [], after: readonly InhibitRule[] = []): string[] {
  if (deepEqual(before, after)) return [];
  if (before.length !== after.length) return [`inhibit rules ${before.length} → ${after.length}`];
  return ["inhibit rules changed"];
}

function alertingDetails(before: AlertingSection, after: AlertingSection): string[] {
  return [
    ...listChanges<Receiver>(before.receivers, after.receivers, {
      kind: noun("receiver"),
      keyOf: (receiver) => receiver.name,
      nameOf: (receiver) => receiver.name,
    }),
    ...routeDetails(before.route, after.route),
    ...inhibitDetails(before.inhibitRules, after.inhibitRules),
    ...otherChanges(before, after, new Set(["receivers", "route", "inhibitRules"])),
  ];
}

// Settings ----------------------------------------------------------------------------------------

const SETTINGS_KEYS = new Set([
  "schemaVersion",
  "name",
  "slug",
  "description",
  "level",
  "environment",
  "app",
  "datasources",
  "scrapeTargets",
  "scrapeInterval",
  "evaluationInterval",
  "retention",
  "logs",
  "kubernetes",
  "links",
]);

function logsDetails(before: SettingsSection["logs"], after: SettingsSection["logs"]): string[] {
  return defined([
    before?.enabled === after?.enabled ? undefined : after?.enabled ? "logs enabled" : "logs disabled",
    valueChange("log shipper", before?.shipper, after?.shipper),
  ]);
}

function settingsDetails(before: SettingsSection, after: SettingsSection): string[] {
  return [
    ...defined([
      valueChange("name", before.name, after.name, quoted),
      valueChange("slug", before.slug, after.slug),
      changed("description", before.description, after.description),
      valueChange("level", before.level, after.level),
      valueChange("environment", before.environment, after.environment),
      valueChange("framework", before.app?.framework, after.app?.framework),
      valueChange("framework version", before.app?.version, after.app?.version),
      valueChange("deployment pattern", before.app?.pattern, after.app?.pattern),
      valueChange("app port", before.app?.port, after.app?.port),
      valueChange("metrics retention", before.retention?.metrics, after.retention?.metrics),
      valueChange("logs retention", before.retention?.logs, after.retention?.logs),
    ]),
    ...listChanges<Datasource>(before.datasources, after.datasources, {
      kind: noun("datasource"),
      keyOf: (datasource) => datasource.uid,
      nameOf: (datasource) => datasource.name,
    }),
    ...listChanges<ScrapeTarget>(before.scrapeTargets, after.scrapeTargets, {
      kind: noun("scrape target"),
      keyOf: (target) => target.job,
      nameOf: (target) => target.job,
    }),
    ...defined([
      valueChange("scrape interval", before.scrapeInterval, after.scrapeInterval),
      valueChange("evaluation interval", before.evaluationInterval, after.evaluationInterval),
    ]),
    ...logsDetails(before.logs, after.logs),
    ...defined([
      changed("Kubernetes settings", before.kubernetes, after.kubernetes),
      valueChange("Grafana URL", before.links?.grafanaUrl, after.links?.grafanaUrl),
      valueChange(
        "runbook URL",
        before.links?.runbookBaseUrl || undefined,
        after.links?.runbookBaseUrl || undefined,
      ),
      changed("schema version", before.schemaVersion, after.schemaVersion),
    ]),
    ...otherChanges(before, after, SETTINGS_KEYS),
  ];
}

// Sections ----------------------------------------------------------------------------------------

function capped(details: readonly string[]): string[] {
  if (details.length <= MAX_DETAILS) return [...details];
  return [...details.slice(0, MAX_DETAILS), `and ${details.length - MAX_DETAILS} more`];
}

function detailsOf(ref: SectionRef, before: unknown, after: unknown): string[] {
  switch (ref.kind) {
    case "dashboard":
      return dashboardDetails(before as Dashboard, after as Dashboard);
    case "rule-group":
      return ruleGroupDetails(before as RuleGroup, after as RuleGroup);
    case "alerting":
      return alertingDetails(before as AlertingSection, after as AlertingSection);
    case "settings":
      return settingsDetails(before as SettingsSection, after as SettingsSection);
    default: {
      const exhaustive: never = ref;
      throw new Error(`unknown section ${JSON.stringify(exhaustive)}`);
    }
  }
}

/** A section named in words, a dashboard by its title: `dashboard "Operations"`, `settings`. */
export function sectionLabelFor(ref: SectionRef, content: unknown): string {
  if (ref.kind !== "dashboard" || typeof content !== "object" || content === null) return sectionLabel(ref);
  const title = (content as { title?: unknown }).title;
  return sectionLabel(ref, typeof title === "string" ? title : undefined);
}

/**
 * What changed in one section, or null when both sides are equal (as JSON: key order and
 * undefined fields do not count). One side undefined means the section was added or removed.
 */
export function describeSectionChange(
  ref: SectionRef,
  before: unknown | undefined,
  after: unknown | undefined,
): SectionChange | null {
  if (deepEqual(before, after)) return null;
  const key = sectionKey(ref);
  const label = sectionLabelFor(ref, after ?? before);
  if (before === undefined) return { key, label, change: "added", details: [] };
  if (after === undefined) return { key, label, change: "removed", details: [] };
  return { key, label, change: "changed", details: capped(detailsOf(ref, before, after)) };
}

/** One section's content on both sides of a change; undefined where the section is absent. */
export interface SectionPair {
  key: SectionKey;
  ref: SectionRef;
  before: unknown | undefined;
  after: unknown | undefined;
}

/**
 * Every section of either project, paired by key: the sections of `after` in its order (settings,
 * alerting, dashboards, rule groups), then those only `before` has, in its order.
 */
export function pairSections(before: Project | undefined, after: Project): SectionPair[] {
  const old = before ? projectSections(before) : [];
  const oldByKey = new Map(old.map((section) => [section.key, section]));
  const next = projectSections(after);
  const nextKeys = new Set(next.map((section) => section.key));
  return [
    ...next.map(({ key, ref, content }) => ({
      key,
      ref,
      before: oldByKey.get(key)?.content,
      after: content,
    })),
    ...old
      .filter((section) => !nextKeys.has(section.key))
      .map(({ key, ref, content }) => ({ key, ref, before: content, after: undefined })),
  ];
}

/** Every section `after` changed, added or removed compared with `before` (all added when none). */
export function describeProjectChange(before: Project | undefined, after: Project): SectionChange[] {
  return pairSections(before, after)
    .map((pair) => describeSectionChange(pair.ref, pair.before, pair.after))
    .filter((change): change is SectionChange => change !== null);
}

function formatChange(change: SectionChange): string {
  if (change.change !== "changed") return `${change.label} ${change.change}`;
  if (change.details.length === 0) return `${change.label} changed`;
  return `${change.label}: ${change.details.join(", ")}`;
}

/**
 * One line for the history list: `dashboard "Operations": 3 panels changed; settings: metrics
 * retention 30d → 45d`. Sections beyond MAX_SECTIONS are counted; "" when there is no change.
 */
export function formatChanges(changes: readonly SectionChange[]): string {
  const shown = changes.slice(0, MAX_SECTIONS).map(formatChange);
  const rest = changes.length - MAX_SECTIONS;
  if (rest > 0) shown.push(`and ${rest} more ${rest === 1 ? "section" : "sections"}`);
  return shown.join("; ");
}
