import type { AlertingRule, Project } from "../../model";
import { dashboardUrl, ruleFilePath } from "../names";

/** An enabled alert and the group it sits in. */
export interface PlacedAlert {
  group: string;
  rule: AlertingRule;
}

/** The markdown page for one alert name; rules sharing the name share the page. */
export function runbookPage(project: Project, alertName: string, placed: readonly PlacedAlert[]): string {
  const lines: string[] = [`# ${alertName}`, ""];
  if (placed.length === 1 && placed[0]) {
    lines.push(
      ...ruleDetails(project, placed[0]),
      "## Expression",
      "",
      ...fenced("promql", placed[0].rule.expr),
      "",
    );
  } else {
    lines.push(`${placed.length} rules raise this alert; each is described below.`, "");
    placed.forEach((entry, index) => {
      lines.push(`## Rule ${index + 1}: group \`${entry.group}\``, "", ...ruleDetails(project, entry));
      lines.push(...fenced("promql", entry.rule.expr), "");
    });
  }
  const bodies = [...new Set(placed.map(({ rule }) => rule.runbook?.trim() || genericBody(rule)))];
  lines.push(bodies.join("\n\n---\n\n"), "");
  return lines.join("\n");
}

function ruleDetails(project: Project, { group, rule }: PlacedAlert): string[] {
  // Severity and category have their own lines; the other labels are listed after them.
  const { severity, category, ...otherLabels } = rule.labels;
  const details = [
    `- **Severity:** ${severity ?? "none"}`,
    `- **Category:** ${category ?? "none"}`,
    `- **Rule group:** \`${group}\` in \`${ruleFilePath(group, project)}\``,
    `- **Fires after:** ${rule.for ? `the condition has held for ${rule.for}` : "the first evaluation that matches"}`,
  ];
  if (rule.keepFiringFor)
    details.push(`- **Keeps firing for:** ${rule.keepFiringFor} after the condition clears`);
  const extraLabels = Object.entries(otherLabels).map(([name, value]) => `\`${name}="${value}"\``);
  if (extraLabels.length > 0) details.push(`- **Labels:** ${extraLabels.join(", ")}`);
  const uid = rule.panel?.dashboardUid;
  if (uid) {
    const title = project.dashboards.find((dashboard) => dashboard.uid === uid)?.title ?? uid;
    details.push(`- **Dashboard:** [${title}](${dashboardUrl(project, uid)})`);
  }
  return [
    ...details,
    "",
    `**Summary:** ${rule.annotations.summary ?? ""}`,
    "",
    `**Description:** ${rule.annotations.description ?? ""}`,
    "",
  ];
}

/** A fenced code block whose fence is longer than any backtick run inside the code. */
function fenced(language: string, code: string): string[] {
  const longestRun = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(Math.max(3, longestRun + 1));
  return [`${fence}${language}`, code, fence];
}

/** Used when the rule has no runbook of its own: the steps that apply to any alert. */
function genericBody(rule: AlertingRule): string {
  const held = rule.for ? ` and kept returning one for ${rule.for}` : "";
  return [
    "## Meaning",
    "",
    `The expression above returned a result${held}. ${rule.annotations.description ?? ""}`,
    "",
    "## Diagnosis",
    "",
    "1. Open the dashboard linked above (if any) around the time the alert started.",
    "2. Run the expression in Prometheus (Graph tab) to see which series match, and since when.",
    "3. Check what changed at that time: deployments, configuration, traffic.",
    "4. Search the application's logs in Grafana Explore (Loki) for errors around the start time.",
    "",
    "## Mitigation",
    "",
    "- Fix the cause found above, then watch the expression stop returning results.",
    "- If the alert is noisy rather than wrong, tune its threshold or `for` period in Obsforge and regenerate the bundle; do not edit the generated rule file.",
    "- Write what you learned into this alert's runbook in Obsforge, so the next responder starts from it.",
  ].join("\n");
}
