import type { AlertingSection, InhibitRule, Receiver } from "../../model";
import { MAX_INPUT_DEPTH, tooDeepAt } from "../../security/nesting";
import { AlertmanagerImportError, isRecord, Problems } from "./problems";
import { receiverOf } from "./receivers";
import { inhibitRuleOf, routeOf } from "./routing-fields";
import { SecretNames, secretPathsOf } from "./secrets";
import { timeIntervalsOf } from "./time-intervals";

/**
 * An alertmanager.yml converted into a project's alerting section, losslessly for routing and
 * inhibition: everything the model edits becomes model fields; the rest (other integrations,
 * global settings) is kept verbatim and exported as it was. Literal secrets are kept beside the
 * variable names the bundle reads them from; the report says where they are, never what.
 */

/** The top-level keys of Alertmanager 0.25's configuration (config.Config). */
const TOP_LEVEL = new Set([
  "global",
  "route",
  "receivers",
  "inhibit_rules",
  "templates",
  "time_intervals",
  "mute_time_intervals",
]);

/** An Alertmanager configuration, by its content: a route map and a list of receivers. */
export function isAlertmanagerConfig(document: unknown): boolean {
  return (
    isRecord(document) &&
    isRecord(document.route) &&
    Array.isArray(document.receivers) &&
    // Alertmanager refuses unknown top-level keys; an Obsforge project file also has a route and
    // receivers, but beside its own keys (name, dashboards, ruleGroups …), so it is no configuration.
    Object.keys(document).every((key) => TOP_LEVEL.has(key))
  );
}

export interface AlertmanagerImportReport {
  routes: number;
  receivers: number;
  /** Integrations that became model integrations. */
  integrations: number;
  /** `receivers[2] (ops): opsgenie_configs[0]`: configs kept verbatim. */
  verbatim: string[];
  inhibitRules: number;
  timeIntervals: number;
  /** Where literal secrets were found (paths and variable names, never values). */
  secrets: string[];
  /** What changed or will need attention, a line each. */
  notes: string[];
}

export interface AlertmanagerImport {
  alerting: AlertingSection;
  report: AlertmanagerImportReport;
}

/** The nodes of a route tree, the root included. */
export function countRoutes(route: { routes: { routes: unknown[] }[] }): number {
  return 1 + route.routes.reduce((sum, child) => sum + countRoutes(child as never), 0);
}

function secretLines(receivers: readonly Receiver[]): string[] {
  const lines: string[] = [];
  for (const receiver of receivers) {
    for (const integration of receiver.integrations) {
      const refs =
        integration.type === "slack"
          ? [integration.apiUrl]
          : integration.type === "email"
            ? [integration.authPassword]
            : integration.type === "pagerduty"
              ? [integration.routingKey]
              : [integration.authorization?.credentials, integration.basicAuth?.password];
      for (const ref of refs) {
        if (ref?.importedValue !== undefined)
          lines.push(`receiver "${receiver.name}" ${integration.type}: literal secret kept as ${ref.secret}`);
        if (ref?.importedFile !== undefined)
          lines.push(`receiver "${receiver.name}" ${integration.type}: secret file kept as ${ref.secret}`);
      }
    }
    for (const verbatim of receiver.verbatim ?? [])
      for (const path of verbatim.secretPaths)
        lines.push(`receiver "${receiver.name}" ${verbatim.key}: ${path} (verbatim)`);
  }
  return lines;
}

export function importAlertmanagerConfig(document: unknown): AlertmanagerImport {
  const problems = new Problems();
  // Unknown top-level keys are reported below, each with its name, like Alertmanager does: a
  // file with a route and receivers and one misspelt key is that file, not "no configuration".
  if (!isRecord(document) || !isRecord(document.route) || !Array.isArray(document.receivers))
    throw new AlertmanagerImportError([
      { path: "", message: "not an Alertmanager configuration: no route and receivers" },
    ]);
  // Before the recursive walks (route tree, secret paths of kept maps) could overflow the stack.
  const tooDeep = tooDeepAt(document);
  if (tooDeep !== undefined)
    throw new AlertmanagerImportError([
      { path: tooDeep, message: `nested deeper than ${MAX_INPUT_DEPTH} levels` },
    ]);
  const notes: string[] = [];
  for (const key of Object.keys(document))
    if (!TOP_LEVEL.has(key)) problems.add(key, `field ${key} not found in type config.plain`);

  const names = new SecretNames();
  const route = routeOf(document.route, "route", problems);
  const receiverList = Array.isArray(document.receivers) ? document.receivers : [];
  const imported = receiverList.flatMap((entry, index) => {
    const result = receiverOf(entry, `receivers[${index}]`, problems, names);
    return result ? [{ ...result, index }] : [];
  });
  const inhibitList = document.inhibit_rules ?? [];
  if (!Array.isArray(inhibitList)) problems.add("inhibit_rules", "expected a list of inhibit rules");
  const inhibitRules = (Array.isArray(inhibitList) ? inhibitList : []).flatMap(
    (entry, index): InhibitRule[] => {
      const rule = inhibitRuleOf(entry, `inhibit_rules[${index}]`, problems);
      return rule ? [rule] : [];
    },
  );
  const timeIntervals = timeIntervalsOf(document, problems);
  const templates = problems.strings(document.templates, "templates");
  const global = document.global;
  if (global !== undefined && global !== null && !isRecord(global)) problems.add("global", "expected a map");
  if (problems.list.length > 0) throw new AlertmanagerImportError(problems.list);

  const receivers = imported.map((entry) => entry.receiver);
  const globalSecrets = isRecord(global) ? secretPathsOf(global) : [];
  if (templates.length > 0)
    notes.push(
      `template paths kept (${templates.join(", ")}): the template files themselves are not imported`,
    );
  if (receivers.some((receiver) => receiver.integrations.some((integration) => integration.type === "slack")))
    notes.push("Slack configs without their own title or text now use Obsforge's message templates");
  return {
    alerting: {
      receivers,
      route,
      inhibitRules,
      alertmanager: {
        global: isRecord(global) ? { config: global, secretPaths: globalSecrets } : undefined,
        templates,
        timeIntervals,
      },
    },
    report: {
      routes: countRoutes(route),
      receivers: receivers.length,
      integrations: receivers.reduce((sum, receiver) => sum + receiver.integrations.length, 0),
      verbatim: imported.flatMap((entry) =>
        entry.verbatim.map((what) => `receivers[${entry.index}] (${entry.receiver.name}): ${what}`),
      ),
      inhibitRules: inhibitRules.length,
      timeIntervals: timeIntervals.length,
      secrets: [...globalSecrets.map((path) => `global.${path} (verbatim)`), ...secretLines(receivers)],
      notes,
    },
  };
}

/** The report as lines: a headline, then indented details. */
export function importReportLines(report: AlertmanagerImportReport): string[] {
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
  return [
    `Alertmanager configuration: ${plural(report.routes, "route")}, ${plural(report.receivers, "receiver")} (${plural(report.integrations, "editable integration")}, ${report.verbatim.length} kept verbatim), ${plural(report.inhibitRules, "inhibit rule")}, ${plural(report.timeIntervals, "time interval")}`,
    ...(report.verbatim.length > 0
      ? ["  kept verbatim (exported as they are):", ...report.verbatim.map((line) => `    ${line}`)]
      : []),
    ...(report.secrets.length > 0
      ? [
          `  literal secrets kept (${report.secrets.length}), to be moved to encrypted storage or the environment:`,
          ...report.secrets.map((line) => `    ${line}`),
        ]
      : []),
    ...report.notes.map((note) => `  note: ${note}`),
  ];
}
