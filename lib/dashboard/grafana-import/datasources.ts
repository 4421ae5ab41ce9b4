import { checkLogql } from "../../logql/parse";
import type { Datasource, DatasourceType, Project } from "../../model";
import { checkDashboardPromql } from "../../promql/parse";
import { asString, isPlainObject, type JsonObject } from "./json";

/** Grafana plugin ids of the datasource types the model has. */
const PLUGIN_TYPES: Record<string, DatasourceType> = {
  prometheus: "prometheus",
  loki: "loki",
  postgres: "postgres",
  "grafana-postgresql-datasource": "postgres",
};

export function datasourceTypeOfPlugin(pluginId: string | undefined): DatasourceType | undefined {
  return pluginId === undefined ? undefined : PLUGIN_TYPES[pluginId];
}

/** Where a Grafana datasource reference points, as far as the project can tell. */
export type DatasourceResolution =
  /** A project datasource; `uid` undefined means "the project's default of this type". */
  | { kind: "project"; type: DatasourceType; uid: string | undefined }
  /** A `$datasource` template variable; its type is known when the variable is a datasource variable. */
  | { kind: "variable"; ref: string; type: DatasourceType | undefined }
  | { kind: "mixed" }
  /** No reference: Grafana's default datasource, whose type the query has to tell. */
  | { kind: "unset" }
  /** A name or uid of the exporting Grafana that the project does not have, with no type. */
  | { kind: "unknown"; name: string }
  | { kind: "unsupported"; what: string };

const VARIABLE_REF = /^\$\{?(\w+)\}?$/;

/**
 * Resolves Grafana's datasource references (uid objects, legacy names, `${DS_X}` inputs, `$var`,
 * `-- Mixed --`) to the project's datasources, by uid or name when they match, else by type.
 */
export class DatasourceResolver {
  private readonly inputTypes = new Map<string, string>();
  readonly notes: string[] = [];
  private readonly noted = new Set<string>();

  constructor(
    private readonly project: Project,
    inputs: readonly JsonObject[],
    private readonly variableTypes: ReadonlyMap<string, DatasourceType | undefined>,
  ) {
    for (const input of inputs) {
      const name = asString(input.name);
      if (name && input.type === "datasource") this.inputTypes.set(name, asString(input.pluginId) ?? "");
    }
  }

  resolve(ref: unknown): DatasourceResolution {
    if (ref === null || ref === undefined || ref === "") return { kind: "unset" };
    if (typeof ref === "string") return this.resolveText(ref, undefined);
    if (!isPlainObject(ref))
      return { kind: "unsupported", what: `datasource reference ${JSON.stringify(ref)}` };
    const uid = asString(ref.uid);
    const type = asString(ref.type);
    if (uid === undefined || uid === "") {
      return type === undefined ? { kind: "unset" } : this.byPlugin(type, undefined);
    }
    return this.resolveText(uid, type);
  }

  private resolveText(text: string, pluginId: string | undefined): DatasourceResolution {
    if (text === "-- Mixed --") return { kind: "mixed" };
    if (text === "-- Grafana --" || text === "grafana" || pluginId === "grafana") {
      return { kind: "unsupported", what: "Grafana's built-in datasource" };
    }
    if (text === "-- Dashboard --" || pluginId === "datasource") {
      return { kind: "unsupported", what: "the -- Dashboard -- datasource" };
    }
    const variable = VARIABLE_REF.exec(text)?.[1];
    if (variable !== undefined) {
      const input = this.inputTypes.get(variable);
      if (input !== undefined) {
        const resolved = this.byPlugin(pluginId ?? input, undefined);
        if (resolved.kind === "project") {
          const target = this.defaultOf(resolved.type);
          this.note(
            `import input ${text} resolved to the project's ${resolved.type} datasource "${target?.uid ?? "(none)"}"`,
          );
        }
        return resolved;
      }
      if (this.variableTypes.has(variable)) {
        return { kind: "variable", ref: text, type: this.variableTypes.get(variable) };
      }
      return this.byPlugin(pluginId, text);
    }
    const match =
      this.project.datasources.find((ds) => ds.uid === text) ??
      this.project.datasources.find((ds) => ds.name === text);
    if (match && (pluginId === undefined || datasourceTypeOfPlugin(pluginId) === match.type)) {
      // The default of its type is what the model means by no datasource: keep the model portable.
      const isDefault = this.defaultOf(match.type)?.uid === match.uid;
      return { kind: "project", type: match.type, uid: isDefault ? undefined : match.uid };
    }
    return this.byPlugin(pluginId, text);
  }

  private byPlugin(pluginId: string | undefined, name: string | undefined): DatasourceResolution {
    if (pluginId === undefined || pluginId === "") {
      return name === undefined ? { kind: "unset" } : { kind: "unknown", name };
    }
    const type = datasourceTypeOfPlugin(pluginId);
    if (!type) return { kind: "unsupported", what: `a ${pluginId} datasource` };
    if (name !== undefined)
      this.note(`datasource "${name}" (${pluginId}) is not in the project: using its ${type} datasource`);
    return { kind: "project", type, uid: undefined };
  }

  /** The project's datasource of a type: what an unset reference runs on. */
  defaultOf(type: DatasourceType): Datasource | undefined {
    const ofType = this.project.datasources.filter((ds) => ds.type === type);
    return ofType.find((ds) => ds.isDefault) ?? ofType[0];
  }

  /** The project's default datasource (Grafana's default for a panel that names none). */
  projectDefaultType(): DatasourceType | undefined {
    return (this.project.datasources.find((ds) => ds.isDefault) ?? this.project.datasources[0])?.type;
  }

  /** A Grafana datasource ref pointing at the project, for raw JSON kept as it was. */
  projectRef(ref: unknown): unknown {
    const resolved = this.resolve(ref);
    if (resolved.kind !== "project") return ref;
    const datasource =
      resolved.uid === undefined
        ? this.defaultOf(resolved.type)
        : this.project.datasources.find((ds) => ds.uid === resolved.uid);
    if (!datasource) return ref;
    return { type: PLUGIN_ID[datasource.type], uid: datasource.uid };
  }

  note(message: string): void {
    if (this.noted.has(message)) return;
    this.noted.add(message);
    this.notes.push(message);
  }
}

const PLUGIN_ID: Record<DatasourceType, string> = {
  prometheus: "prometheus",
  loki: "loki",
  postgres: "grafana-postgresql-datasource",
};

/** For a query whose datasource says no type: SQL, PromQL or LogQL by what its text parses as. */
export function guessTypeFromQuery(target: JsonObject): DatasourceType | undefined {
  if (typeof target.rawSql === "string") return "postgres";
  const expr = asString(target.expr);
  if (expr === undefined) return undefined;
  if (!checkDashboardPromql(expr)) return "prometheus";
  if (!checkLogql(expr)) return "loki";
  return "prometheus";
}

/** Rewrites `datasource` refs of raw panel JSON (and its queries) to the project's datasources. */
export function rewriteDatasourceRefs(panel: JsonObject, resolver: DatasourceResolver): JsonObject {
  const out: JsonObject = { ...panel };
  if ("datasource" in out) out.datasource = resolver.projectRef(out.datasource);
  if (Array.isArray(out.targets)) {
    out.targets = out.targets.map((target) =>
      isPlainObject(target) && "datasource" in target
        ? { ...target, datasource: resolver.projectRef(target.datasource) }
        : target,
    );
  }
  if (Array.isArray(out.panels)) {
    out.panels = out.panels.map((child) =>
      isPlainObject(child) ? rewriteDatasourceRefs(child, resolver) : child,
    );
  }
  return out;
}
