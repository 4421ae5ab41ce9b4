/**
 * Alert label and annotation templates expanded as Prometheus 2.42 expands them
 * (rules/alerting.go + template/template.go): the text is prefixed with the `$labels`,
 * `$externalLabels`, `$externalURL` and `$value` definitions, named `__alert_<alertname>`, parsed
 * with Prometheus's functions and run with missingkey=zero; a failure becomes the annotation
 * `<error expanding template: …>`, which is what the notification then says.
 */
import { BUILTINS } from "./builtins";
import { execute, type GoFunc, TemplateExecError } from "./exec";
import { parseTemplate, TemplateParseError } from "./parser";
import { prometheusFunctions, type QuerySample } from "./prometheus-functions";
import { type GoType, goFloat, goString, mapOf, stringMap, T } from "./values";

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

export interface ExpandOptions {
  /** The alert's name; the template is called `__alert_<name>` in messages. */
  alertName: string;
  /** Answers `query`; without it a template that queries fails as with an unreachable server. */
  query?: (expr: string) => QuerySample[];
  /** The server's --web.external-url for `externalURL` and `pathPrefix` (promtool has none). */
  webExternalURL?: string;
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

function functionsFor(options: ExpandOptions): Record<string, GoFunc> {
  return prometheusFunctions({ query: options.query ?? noQuery, externalURL: options.webExternalURL });
}

const prometheusFunctionNames = new Set(Object.keys(prometheusFunctions({ query: noQuery })));
const hasFunction = (name: string): boolean => prometheusFunctionNames.has(name) || name in BUILTINS;

/** Expands one label or annotation template for one alert. */
export function expandAlertTemplate(
  text: string,
  data: AlertTemplateData,
  options: ExpandOptions,
): ExpandResult {
  const name = templateName(options.alertName);
  const source = DEFINITIONS + text;
  let stage: "parse" | "execute" = "parse";
  try {
    const templates = parseTemplate(name, source, { hasFunction });
    stage = "execute";
    const value = {
      type: dataType,
      v: {
        Labels: stringMap(data.labels),
        ExternalLabels: stringMap(data.externalLabels ?? {}),
        ExternalURL: goString(data.externalURL ?? ""),
        Value: goFloat(data.value),
      },
    };
    const out = execute(
      { name, text: source, templates, funcs: functionsFor(options), builtins: BUILTINS },
      value,
    );
    return { ok: true, text: out };
  } catch (error) {
    if (!(error instanceof TemplateParseError || error instanceof TemplateExecError)) throw error;
    const message = `error ${stage === "parse" ? "parsing" : "executing"} template ${name}: ${error.message}`;
    return { ok: false, error: message, text: `<error expanding template: ${message}>`, stage };
  }
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
