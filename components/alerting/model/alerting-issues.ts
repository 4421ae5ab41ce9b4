import { isSealedValue } from "@/lib/import/alertmanager/imported-secrets";
import type { Receiver } from "@/lib/model/alertmanager";
import { checkAlertmanager } from "@/lib/model/checks/alertmanager";
import { HttpUrlSchema } from "@/lib/model/common";
import { IssueCollector, type ModelIssue, zodIssuesToModelIssues } from "@/lib/model/issues";
import { ProjectObjectSchema } from "@/lib/model/project";
import type { AlertingSection } from "@/lib/model/sections";

const AlertingSectionSchema = ProjectObjectSchema.pick({
  receivers: true,
  route: true,
  inhibitRules: true,
  alertmanager: true,
});

/**
 * The model's checks of an alerting draft, as the server runs them on a save: the schema (names,
 * durations, URLs, e-mail addresses), then Alertmanager's own checks (a route to a missing
 * receiver, a regex Go refuses, time intervals). Paths are the section's (`route.routes[0].receiver`),
 * which are the project's too, so a 422's issues land on the same fields.
 */
export function alertingIssues(section: AlertingSection): ModelIssue[] {
  const parsed = AlertingSectionSchema.safeParse(section);
  if (!parsed.success) return zodIssuesToModelIssues(parsed.error);
  const out = new IssueCollector();
  const { receivers, route, inhibitRules, alertmanager } = parsed.data;
  checkAlertmanager(receivers, route, inhibitRules, out, alertmanager);
  checkImportedSlackUrls(receivers, out);
  return out.issues;
}

/**
 * A Slack URL an import kept that is not an http(s) URL: Alertmanager refuses such a config
 * (`unsupported scheme`), so it is said on the field; a warning, as only setting the secret's
 * value replaces it. Masked values (as the API shows them) are not checked.
 */
function checkImportedSlackUrls(receivers: readonly Receiver[], out: IssueCollector): void {
  receivers.forEach((receiver, r) => {
    receiver.integrations.forEach((integration, i) => {
      if (integration.type !== "slack") return;
      const value = integration.apiUrl.importedValue;
      // Masked (as the API shows them) or sealed (as a page import hands them): no value to check.
      if (value === undefined || /^•+$/.test(value) || isSealedValue(value)) return;
      if (!HttpUrlSchema.safeParse(value).success)
        out.warning(
          ["receivers", r, "integrations", i, "apiUrl"],
          "the imported Slack API URL is not an http:// or https:// URL: set the secret's value",
        );
    });
  });
}

export function errorCount(issues: readonly ModelIssue[]): number {
  return issues.filter((issue) => issue.severity === "error").length;
}
