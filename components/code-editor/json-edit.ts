import type { z } from "zod";
import { type ModelIssue, zodIssuesToModelIssues } from "@/lib/model/issues";

/**
 * JSON text typed into an editor, read back as a model value: the value, or every problem with
 * its path, ready to be shown as markers.
 */

export type JsonEdit<T> =
  | {
      ok: true;
      value: T;
      /**
       * Set when the text was another dialect (Grafana's JSON) converted into the model's: what
       * the conversion did. The editor then shows the model's JSON instead of the text.
       */
      converted?: string[];
    }
  | { ok: false; issues: ModelIssue[] };

/** Where a JSON.parse error is, as `(root)` with the parser's own words. */
function syntaxIssue(error: unknown): ModelIssue {
  const message = error instanceof Error ? error.message : String(error);
  return { path: "(root)", message: `not valid JSON: ${message}`, severity: "error" };
}

/** The text as JSON, or its syntax error as an issue at `(root)`. */
export function parseJsonText(text: string): JsonEdit<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, issues: [syntaxIssue(error)] };
  }
}

/** The text as JSON checked by a schema: the parsed value, or every problem with its path. */
export function parseJsonWith<S extends z.ZodType>(schema: S, text: string): JsonEdit<z.infer<S>> {
  const json = parseJsonText(text);
  if (!json.ok) return json;
  const parsed = schema.safeParse(json.value);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, issues: zodIssuesToModelIssues(parsed.error) };
}

/** JSON as the editors show it. */
export function toEditorJson(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
