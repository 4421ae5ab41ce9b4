import { compileInhibitRules, inhibitionOf } from "@/lib/alerting/routing/inhibit";
import type { InhibitRule } from "@/lib/model/alertmanager";
import type { ProjectAlert } from "./project-alerts";

/** One alert an inhibit rule silences, and the alerts whose firing silences it. */
export interface SilencedAlert {
  target: ProjectAlert;
  sources: ProjectAlert[];
}

export type InhibitPreview = { ok: true; silenced: SilencedAlert[] } | { ok: false; message: string };

/**
 * Which of the project's alerts `rule` silences, and when which others fire, decided by the
 * routing engine's inhibition (Alertmanager's semantics: a label missing on both sides is equal,
 * an alert matching both sides does not silence itself or its like). Only the rules' static labels
 * are known: `equal` labels that come from the series must also agree at run time.
 */
export function inhibitPreview(rule: InhibitRule, alerts: readonly ProjectAlert[]): InhibitPreview {
  let compiled: ReturnType<typeof compileInhibitRules>;
  try {
    compiled = compileInhibitRules([rule]);
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  const firing = alerts.map((alert) => alert.labels);
  const silenced: SilencedAlert[] = [];
  alerts.forEach((target) => {
    const inhibition = inhibitionOf(compiled, target.labels, firing);
    if (!inhibition) return;
    const sources = inhibition.sources.map((index) => alerts[index]).filter((a): a is ProjectAlert => !!a);
    silenced.push({ target, sources });
  });
  return { ok: true, silenced };
}
