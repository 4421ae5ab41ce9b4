import { parser } from "@grafana/lezer-logql";
import { firstSyntaxError, neutralizeGrafanaVariables, type ParseProblem } from "../promql/parse";

/** The first parse error of a LogQL query (Grafana variables allowed), or undefined when it parses. */
export function checkLogql(expr: string): ParseProblem | undefined {
  if (expr.trim() === "") return { position: 0, message: "empty query" };
  const text = neutralizeGrafanaVariables(expr);
  return firstSyntaxError(parser.parse(text), text);
}
