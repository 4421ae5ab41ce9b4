/**
 * A Prometheus query variable's query as Grafana's Prometheus datasource reads it: the
 * `label_values(...)` family. Pure: used by the model's checks and by the designer's drop-downs.
 */

export type VariableQuery =
  | { kind: "label_values"; label: string; match?: string }
  | { kind: "label_names"; match?: string }
  | { kind: "metrics"; pattern: string }
  | { kind: "query_result"; expr: string }
  | { kind: "unsupported"; reason: string };

/** Splits `a{x="1,2"}, b` at top-level commas (not inside braces, parentheses or quotes). */
export function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quote) {
      if (char === "\\") i++;
      else if (char === quote) quote = undefined;
      continue;
    }
    if (char === '"' || char === "'" || char === "`") quote = char;
    else if (char === "(" || char === "{" || char === "[") depth++;
    else if (char === ")" || char === "}" || char === "]") depth--;
    else if (char === "," && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts.filter((part) => part !== "");
}

/** Reads a Prometheus query variable's query as Grafana's Prometheus datasource does. */
export function parseVariableQuery(query: string): VariableQuery {
  const text = query.trim();
  const call = /^(\w+)\s*\(([\s\S]*)\)$/.exec(text);
  if (!call)
    return {
      kind: "unsupported",
      reason: `"${text}" is not label_values(...), label_names(), metrics(...) or query_result(...)`,
    };
  const [, name = "", inner = ""] = call;
  const args = splitTopLevel(inner);
  switch (name) {
    case "label_values": {
      if (args.length === 1) return { kind: "label_values", label: args[0] ?? "" };
      if (args.length === 2) return { kind: "label_values", match: args[0], label: args[1] ?? "" };
      return { kind: "unsupported", reason: "label_values takes (label) or (metric, label)" };
    }
    case "label_names":
      return args.length === 0 ? { kind: "label_names" } : { kind: "label_names", match: args[0] };
    case "metrics":
      return { kind: "metrics", pattern: args[0] ?? ".*" };
    case "query_result":
      return { kind: "query_result", expr: inner.trim() };
    default:
      return { kind: "unsupported", reason: `${name}(...) is not a Prometheus variable query` };
  }
}
