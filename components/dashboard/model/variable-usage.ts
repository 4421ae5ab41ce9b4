import { isBuiltinVariable, referencedVariables } from "@/lib/model/checks/dashboards";
import type { Dashboard } from "@/lib/model/dashboard";
import { formatPath } from "@/lib/model/issues";
import { panelTargets } from "@/lib/model/panel";

/**
 * Who uses which template variable: panel queries and datasources, and other variables' queries.
 * The settings view asks before deleting a variable something uses, and lists names used that no
 * variable defines. Names are read as the model's checks read them (`$x`, `${x}`, `${x:csv}`,
 * `[[x]]`), so both agree on what "unknown" means.
 */

export type ReferenceSource =
  | { kind: "panel"; panelId: number; title: string }
  | { kind: "variable"; index: number; name: string };

export interface VariableReference {
  name: string;
  from: ReferenceSource;
  /** Where the reference is, as the model's issues name it: `panels[2].targets[0].expr`. */
  path: string;
}

/** The variable a datasource field stands for (`$ds`, `${ds}`), if it is a reference. */
function datasourceVariable(ref: string | undefined): string | undefined {
  if (ref === undefined) return undefined;
  return /^\$\{?(\w+)\}?$/.exec(ref)?.[1];
}

/** Every variable reference in the dashboard, panels first, in the dashboard's order. */
export function variableReferences(dashboard: Dashboard): VariableReference[] {
  const out: VariableReference[] = [];
  const add = (names: readonly string[], from: ReferenceSource, path: (string | number)[]): void => {
    for (const name of new Set(names)) out.push({ name, from, path: formatPath(path) });
  };
  dashboard.panels.forEach((panel, index) => {
    if (panel.type === "row") return;
    const from: ReferenceSource = { kind: "panel", panelId: panel.id, title: panel.title };
    const panelDatasource = datasourceVariable(panel.datasource);
    if (panelDatasource) add([panelDatasource], from, ["panels", index, "datasource"]);
    panelTargets(panel).forEach((target, targetIndex) => {
      const path: (string | number)[] = ["panels", index, "targets", targetIndex];
      const field = target.kind === "sql" ? "rawSql" : "expr";
      add(referencedVariables(target.kind === "sql" ? target.rawSql : target.expr), from, [...path, field]);
      const targetDatasource = datasourceVariable(target.datasource);
      if (targetDatasource) add([targetDatasource], from, [...path, "datasource"]);
    });
  });
  dashboard.variables.forEach((variable, index) => {
    if (variable.type !== "query") return;
    const from: ReferenceSource = { kind: "variable", index, name: variable.name };
    add(
      referencedVariables(variable.query).filter((name) => name !== variable.name),
      from,
      ["variables", index, "query"],
    );
    const datasource = datasourceVariable(variable.datasource);
    if (datasource) add([datasource], from, ["variables", index, "datasource"]);
  });
  return out;
}

export interface VariableUsers {
  /** Panels using the name, each once, in the dashboard's order. */
  panels: { id: number; title: string }[];
  /** Other variables whose query or datasource uses it. */
  variables: string[];
}

function collectUsers(references: readonly VariableReference[]): VariableUsers {
  const panels: VariableUsers["panels"] = [];
  const variables: string[] = [];
  for (const { from } of references) {
    if (from.kind === "panel") {
      if (!panels.some((panel) => panel.id === from.panelId))
        panels.push({ id: from.panelId, title: from.title });
    } else if (!variables.includes(from.name)) {
      variables.push(from.name);
    }
  }
  return { panels, variables };
}

/** What would lose its variable if the one called `name` went. */
export function usersOfVariable(dashboard: Dashboard, name: string): VariableUsers {
  return collectUsers(variableReferences(dashboard).filter((reference) => reference.name === name));
}

export interface UndefinedVariable extends VariableUsers {
  name: string;
  /** The references' paths, for linking to the model's issues. */
  paths: string[];
}

/** Names something uses that neither a variable of the dashboard nor Grafana defines. */
export function undefinedVariables(dashboard: Dashboard): UndefinedVariable[] {
  const defined = new Set(dashboard.variables.map((variable) => variable.name));
  const byName = new Map<string, VariableReference[]>();
  for (const reference of variableReferences(dashboard)) {
    if (defined.has(reference.name) || isBuiltinVariable(reference.name)) continue;
    byName.set(reference.name, [...(byName.get(reference.name) ?? []), reference]);
  }
  return [...byName].map(([name, references]) => ({
    name,
    paths: references.map((reference) => reference.path),
    ...collectUsers(references),
  }));
}

/** "“A”, “B” and 3 more": panel titles for a sentence. */
export function listTitles(titles: readonly string[], shown = 5): string {
  const quoted = titles.map((title) => `“${title}”`);
  if (quoted.length <= shown) {
    if (quoted.length <= 1) return quoted.join("");
    return `${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]}`;
  }
  return `${quoted.slice(0, shown).join(", ")} and ${quoted.length - shown} more`;
}
