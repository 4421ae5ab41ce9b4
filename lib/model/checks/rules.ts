import { analyzePromql } from "../../promql/parse";
import { readSeriesValues } from "../../promql/series-values";
import type { Dashboard } from "../dashboard";
import type { IssueCollector } from "../issues";
import type { PanelLink, RuleGroup } from "../rule";

/** Label and annotation names Prometheus 2.x accepts (model.LabelName.IsValid). */
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/**
 * What `promtool check rules` would say about the groups, worded as rulefmt words it, plus the
 * project's own cross-references (a rule's panel link). Annotation text is not checked here: the
 * template check renders it.
 */
export function checkRuleGroups(
  groups: readonly RuleGroup[],
  dashboards: readonly LinkableDashboard[] | ReadonlySet<string>,
  out: IssueCollector,
): void {
  const names = new Map<string, number>();
  groups.forEach((group, groupIndex) => {
    const earlier = names.get(group.name);
    if (earlier !== undefined) {
      out.error(
        ["ruleGroups", groupIndex, "name"],
        `groupname: "${group.name}" is repeated (also ruleGroups[${earlier}])`,
      );
    } else {
      names.set(group.name, groupIndex);
    }
    for (const name of Object.keys(group.labels ?? {})) {
      if (name === "__name__")
        out.error(["ruleGroups", groupIndex, "labels", name], `invalid label name: ${name}`);
    }
    const alertNames = new Map<string, number>();
    group.rules.forEach((rule, ruleIndex) => {
      const path = ["ruleGroups", groupIndex, "rules", ruleIndex];
      const { error, warnings } = analyzePromql(rule.expr);
      if (error) out.error([...path, "expr"], `parse error at ${error.position}: ${error.message}`);
      for (const warning of warnings) {
        out.warning([...path, "expr"], `at ${warning.position}: ${warning.message}`);
      }
      if ("__name__" in rule.labels)
        out.error([...path, "labels", "__name__"], "invalid label name: __name__");
      if (rule.kind === "record") return;
      const sameName = alertNames.get(rule.alert);
      if (sameName !== undefined) {
        out.warning(
          [...path, "alert"],
          `alert "${rule.alert}" also at rules[${sameName}]: their unit tests see each other's alerts`,
        );
      } else {
        alertNames.set(rule.alert, ruleIndex);
      }
      for (const name of Object.keys(rule.annotations)) {
        if (!LABEL_NAME.test(name))
          out.error([...path, "annotations", name], `invalid annotation name: ${name}`);
      }
      if ("alertname" in rule.labels) {
        out.warning(
          [...path, "labels", "alertname"],
          "Prometheus sets alertname to the rule's name and ignores this label",
        );
      }
      checkPanelLink(rule.panel, dashboards, [...path, "panel"], out);
      if (rule.enabled && rule.tests.length === 0) {
        out.warning([...path, "tests"], "no unit test: promtool test rules will not cover this alert");
      } else if (rule.tests.length > 0) {
        if (!rule.tests.some((test) => test.fires)) {
          out.warning([...path, "tests"], "no test case where the alert fires");
        }
        if (!rule.tests.some((test) => !test.fires)) {
          out.warning([...path, "tests"], "no test case where the alert stays quiet");
        }
      }
      rule.tests.forEach((test, testIndex) => {
        test.inputSeries.forEach((series, seriesIndex) => {
          const reading = readSeriesValues(series.values);
          if (!reading.ok)
            out.error(
              [...path, "tests", testIndex, "inputSeries", seriesIndex, "values"],
              `column ${reading.column}: ${reading.message}`,
            );
        });
      });
    });
  });
}

/** The project's dashboards, or only their uids (then panel ids are not checked). */
type LinkableDashboard = Pick<Dashboard, "uid" | "panels">;

function checkPanelLink(
  panel: PanelLink | undefined,
  dashboards: readonly LinkableDashboard[] | ReadonlySet<string>,
  path: (string | number)[],
  out: IssueCollector,
): void {
  if (!panel) return;
  if (dashboards instanceof Set) {
    if (!dashboards.has(panel.dashboardUid))
      out.error([...path, "dashboardUid"], `no dashboard with uid "${panel.dashboardUid}" in the project`);
    return;
  }
  const dashboard = (dashboards as readonly LinkableDashboard[]).find(
    (candidate) => candidate.uid === panel.dashboardUid,
  );
  if (!dashboard) {
    out.error([...path, "dashboardUid"], `no dashboard with uid "${panel.dashboardUid}" in the project`);
  } else if (!dashboard.panels.some((candidate) => candidate.id === panel.panelId)) {
    // A warning: removing a panel should not block saving the dashboard; the link only shows in the UI.
    out.warning(
      [...path, "panelId"],
      `no panel with id ${panel.panelId} in dashboard "${panel.dashboardUid}"`,
    );
  }
}
