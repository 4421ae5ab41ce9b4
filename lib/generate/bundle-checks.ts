import { parse } from "yaml";
import type { ModelIssue } from "../model";
import type { GeneratedFile } from "./types";

interface RuleFile {
  groups?: { name?: string; rules?: { alert?: string; annotations?: Record<string, string> }[] }[];
}

/**
 * Checks that only make sense on the finished bundle: every `runbook_url` resolves to a runbook
 * inside it (dead runbook links are a known plague of rule collections), every dashboard link
 * names a dashboard it ships, and every JSON file parses.
 */
export function checkBundleFiles(files: readonly GeneratedFile[], runbookBaseUrl = ""): ModelIssue[] {
  const issues: ModelIssue[] = [];
  const paths = new Set(files.map((file) => file.path));
  const base = runbookBaseUrl.replace(/\/+$/, "");
  const dashboardUids = new Set(
    files
      .filter((f) => f.path.startsWith("grafana/dashboards/"))
      .map((f) => f.path.slice("grafana/dashboards/".length, -".json".length)),
  );
  for (const file of files) {
    if (file.path.endsWith(".json")) {
      try {
        JSON.parse(file.content);
      } catch (error) {
        issues.push({
          path: file.path,
          message: `invalid JSON: ${(error as Error).message}`,
          severity: "error",
        });
      }
    }
    if (!file.path.startsWith("prometheus/rules/")) continue;
    let content: RuleFile;
    try {
      content = parse(file.content) as RuleFile;
    } catch (error) {
      issues.push({
        path: file.path,
        message: `invalid YAML: ${(error as Error).message}`,
        severity: "error",
      });
      continue;
    }
    for (const group of content.groups ?? []) {
      for (const rule of group.rules ?? []) {
        const where = `${file.path}: group ${group.name ?? "?"}: alert ${rule.alert ?? "?"}`;
        const runbook = rule.annotations?.runbook_url;
        if (rule.alert && runbook !== undefined) {
          const local =
            base !== "" && runbook.startsWith(`${base}/`)
              ? `runbooks/${runbook.slice(base.length + 1)}`
              : runbook;
          const isExternal = /^[a-z]+:\/\//i.test(local);
          if (!isExternal && !paths.has(local)) {
            issues.push({
              path: where,
              message: `runbook_url "${runbook}" does not resolve to a runbook in the bundle`,
              severity: "error",
            });
          }
        }
        const dashboard = rule.annotations?.dashboard;
        const uid = dashboard?.match(/\/d\/([^/?#]+)/)?.[1];
        if (dashboard !== undefined && (uid === undefined || !dashboardUids.has(uid))) {
          issues.push({
            path: where,
            message: `dashboard link "${dashboard}" names no dashboard in the bundle`,
            severity: "error",
          });
        }
      }
    }
  }
  return issues;
}
