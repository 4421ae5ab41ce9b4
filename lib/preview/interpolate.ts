import type { Variable } from "../model";
import { formatDuration } from "./duration";

/**
 * Grafana's template-variable interpolation for PromQL, as Grafana's Prometheus datasource does
 * it, so a preview runs the query Grafana would run: `$var`, `${var}`, `${var:format}`, `[[var]]`,
 * multi-value selections as `(a|b)`, "All" (`$__all`), and the built-in `$__interval`,
 * `$__rate_interval`, `$__range` and friends.
 */

/** The value Grafana stores for "All". */
export const ALL_VALUE = "$__all";

export type VariableValue = string | readonly string[];

export interface TemplateVariable {
  /** The selection: one value, several, or `$__all`. */
  value: VariableValue;
  /** Every option, which "All" expands to when there is no `allValue`. */
  options?: readonly string[];
  /** What "All" means instead of every option, e.g. `.*`. */
  allValue?: string;
  /** Multi-value or include-All variables are regex-escaped, as they land in `=~` matchers. */
  multi?: boolean;
  includeAll?: boolean;
}

export interface InterpolationContext {
  variables?: Readonly<Record<string, VariableValue | TemplateVariable>>;
  /** The query's step, which Grafana calls the interval. */
  intervalMs: number;
  /** Length of the time range. */
  rangeMs: number;
  /** The datasource's scrape interval, for `$__rate_interval`. */
  scrapeIntervalMs: number;
}

/** Grafana's variable syntax: `$name`, `[[name]]`, `[[name:format]]`, `${name}`, `${name:format}`. */
const VARIABLE_PATTERN = /\$(\w+)|\[\[(\w+?)(?::(\w+))?\]\]|\$\{(\w+)(?:\.([^:^}]+))?(?::([^}]+))?\}/g;

/** Escapes for a PromQL string that is not a regex (Grafana's prometheusRegularEscape). */
function regularEscape(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/'/g, "\\\\'");
}

