import type { RenderedTemplate } from "@/lib/alerting/templates/annotation-preview-schemas";
import { alertTemplateParseError } from "@/lib/alerting/templates/render";

/** A rule's label or annotation field: `labels.team`, `annotations.summary`. */
export type TemplateField = `${"labels" | "annotations"}.${string}`;

export interface TemplateRule {
  alert: string;
  expr: string;
  labels: Readonly<Record<string, string>>;
  annotations: Readonly<Record<string, string>>;
}

/**
 * Parse errors of every label and annotation, found in the browser without asking the server
 * (the same engine the model check and the server use), keyed by field.
 */
export function parseErrors(rule: TemplateRule): Partial<Record<TemplateField, string>> {
  const out: Partial<Record<TemplateField, string>> = {};
  for (const field of ["labels", "annotations"] as const) {
    for (const [key, text] of Object.entries(rule[field])) {
      const error = alertTemplateParseError(text, rule.alert || "rule");
      if (error) out[`${field}.${key}`] = error;
    }
  }
  return out;
}

/** Render errors of a preview answer, keyed by field (execution errors included). */
export function renderErrors(
  labels: readonly RenderedTemplate[],
  annotations: readonly RenderedTemplate[],
): Partial<Record<TemplateField, string>> {
  const out: Partial<Record<TemplateField, string>> = {};
  for (const item of labels) if (item.error) out[`labels.${item.key}`] = item.error;
  for (const item of annotations) if (item.error) out[`annotations.${item.key}`] = item.error;
  return out;
}
