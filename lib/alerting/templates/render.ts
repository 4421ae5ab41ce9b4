/**
 * Alert label and annotation templates expanded as Prometheus 2.42 expands them
 * (rules/alerting.go + template/template.go): the text is prefixed with the `$labels`,
 * `$externalLabels`, `$externalURL` and `$value` definitions, named `__alert_<alertname>`, parsed
 * with Prometheus's functions and run with missingkey=zero; a failure becomes the annotation
 * `<error expanding template: …>`, which is what the notification then says.
 */
import { BUILTINS } from "./builtins";
import { execute, TemplateExecError } from "./exec";
import { parseTemplate, TemplateParseError } from "./parser";
import { prometheusFunctions, type QuerySample } from "./prometheus-functions";
import { type GoType, goFloat, goString, mapOf, stringMap, T, type Value } from "./values";

export { FuncError, QueryPending } from "./exec";
export type { QuerySample } from "./prometheus-functions";

const DEFINITIONS =
  "{{$labels := .Labels}}{{$externalLabels := .ExternalLabels}}{{$externalURL := .ExternalURL}}{{$value := .Value}}";

const dataType: GoType = {
  kind: "struct",
  fields: [
    { name: "Labels", type: mapOf(T.string, T.string) },
    { name: "ExternalLabels", type: mapOf(T.string, T.string) },
    { name: "ExternalURL", type: T.string },
    { name: "Value", type: T.float64 },
  ],
};

export interface AlertTemplateData {
  /** The series' labels (without __name__, as the rule's result has them). */
  labels: Readonly<Record<string, string>>;
  value: number;
  externalLabels?: Readonly<Record<string, string>>;
  /** `$externalURL`: the rule manager's external URL string. */
  externalURL?: string;
}

export interface ExpandOptions extends GoTemplateOptions {
  /** The alert's name; the template is called `__alert_<name>` in messages. */
  alertName: string;
}

export type ExpandResult =
  | { ok: true; text: string }
  | {
      ok: false;
      /** `error parsing template …` or `error executing template …`, as Prometheus logs it. */
      error: string;
      /** What Prometheus puts into the annotation instead: `<error expanding template: …>`. */
      text: string;
      stage: "parse" | "execute";
    };

const noQuery = (): QuerySample[] => {
  throw new Error("no Prometheus to query");
};

const templateName = (alertName: string): string => `__alert_${alertName}`;

const prometheusFunctionNames = new Set(Object.keys(prometheusFunctions({ query: noQuery })));
const hasFunction = (name: string): boolean => prometheusFunctionNames.has(name) || name in BUILTINS;

export interface GoTemplateOptions {
  /** Answers `query`; without it a template that queries fails as with an unreachable server. */
  query?: (expr: string) => QuerySample[];
  /** The server's --web.external-url for `externalURL` and `pathPrefix` (promtool has none). */
  webExternalURL?: string;
}

/**
 * Expander.Expand of Prometheus: any template over any data, with Prometheus's functions. Alert
 * templates go through expandAlertTemplate; this is the general form (and what its tests use).
 */
export function expandGoTemplate(
  name: string,
  text: string,
  data: Value,
  options: GoTemplateOptions,
): ExpandResult {
  let stage: "parse" | "execute" = "parse";
  try {
    const templates = parseTemplate(name, text, { hasFunction });
    stage = "execute";
    const funcs = prometheusFunctions({
      query: options.query ?? noQuery,
      externalURL: options.webExternalURL,
    });
    return { ok: true, text: execute({ name, text, templates, funcs, builtins: BUILTINS }, data) };
  } catch (error) {
    if (!(error instanceof TemplateParseError || error instanceof TemplateExecError)) throw error;
    const message = `error ${stage === "parse" ? "parsing" : "executing"} template ${name}: ${error.message}`;
    return { ok: false, error: message, text: `<error expanding template: ${message}>`, stage };
  }
}

/** Expands one label or annotation template for one alert. */
export function expandAlertTemplate(
  text: string,
  data: AlertTemplateData,
  options: ExpandOptions,
): ExpandResult {
  const value: Value = {
    type: dataType,
    v: {
      Labels: stringMap(data.labels),
      ExternalLabels: stringMap(data.externalLabels ?? {}),
      ExternalURL: goString(data.externalURL ?? ""),
      Value: goFloat(data.value),
    },
  };
  return expandGoTemplate(templateName(options.alertName), DEFINITIONS + text, value, options);
}

/**
 * Why `promtool check rules` refuses the template, worded as Prometheus words a parse failure
 * (`error parsing template __alert_X: template: __alert_X:1: unexpected "}" in operand`), or
 * undefined when it parses.
 */
export function alertTemplateParseError(text: string, alertName: string): string | undefined {
  const name = templateName(alertName);
  try {
    parseTemplate(name, DEFINITIONS + text, { hasFunction });
    return undefined;
  } catch (error) {
    if (!(error instanceof TemplateParseError)) throw error;
    return `error parsing template ${name}: ${error.message}`;
  }
}