/** Escapes for a regex inside a PromQL string: doubled backslashes (prometheusSpecialRegexEscape). */
function promRegexEscape(value: string): string {
  return value.replace(/\\/g, "\\\\\\\\").replace(/[$^*{}[\]'+?.()|]/g, "\\\\$&");
}

/** Plain regex escaping, for the explicit `:regex` format (Grafana's kbn.regexEscape). */
function regexEscape(value: string): string {
  return value.replace(/[\\^$*+?.()|[\]{}/]/g, "\\$&");
}

function normalize(variable: VariableValue | TemplateVariable): TemplateVariable {
  if (typeof variable === "string" || Array.isArray(variable)) {
    const value = variable as VariableValue;
    return { value, multi: Array.isArray(value) };
  }
  return variable as TemplateVariable;
}

function isAll(value: VariableValue): boolean {
  return typeof value === "string" ? value === ALL_VALUE : value.length === 1 && value[0] === ALL_VALUE;
}

/** What the selection stands for: the raw `allValue`, or the list of values. */
type Resolved =
  | { kind: "raw"; text: string }
  | { kind: "values"; values: readonly string[]; single: boolean };

function resolve(variable: TemplateVariable): Resolved {
  if (isAll(variable.value)) {
    if (variable.allValue !== undefined) return { kind: "raw", text: variable.allValue };
    // Without the options, the only faithful "every value" is a match-anything regex.
    if (!variable.options || variable.options.length === 0) return { kind: "raw", text: ".*" };
    return { kind: "values", values: variable.options, single: false };
  }
  return typeof variable.value === "string"
    ? { kind: "values", values: [variable.value], single: true }
    : { kind: "values", values: variable.value, single: false };
}

function quoteEach(values: readonly string[], quote: string, escapeValue: (value: string) => string): string {
  return values.map((value) => `${quote}${escapeValue(value)}${quote}`).join(",");
}

/** Grafana's named formats (`${var:csv}`); unknown names fall back to glob, as Grafana does. */
function applyFormat(format: string, values: readonly string[], single: boolean, name: string): string {
  switch (format) {
    case "raw":
    case "text":
    case "csv":
      return values.join(",");
    case "regex": {
      const escaped = values.map(regexEscape);
      return escaped.length === 1 ? (escaped[0] ?? "") : `(${escaped.join("|")})`;
    }
    case "pipe":
      return values.join("|");
    case "json":
      return JSON.stringify(single ? values[0] : values);
    case "singlequote":
      return quoteEach(values, "'", (value) => value.replace(/'/g, "\\'"));
    case "doublequote":
      return quoteEach(values, '"', (value) => value.replace(/"/g, '\\"'));
    case "sqlstring":
      return quoteEach(values, "'", (value) => value.replace(/'/g, "''"));
    case "queryparam":
      return values.map((value) => `var-${name}=${encodeURIComponent(value)}`).join("&");
    case "percentencode":
      return encodeURIComponent(values.length === 1 ? (values[0] ?? "") : `{${values.join(",")}}`);
    default:
      return values.length === 1 ? (values[0] ?? "") : `{${values.join(",")}}`;
  }
}

/** The Prometheus datasource's own formatting when no format is named (interpolateQueryExpr). */
function defaultFormat(variable: TemplateVariable, values: readonly string[], single: boolean): string {
  if (!variable.multi && !variable.includeAll) return values.map(regularEscape).join(",");
  const escaped = values.map(promRegexEscape);
  return single || escaped.length === 1 ? (escaped[0] ?? "") : `(${escaped.join("|")})`;
}

/** `$__interval` and the like, as Grafana's Prometheus datasource defines them. */
function builtIns(context: InterpolationContext): Record<string, string> {
  const scrapeSeconds = context.scrapeIntervalMs / 1000 || 15;
  const intervalSeconds = context.intervalMs / 1000;
  const rateSeconds = Math.max(intervalSeconds + scrapeSeconds, 4 * scrapeSeconds);
  const rangeSeconds = Math.round(context.rangeMs / 1000);
  return {
    __interval: formatDuration(context.intervalMs),
    __interval_ms: String(Math.round(context.intervalMs)),
    __rate_interval: Number.isInteger(rateSeconds) ? `${rateSeconds}s` : formatDuration(rateSeconds * 1000),
    __rate_interval_ms: String(Math.round(rateSeconds * 1000)),
    __range: `${rangeSeconds}s`,
    __range_s: String(rangeSeconds),
    __range_ms: String(Math.round(context.rangeMs)),
  };
}

/** The query with every known variable replaced; unknown ones are left as written, as Grafana does. */
export function interpolatePromql(expr: string, context: InterpolationContext): string {
  const fixed = builtIns(context);
  const variables = context.variables ?? {};
  return expr.replace(
    VARIABLE_PATTERN,
    (
      match,
      plain?: string,
      bracket?: string,
      bracketFormat?: string,
      braced?: string,
      _field?: string,
      bracedFormat?: string,
    ) => {
      const name = plain ?? bracket ?? braced ?? "";
      const format = bracketFormat ?? bracedFormat;
      const builtIn = fixed[name];
      if (builtIn !== undefined) return builtIn;
      const given = Object.hasOwn(variables, name) ? variables[name] : undefined;
      if (given === undefined) return match;
      const variable = normalize(given);
      const resolved = resolve(variable);
      if (resolved.kind === "raw") return resolved.text;
      return format
        ? applyFormat(format, resolved.values, resolved.single, name)
        : defaultFormat(variable, resolved.values, resolved.single);
    },
  );
}

/** Names of the variables a query refers to (built-ins excluded), in order of first use. */
export function referencedVariables(expr: string): string[] {
  const names = new Set<string>();
  for (const match of expr.matchAll(VARIABLE_PATTERN)) {
    const name = match[1] ?? match[2] ?? match[4];
    if (name && !name.startsWith("__")) names.add(name);
  }
  return [...names];
}

/**
 * A dashboard's variables as interpolation input: constants keep their value, custom and interval
 * variables default to their first value, query variables to "All" (`.*`, since their options
 * live in Prometheus) or to what `selected` says.
 */
export function dashboardVariables(
  variables: readonly Variable[],
  selected: Readonly<Record<string, VariableValue>> = {},
): Record<string, TemplateVariable> {
  const out: Record<string, TemplateVariable> = {};
  for (const variable of variables) {
    const chosen = selected[variable.name];
    switch (variable.type) {
      case "constant":
        out[variable.name] = { value: variable.value };
        break;
      case "custom":
        out[variable.name] = {
          value: chosen ?? (variable.includeAll ? ALL_VALUE : (variable.values[0] ?? "")),
          options: variable.values,
          allValue: variable.allValue,
          multi: variable.multi,
          includeAll: variable.includeAll,
        };
        break;
      case "query":
        out[variable.name] = {
          value: chosen ?? ALL_VALUE,
          allValue: variable.allValue ?? ".*",
          multi: variable.multi,
          includeAll: variable.includeAll,
        };
        break;
      case "interval":
        out[variable.name] = { value: chosen ?? variable.values[0] ?? "1m" };
        break;
      case "datasource":
        out[variable.name] = { value: chosen ?? "" };
        break;
      default: {
        const never: never = variable;
        throw new Error(`unknown variable ${JSON.stringify(never)}`);
      }
    }
  }
  return out;
}
