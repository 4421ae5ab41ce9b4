import type { z } from "zod";
import { type Dashboard, DashboardSchema } from "./dashboard";
import { type Project, ProjectObjectSchema } from "./project";
import { type RuleGroup, RuleGroupSchema } from "./rule";

/**
 * A project is edited, saved, conflicted over and versioned in sections: one dashboard, one rule
 * group, the alerting configuration (receivers, route tree, inhibit rules) and the settings
 * (everything else). Every field of a project belongs to exactly one section, so two saves of
 * different sections never touch the same field and can both land on whatever version is latest.
 */

export type SectionRef =
  | { kind: "dashboard"; uid: string }
  | { kind: "rule-group"; name: string }
  | { kind: "alerting" }
  | { kind: "settings" };

export type SectionKind = SectionRef["kind"];

/** What the alerting section holds. */
export type AlertingSection = Pick<Project, "receivers" | "route" | "inhibitRules" | "alertmanager">;

/** Every project field that is in no other section. */
export type SettingsSection = Omit<Project, "dashboards" | "ruleGroups" | keyof AlertingSection>;

export type SectionContent<K extends SectionKind> = K extends "dashboard"
  ? Dashboard
  : K extends "rule-group"
    ? RuleGroup
    : K extends "alerting"
      ? AlertingSection
      : SettingsSection;

const ALERTING_KEYS = ["receivers", "route", "inhibitRules", "alertmanager"] as const;
const NON_SETTINGS_KEYS = new Set<string>(["dashboards", "ruleGroups", ...ALERTING_KEYS]);

/** `dashboard:<uid>`, `rule-group:<name>`, `alerting`, `settings`: how a section is stored and named. */
export type SectionKey = string;

export function sectionKey(ref: SectionRef): SectionKey {
  switch (ref.kind) {
    case "dashboard":
      return `dashboard:${ref.uid}`;
    case "rule-group":
      return `rule-group:${ref.name}`;
    case "alerting":
    case "settings":
      return ref.kind;
    default: {
      const exhaustive: never = ref;
      throw new Error(`unknown section ${JSON.stringify(exhaustive)}`);
    }
  }
}

export function sectionRefOf(key: SectionKey): SectionRef {
  if (key === "alerting" || key === "settings") return { kind: key };
  if (key.startsWith("dashboard:")) return { kind: "dashboard", uid: key.slice("dashboard:".length) };
  if (key.startsWith("rule-group:")) return { kind: "rule-group", name: key.slice("rule-group:".length) };
  throw new Error(`not a section key: "${key}"`);
}

export function alertingOf(project: Project): AlertingSection {
  return {
    receivers: project.receivers,
    route: project.route,
    inhibitRules: project.inhibitRules,
    alertmanager: project.alertmanager,
  };
}

export function settingsOf(project: Project): SettingsSection {
  const settings: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(project)) {
    if (!NON_SETTINGS_KEYS.has(key)) settings[key] = value;
  }
  return settings as SettingsSection;
}

/** The section's content in `project`, or undefined when the project has no such section. */
export function sectionOf(project: Project, ref: SectionRef): unknown {
  switch (ref.kind) {
    case "dashboard":
      return project.dashboards.find((dashboard) => dashboard.uid === ref.uid);
    case "rule-group":
      return project.ruleGroups.find((group) => group.name === ref.name);
    case "alerting":
      return alertingOf(project);
    case "settings":
      return settingsOf(project);
    default: {
      const exhaustive: never = ref;
      throw new Error(`unknown section ${JSON.stringify(exhaustive)}`);
    }
  }
}

/** Every section of a project, in the project's order: settings, alerting, dashboards, rule groups. */
export function projectSections(project: Project): { key: SectionKey; ref: SectionRef; content: unknown }[] {
  return [
    { key: "settings", ref: { kind: "settings" }, content: settingsOf(project) },
    { key: "alerting", ref: { kind: "alerting" }, content: alertingOf(project) },
    ...project.dashboards.map((dashboard) => {
      const ref: SectionRef = { kind: "dashboard", uid: dashboard.uid };
      return { key: sectionKey(ref), ref, content: dashboard };
    }),
    ...project.ruleGroups.map((group) => {
      const ref: SectionRef = { kind: "rule-group", name: group.name };
      return { key: sectionKey(ref), ref, content: group };
    }),
  ];
}

function replaceOrAppend<T>(items: readonly T[], matches: (item: T) => boolean, next: T | undefined): T[] {
  const index = items.findIndex(matches);
  if (next === undefined) return items.filter((_, position) => position !== index);
  if (index === -1) return [...items, next];
  return items.map((item, position) => (position === index ? next : item));
}

/**
 * The project with one section replaced (added at the end when new, removed when `content` is
 * undefined). Nothing outside the section changes. `content` is not checked here: the caller
 * parses the result as a whole project.
 */
export function withSection(project: Project, ref: SectionRef, content: unknown): Project {
  switch (ref.kind) {
    case "dashboard":
      return {
        ...project,
        dashboards: replaceOrAppend(
          project.dashboards,
          (dashboard) => dashboard.uid === ref.uid,
          content as Dashboard | undefined,
        ),
      };
    case "rule-group":
      return {
        ...project,
        ruleGroups: replaceOrAppend(
          project.ruleGroups,
          (group) => group.name === ref.name,
          content as RuleGroup | undefined,
        ),
      };
    case "alerting": {
      const alerting = content as AlertingSection;
      return {
        ...project,
        receivers: alerting.receivers,
        route: alerting.route,
        inhibitRules: alerting.inhibitRules,
        alertmanager: alerting.alertmanager,
      };
    }
    case "settings":
      return {
        ...(content as SettingsSection),
        dashboards: project.dashboards,
        ruleGroups: project.ruleGroups,
        ...alertingOf(project),
      } as Project;
    default: {
      const exhaustive: never = ref;
      throw new Error(`unknown section ${JSON.stringify(exhaustive)}`);
    }
  }
}

/** Words for a section in history and messages: `dashboard "Operations"`, `rule group "api"`. */
export function sectionLabel(ref: SectionRef, title?: string): string {
  switch (ref.kind) {
    case "dashboard":
      return `dashboard "${title ?? ref.uid}"`;
    case "rule-group":
      return `rule group "${ref.name}"`;
    case "alerting":
      return "alerting";
    case "settings":
      return "settings";
    default: {
      const exhaustive: never = ref;
      throw new Error(`unknown section ${JSON.stringify(exhaustive)}`);
    }
  }
}

/** The schema a section's content is parsed with on its own (cross-field checks need the project). */
export function sectionSchema(kind: SectionKind): z.ZodType {
  switch (kind) {
    case "dashboard":
      return DashboardSchema;
    case "rule-group":
      return RuleGroupSchema;
    case "alerting":
      // With `alertmanager`: a section read without it and saved back would drop the global
      // settings, templates and time intervals.
      return ProjectObjectSchema.pick({
        receivers: true,
        route: true,
        inhibitRules: true,
        alertmanager: true,
      });
    case "settings":
      return ProjectObjectSchema.omit({
        dashboards: true,
        ruleGroups: true,
        receivers: true,
        route: true,
        inhibitRules: true,
        alertmanager: true,
      });
    default: {
      const exhaustive: never = kind;
      throw new Error(`unknown section kind ${JSON.stringify(exhaustive)}`);
    }
  }
}
