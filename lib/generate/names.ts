import { verbatimSecretUses } from "./literal-secrets";
import { type AlertingRule, type Project, type SecretRef, slugify } from "../model";

/**
 * Where things live in the bundle and in the running stack. Every generator names files and
 * paths through these functions so that cross-references (rule_files, runbook links, mounted
 * secrets) always agree.
 */

export function projectSlug(project: Project): string {
  return project.slug ?? slugify(project.name);
}

/** Secrets reach the containers as files: docker compose mounts each one at /run/secrets/<name>. */
export function secretFileName(ref: SecretRef): string {
  return ref.secret.toLowerCase();
}

export function secretFilePath(ref: SecretRef): string {
  return `/run/secrets/${secretFileName(ref)}`;
}

/** FNV-1a over the UTF-16 code units, as 8 hex digits: a short, stable tag for a name. */
function nameTag(name: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/**
 * File names (without extension) for a list of names: each name's `safe` form, unless two
 * different names would share it (compared case-insensitively, as macOS and Windows file systems
 * do) or it is reserved; then each of those gets a tag of its exact name appended. The result
 * depends on the set of names, not their order.
 */
function uniqueFileBases(
  names: Iterable<string>,
  safe: (name: string) => string,
  reserved: ReadonlySet<string> = new Set(),
): Map<string, string> {
  const byBase = new Map<string, Set<string>>();
  for (const name of names) {
    const key = safe(name).toLowerCase();
    byBase.set(key, (byBase.get(key) ?? new Set()).add(name));
  }
  const out = new Map<string, string>();
  for (const [key, group] of byBase) {
    for (const name of group) {
      const base = safe(name);
      out.set(name, group.size > 1 || reserved.has(key) ? `${base}-${nameTag(name)}` : base);
    }
  }
  return out;
}

/**
 * The file name of a rule group's rule file: its name as a slug (`node.rules` → `node-rules.yml`),
 * made unique among the project's groups (`node.rules` and `node-rules` get a tag each). Without
 * the project, the group is taken to be the only one with its slug.
 */
export function ruleFileName(groupName: string, project?: Pick<Project, "ruleGroups">): string {
  const names = project ? project.ruleGroups.map((group) => group.name) : [groupName];
  return `${uniqueFileBases([...names, groupName], slugify).get(groupName)}.yml`;
}

export function ruleFilePath(groupName: string, project?: Pick<Project, "ruleGroups">): string {
  return `prometheus/rules/${ruleFileName(groupName, project)}`;
}

export function ruleTestFilePath(groupName: string, project?: Pick<Project, "ruleGroups">): string {
  return `prometheus/tests/${ruleFileName(groupName, project).replace(/\.yml$/, "")}.test.yml`;
}

export function dashboardFilePath(uid: string): string {
  return `grafana/dashboards/${uid}.json`;
}

/** An alert name as a file name: letters, digits, `_`, `.` and `-` kept, any other run one `-`. */
function runbookSafeName(alertName: string): string {
  return alertName.replace(/[^A-Za-z0-9_.-]+/g, "-").replace(/^[-.]+|-+$/g, "") || "alert";
}

/**
 * `runbooks/<Alert>.md`, unique among the project's alert names (README is the index's), so
 * names with slashes, brackets or only a case apart never share a page file.
 */
export function runbookFilePath(alertName: string, project?: Pick<Project, "ruleGroups">): string {
  const names = project
    ? project.ruleGroups.flatMap((group) =>
        group.rules.flatMap((rule) => (rule.kind === "alert" ? [rule.alert] : [])),
      )
    : [];
  const base = uniqueFileBases([...names, alertName], runbookSafeName, new Set(["readme"])).get(alertName);
  return `runbooks/${base}.md`;
}

/**
 * Whether the bundle has a generated runbook page for the rule: only a rule with a runbook body
 * (catalog rules, and rules from before runbook links were ordinary annotations) that has no
 * runbook_url of its own.
 */
export function hasGeneratedRunbook(rule: AlertingRule): boolean {
  return rule.runbook !== undefined && rule.annotations.runbook_url === undefined;
}

/** The link to the rule's generated runbook page: the project's base URL, or a path in the bundle. */
export function generatedRunbookUrl(project: Project, rule: AlertingRule): string {
  const base = project.links.runbookBaseUrl.replace(/\/+$/, "");
  const file = runbookFilePath(rule.alert, project);
  return base === "" ? file : `${base}/${file.slice("runbooks/".length)}`;
}

/** The rule's runbook link as exported: its own runbook_url, or its generated page's, or none. */
export function runbookUrl(project: Project, rule: AlertingRule): string | undefined {
  return (
    rule.annotations.runbook_url ??
    (hasGeneratedRunbook(rule) ? generatedRunbookUrl(project, rule) : undefined)
  );
}

export function dashboardUrl(project: Project, uid: string): string {
  return `${project.links.grafanaUrl.replace(/\/+$/, "")}/d/${uid}`;
}

/** Every secret the project references, by name, sorted. */
export function collectSecrets(project: Project): SecretRef[] {
  const names = new Set<string>();
  for (const target of project.scrapeTargets) if (target.bearerToken) names.add(target.bearerToken.secret);
  for (const datasource of project.datasources)
    if (datasource.type === "postgres") names.add(datasource.password.secret);
  for (const receiver of project.receivers) {
    for (const integration of receiver.integrations) {
      switch (integration.type) {
        case "slack":
          names.add(integration.apiUrl.secret);
          break;
        case "email":
          if (integration.authPassword) names.add(integration.authPassword.secret);
          break;
        case "pagerduty":
          names.add(integration.routingKey.secret);
          break;
        case "webhook":
          if (integration.authorization) names.add(integration.authorization.credentials.secret);
          if (integration.basicAuth) names.add(integration.basicAuth.password.secret);
          break;
        default: {
          const exhaustive: never = integration;
          throw new Error(`unknown integration ${JSON.stringify(exhaustive)}`);
        }
      }
    }
  }
  for (const use of verbatimSecretUses(project)) names.add(use.secret);
  return [...names].sort().map((secret) => ({ secret }));
}

/** Enabled alerting rules, with their group, in project order. */
export function enabledAlerts(project: Project): { group: string; rule: AlertingRule }[] {
  const out: { group: string; rule: AlertingRule }[] = [];
  for (const group of project.ruleGroups) {
    for (const rule of group.rules)
      if (rule.kind === "alert" && rule.enabled) out.push({ group: group.name, rule });
  }
  return out;
}
