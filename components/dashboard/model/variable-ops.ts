import type { Dashboard } from "@/lib/model/dashboard";
import { QueryVariableSchema, type Variable, VariableSchema } from "@/lib/model/variable";

/**
 * Edits of a dashboard's template variables as pure functions, for the settings view: the store
 * records each result for undo. Order matters (a variable's query may use the ones before it),
 * so variables are addressed by their index.
 */

export type VariableType = Variable["type"];
type OfType<T extends VariableType> = Extract<Variable, { type: T }>;

export const VARIABLE_TYPES: readonly VariableType[] = [
  "query",
  "custom",
  "constant",
  "interval",
  "datasource",
];

export const VARIABLE_TYPE_LABELS: Record<VariableType, string> = {
  query: "Query",
  custom: "Custom",
  constant: "Constant",
  interval: "Interval",
  datasource: "Data source",
};

/** The types in order, each with its label, for a drop-down. */
export const VARIABLE_TYPE_CHOICES: ReadonlyArray<readonly [VariableType, string]> = VARIABLE_TYPES.map(
  (type) => [type, VARIABLE_TYPE_LABELS[type]] as const,
);

/** Grafana's default choices of a new interval variable. */
export const DEFAULT_INTERVALS: readonly string[] = ["1m", "10m", "30m", "1h", "6h", "12h", "1d", "7d"];

/**
 * A fresh variable of `type` with the model's defaults, valid as it is so autosave goes on: a
 * query variable starts by listing `job` values, which every Prometheus has from its first scrape.
 */
export function defaultVariable(type: VariableType, name: string): Variable {
  switch (type) {
    case "query":
      return VariableSchema.parse({ type, name, query: "label_values(job)" });
    case "custom":
      return VariableSchema.parse({ type, name, values: ["a", "b", "c"] });
    case "constant":
      return VariableSchema.parse({ type, name, value: "" });
    case "interval":
      return VariableSchema.parse({ type, name, values: [...DEFAULT_INTERVALS] });
    case "datasource":
      return VariableSchema.parse({ type, name, datasourceType: "prometheus" });
    default: {
      const never: never = type;
      throw new Error(`unknown variable type ${JSON.stringify(never)}`);
    }
  }
}

/** A query variable listing the values of the label it is named after: `$job` = `label_values(job)`. */
export function labelValuesVariable(name: string): Variable {
  return VariableSchema.parse({ type: "query", name, query: `label_values(${name})` });
}

/**
 * The variable as another type: name, label and hide stay, so do the choices both types have
 * (values, multi, include All). `extra` holds Grafana keys of the old type, so it goes.
 */
export function changeVariableType(variable: Variable, type: VariableType): Variable {
  if (variable.type === type) return variable;
  const fresh = defaultVariable(type, variable.name);
  const common = { label: variable.label, hide: variable.hide };
  const carried: Partial<Variable> = {};
  if ("values" in variable && "values" in fresh) Object.assign(carried, { values: [...variable.values] });
  if ("multi" in variable && "multi" in fresh) {
    Object.assign(carried, { multi: variable.multi, includeAll: variable.includeAll });
    if (variable.allValue !== undefined) Object.assign(carried, { allValue: variable.allValue });
  }
  return { ...fresh, ...carried, ...common } as Variable;
}

/** `query0`, `custom1` …: the first name of that type the dashboard does not use, as Grafana names them. */
export function suggestVariableName(variables: readonly Variable[], type: VariableType): string {
  const taken = new Set(variables.map((variable) => variable.name));
  for (let n = 0; ; n++) {
    const name = `${type}${n}`;
    if (!taken.has(name)) return name;
  }
}

/** Why `name` cannot be a new variable's name, or undefined when it can. */
export function newVariableNameProblem(variables: readonly Variable[], name: string): string | undefined {
  if (name.trim() === "") return "a variable needs a name";
  const shape = QueryVariableSchema.shape.name.safeParse(name);
  if (!shape.success) return shape.error.issues[0]?.message ?? "not a variable name";
  if (name.startsWith("__")) return "names starting with __ are Grafana's own variables";
  if (variables.some((variable) => variable.name === name)) return `there is already a variable "${name}"`;
  return undefined;
}

