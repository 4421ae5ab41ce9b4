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

export function ruleFileName(groupName: string): string {
  return `${slugify(groupName)}.yml`;
}

export function ruleFilePath(groupName: string): string {
  return `prometheus/rules/${ruleFileName(groupName)}`;
}

export function ruleTestFilePath(groupName: string): string {
  return `prometheus/tests/${slugify(groupName)}.test.yml`;
}

export function dashboardFilePath(uid: string): string {
  return `grafana/dashboards/${uid}.json`;
}

export function runbookFilePath(alertName: string): string {
  return `runbooks/${alertName}.md`;
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
  const file = runbookFilePath(rule.alert);
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
          break;
        default: {
          const exhaustive: never = integration;
          throw new Error(`unknown integration ${JSON.stringify(exhaustive)}`);
        }
      }
    }
  }
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
