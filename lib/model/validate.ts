import { checkAlertmanager } from "./checks/alertmanager";
import { checkDashboards } from "./checks/dashboards";
import { checkNotificationTemplates } from "./checks/notification-templates";
import { checkRuleTemplates } from "./checks/rule-templates";
import { checkRuleGroups } from "./checks/rules";
import { IssueCollector, type ModelIssue, zodIssuesToModelIssues } from "./issues";
import { MAX_INPUT_DEPTH, tooDeepAt } from "../security/nesting";
import type { Project } from "./project";
import { ProjectShapeSchema } from "./stored-project";

export type ValidationResult =
  | { ok: true; project: Project; issues: ModelIssue[] }
  | { ok: false; project?: Project; issues: ModelIssue[] };

const KUBERNETES_LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** Checks that span several parts of a project; every problem is reported with its path. */
export function checkProject(project: Project): ModelIssue[] {
  const out = new IssueCollector();

  const datasourceUids = new Set<string>();
  project.datasources.forEach((datasource, index) => {
    if (datasourceUids.has(datasource.uid)) {
      out.error(["datasources", index, "uid"], `duplicate datasource uid "${datasource.uid}"`);
    }
    datasourceUids.add(datasource.uid);
  });
  const defaults = project.datasources.filter((datasource) => datasource.isDefault);
  if (defaults.length > 1) {
    out.error(
      ["datasources"],
      `only one datasource can be the default (${defaults.map((d) => d.uid).join(", ")})`,
    );
  }

  const jobs = new Set<string>();
  project.scrapeTargets.forEach((target, index) => {
    if (jobs.has(target.job))
      out.error(
        ["scrapeTargets", index, "job"],
        `found multiple scrape configs with job name "${target.job}"`,
      );
    jobs.add(target.job);
    if (
      target.kind === "app" &&
      project.app.framework === "fraiseql" &&
      project.app.version === "v2" &&
      !target.bearerToken
    ) {
      out.warning(
        ["scrapeTargets", index, "bearerToken"],
        "FraiseQL v2 serves /metrics only with metrics_token set; scraping without a bearer token gets 401",
      );
    }
  });

  checkDashboards(project.dashboards, project.datasources, out);
  checkRuleGroups(project.ruleGroups, project.dashboards, out);
  checkRuleTemplates(project.ruleGroups, out);
  checkAlertmanager(project.receivers, project.route, project.inhibitRules, out, project.alertmanager);
  checkNotificationTemplates(project, out);

  if (
    !KUBERNETES_LABEL_VALUE.test(project.kubernetes.releaseLabel) ||
    project.kubernetes.releaseLabel.length > 63
  ) {
    out.error(
      ["kubernetes", "releaseLabel"],
      "must be a valid Kubernetes label value (63 characters at most)",
    );
  }
  return out.issues;
}

/** Parses and checks a project; `ok` is true when there are no errors (warnings allowed). */
export function validateProject(input: unknown): ValidationResult {
  // Before zod and the checks walk it recursively (a stack overflow there would be a 500).
  const tooDeep = tooDeepAt(input);
  if (tooDeep !== undefined)
    return {
      ok: false,
      issues: [{ path: tooDeep, message: `nested deeper than ${MAX_INPUT_DEPTH} levels`, severity: "error" }],
    };
  const parsed = ProjectShapeSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: zodIssuesToModelIssues(parsed.error) };
  const issues = checkProject(parsed.data);
  const ok = !issues.some((issue) => issue.severity === "error");
  return ok ? { ok, project: parsed.data, issues } : { ok, project: parsed.data, issues };
}

export class InvalidProjectError extends Error {
  constructor(readonly issues: ModelIssue[]) {
    super(`invalid project: ${issues.filter((i) => i.severity === "error").length} error(s)`);
    this.name = "InvalidProjectError";
  }
}

/** Parses and checks, throwing InvalidProjectError with every issue when there is an error. */
export function parseProject(input: unknown): Project {
  const result = validateProject(input);
  if (!result.ok) throw new InvalidProjectError(result.issues);
  return result.project;
}
