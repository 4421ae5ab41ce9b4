import { z } from "zod";
import { ProjectObjectSchema } from "../model/project";
import { ApiIssueSchema } from "./schemas";

/**
 * The HTTP contract of POST /api/projects/{id}/alerting/import: an alertmanager.yml's text in,
 * the alerting section it becomes and a report out, nothing saved. Shared by the route handler and
 * the browser's import dialog.
 */

/** Longest alertmanager.yml read: the largest public ones are a few hundred KB. */
export const MAX_ALERTMANAGER_YAML = 2 * 1024 * 1024;

export const ImportAlertingBodySchema = z.object({
  yaml: z
    .string()
    .min(1, "paste an alertmanager.yml or choose a file")
    .max(MAX_ALERTMANAGER_YAML, `an alertmanager.yml is at most ${MAX_ALERTMANAGER_YAML} characters`),
});
export type ImportAlertingBody = z.infer<typeof ImportAlertingBodySchema>;

/** One literal secret of the file: stored encrypted under `name` when the section is saved. */
export const ImportedSecretLineSchema = z.object({
  name: z.string(),
  /** Where it was (`receiver "ops" slack apiUrl`, `global smtp_auth_password`); never the value. */
  where: z.string(),
  /** The project already stores a value under this name: the save replaces it. */
  replacesStored: z.boolean(),
});

export const ImportedReceiverLineSchema = z.object({
  name: z.string(),
  /** The integrations the editor edits (`slack`, `webhook` …). */
  integrations: z.array(z.string()),
  /** Configs kept verbatim and exported as they are (`opsgenie_configs[0]`). */
  verbatim: z.array(z.string()),
});

/** How many of each the alerting configuration holds. */
const CountsSchema = z.object({
  receivers: z.int(),
  routes: z.int(),
  inhibitRules: z.int(),
  timeIntervals: z.int(),
});

export const AlertingImportReportSchema = z.object({
  /** One line: what the file becomes. */
  summary: z.string(),
  imported: CountsSchema,
  /** What the project's alerting configuration holds now (all of it is replaced). */
  replaces: CountsSchema,
  receivers: z.array(ImportedReceiverLineSchema),
  timeIntervals: z.array(z.string()),
  /** Template file paths, kept (the files themselves are not imported). */
  templates: z.array(z.string()),
  /** Keys of `global:`, kept verbatim. */
  global: z.array(z.string()),
  secrets: z.array(ImportedSecretLineSchema),
  notes: z.array(z.string()),
  /** Warnings of the model's checks on the imported configuration, by model path. */
  warnings: z.array(ApiIssueSchema),
});
export type AlertingImportReport = z.infer<typeof AlertingImportReportSchema>;

export const AlertingImportSchema = z.object({
  /**
   * The alerting section the file becomes, to put in the editor and save as usual: its literal
   * secrets are sealed (only this server opens them, on the save that stores them encrypted).
   */
  content: ProjectObjectSchema.pick({ receivers: true, route: true, inhibitRules: true, alertmanager: true }),
  report: AlertingImportReportSchema,
});
export type AlertingImport = z.infer<typeof AlertingImportSchema>;
