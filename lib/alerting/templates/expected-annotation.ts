import { expandAlertTemplate, type QuerySample } from "./render";

export interface ExpectedAnnotationOptions {
  /** The alert's name: it only shows in the text of a template that fails. */
  alertName?: string;
  /** How promtool answers `query` in this test (from its input series); default: nothing found. */
  query?: (expr: string) => QuerySample[];
  externalLabels?: Readonly<Record<string, string>>;
  externalURL?: string;
}

/**
 * The annotation `promtool test rules` will expect for an alert on a series with these labels
 * (as the rule's expression returns them: with __name__ when it keeps it) and this value: the
 * rendered text, or `<error expanding template: …>` exactly as Prometheus writes a failure.
 * A drop-in for generators of rule tests (exp_annotations) and backtests.
 */
export function expectedAnnotation(
  template: string,
  labels: Readonly<Record<string, string>>,
  value: number,
  options: ExpectedAnnotationOptions = {},
): string {
  return expandAlertTemplate(
    template,
    { labels, value, externalLabels: options.externalLabels, externalURL: options.externalURL },
    { alertName: options.alertName ?? "alert", query: options.query ?? (() => []) },
  ).text;
}