export function addVariable(
  dashboard: Dashboard,
  variable: Variable,
): { dashboard: Dashboard; index: number } {
  return {
    dashboard: { ...dashboard, variables: [...dashboard.variables, variable] },
    index: dashboard.variables.length,
  };
}

/** The dashboard with `variables[index]` replaced; the same object when nothing changed. */
export function replaceVariable(dashboard: Dashboard, index: number, variable: Variable): Dashboard {
  const current = dashboard.variables[index];
  if (current === undefined || current === variable) return dashboard;
  return {
    ...dashboard,
    variables: dashboard.variables.map((entry, position) => (position === index ? variable : entry)),
  };
}

export function removeVariable(dashboard: Dashboard, index: number): Dashboard {
  if (dashboard.variables[index] === undefined) return dashboard;
  return { ...dashboard, variables: dashboard.variables.filter((_, position) => position !== index) };
}

/** Moves `variables[index]` by `offset` places (−1 up, +1 down); the same object when it cannot move. */
export function moveVariable(dashboard: Dashboard, index: number, offset: number): Dashboard {
  const target = index + offset;
  const variable = dashboard.variables[index];
  if (variable === undefined || target < 0 || target >= dashboard.variables.length || offset === 0) {
    return dashboard;
  }
  const variables = dashboard.variables.filter((_, position) => position !== index);
  variables.splice(target, 0, variable);
  return { ...dashboard, variables };
}

/**
 * Sets one Grafana option the model keeps in `extra` (an interval variable's `auto`); undefined
 * removes it, and an `extra` left empty goes too.
 */
export function withExtra<V extends Variable>(variable: V, key: string, value: unknown): V {
  const { [key]: _old, ...rest } = variable.extra ?? {};
  const extra = value === undefined ? rest : { ...rest, [key]: value };
  const { extra: _extra, ...withoutExtra } = variable;
  return (Object.keys(extra).length > 0 ? { ...withoutExtra, extra } : withoutExtra) as V;
}

/**
 * Grafana's "custom all value" of a query or custom variable, '' when none; a project saved before
 * it was a model field keeps it in `extra`.
 */
export function allValueOf(variable: OfType<"query" | "custom">): string {
  const legacy = variable.extra?.allValue;
  return variable.allValue ?? (typeof legacy === "string" ? legacy : "");
}

/** Sets (or, for '', clears) the custom all value; one kept in `extra` by an older save goes. */
export function withAllValue<V extends OfType<"query" | "custom">>(variable: V, text: string): V {
  const { allValue: _old, ...rest } = withExtra(variable, "allValue", undefined);
  return (text === "" ? rest : { ...rest, allValue: text }) as V;
}

export interface IntervalAuto {
  enabled: boolean;
  /** Into how many steps the time range is split. */
  count: number;
  /** The smallest interval auto picks. */
  min: string;
}

/** An interval variable's "auto" option, with Grafana's defaults where the dashboard says nothing. */
export function intervalAutoOf(variable: OfType<"interval">): IntervalAuto {
  const extra = variable.extra ?? {};
  return {
    enabled: extra.auto === true,
    count: typeof extra.auto_count === "number" ? extra.auto_count : 30,
    min: typeof extra.auto_min === "string" ? extra.auto_min : "10s",
  };
}

export function withIntervalAuto(variable: OfType<"interval">, auto: IntervalAuto): OfType<"interval"> {
  if (!auto.enabled) {
    return withExtra(
      withExtra(withExtra(variable, "auto", undefined), "auto_count", undefined),
      "auto_min",
      undefined,
    );
  }
  return withExtra(
    withExtra(withExtra(variable, "auto", true), "auto_count", auto.count),
    "auto_min",
    auto.min,
  );
}
