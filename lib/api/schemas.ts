import { z } from "zod";
import { SectionChangeSchema } from "../history/section-change";
import type { DashboardImportReport } from "../import/grafana-dashboard";
// The model's own modules, not its index: the index brings every check of the project (rule
// templates, Alertmanager configuration, YAML) into each page that talks to the API.
import { LevelSchema } from "../model/common";
import { DashboardSchema, DashboardUidSchema } from "../model/dashboard";
import { FrameworkVersionSchema } from "../model/project";
import { RuleGroupSchema } from "../model/rule";
import { sectionSchema } from "../model/sections";
import { PreviewErrorDetailSchema } from "./preview-schemas";

/**
 * The HTTP contract shared by the route handlers and the web UI's fetch functions. Project
 * content is validated with the model's own schemas (lib/model) inside the handlers, so every
 * problem comes back with its model path.
 */

/** One problem: the model's issue shape (lib/model/issues.ts), so an editor can mark where it is. */
export const ApiIssueSchema = z.object({
  path: z.string(),
  message: z.string(),
  severity: z.enum(["error", "warning"]).default("error"),
});

/**
 * Every 4xx/5xx body. `issues` point into the request body by path: into the project for a
 * project save, into the section for a section save (issues elsewhere in the project that the
 * save caused keep their project path, with `section: false`).
 */
export const ApiErrorSchema = z.object({
  error: z.string(),
  issues: z.array(ApiIssueSchema.extend({ section: z.boolean().optional() })).default([]),
  /** On 409: the version now stored. */
  currentVersion: z.int().optional(),
  /** On 409 of a section save: the section as stored now (null when it was removed). */
  current: z.unknown().optional(),
  /** On 409: who saved the version the save ran into (a section's last change), and when. */
  savedBy: z.object({ version: z.int(), author: z.string().nullable(), at: z.string() }).optional(),
  /** On a failed preview call: its kind and the Prometheus it tried. */
  preview: PreviewErrorDetailSchema.optional(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

export const ProjectIdSchema = z.string().regex(/^[a-z0-9]{8,40}$/, "not a project id");

/** The team a new project goes to; without it, the actor's first team where they may write. */
const newProjectTeam = { teamId: z.string().min(1).max(100).optional() };

/** POST /api/projects — one of four ways to start a project, optionally in a chosen team. */
export const CreateProjectBodySchema = z.union([
  z.object({
    template: LevelSchema,
    name: z.string().min(1).max(100),
    version: FrameworkVersionSchema.optional(),
    ...newProjectTeam,
  }),
  z.object({ deploymentYaml: z.string().min(1).max(1_000_000), ...newProjectTeam }),
  z.object({ project: z.unknown(), ...newProjectTeam }),
  z.object({ empty: z.literal(true), name: z.string().min(1).max(100), ...newProjectTeam }),
]);
export type CreateProjectBody = z.infer<typeof CreateProjectBodySchema>;

/** PUT /api/projects/{id}: the whole project (import, restore), and the version it was edited from. */
export const UpdateProjectBodySchema = z.object({
  version: z.int().min(1),
  project: z.unknown(),
  message: z.string().max(500).optional(),
});
export type UpdateProjectBody = z.infer<typeof UpdateProjectBodySchema>;

export const RestoreRevisionBodySchema = z.object({ message: z.string().max(500).optional() }).default({});

/**
 * POST /api/projects/{id}/templates/{name}, body optional. The version the request was made from
 * is accepted for compatibility; adding from the catalog never overwrites, so it lands on the
 * latest version whatever it says.
 */
export const ApplyTemplateBodySchema = z.object({ version: z.int().min(1).optional() }).default({});

/** GET /api/projects/{id}/validation: every problem the model reports for the stored project. */
export const ValidationResultSchema = z.object({ ok: z.boolean(), issues: z.array(ApiIssueSchema) });

export const ProjectSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  version: z.int(),
  level: LevelSchema.nullable(),
  dashboards: z.int(),
  alertRules: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The name of the team the project belongs to (null only before the first team exists). */
  teamName: z.string().nullable().optional(),
});
export type ProjectSummary = z.infer<typeof ProjectSummarySchema>;

/** A project as stored: its content is the model (lib/model Project). */
export const ProjectRecordSchema = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  version: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  project: z.unknown(),
});
export type ProjectRecord<P = unknown> = Omit<z.infer<typeof ProjectRecordSchema>, "project"> & {
  project: P;
};

export const RevisionSummarySchema = z.object({
  version: z.int(),
  createdAt: z.string(),
  author: z.string().nullable(),
  message: z.string().nullable(),
  /** What the revision changed, section by section (empty for revisions saved before sections). */
  changes: z.array(SectionChangeSchema).default([]),
});
export type RevisionSummary = z.infer<typeof RevisionSummarySchema>;

/** GET /api/projects/{id}/revisions/{version}: a revision with the project as it left it. */
export const RevisionSchema = RevisionSummarySchema.extend({ project: z.unknown() });

export const TemplateSummarySchema = z.object({
  kind: z.enum(["level", "dashboard", "rule"]),
  name: z.string(),
  title: z.string(),
  description: z.string(),
  level: LevelSchema,
});
export type TemplateSummary = z.infer<typeof TemplateSummarySchema>;

export const HealthSchema = z.object({
  status: z.enum(["ok", "error"]),
  database: z.object({
    driver: z.enum(["pglite", "postgres"]),
    reachable: z.boolean(),
    migrations: z.array(z.string()),
  }),
});
export type Health = z.infer<typeof HealthSchema>;

/** Largest request body accepted, in bytes: an enterprise project is ~1 MB of JSON. */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** GET of a section: its content and the version to send back when saving it. */
export function sectionRecordSchema<C extends z.ZodType>(content: C) {
  return z.object({
    /** The project's version now: send it as `version` with the next save of this section. */
    version: z.int(),
    /** The version that last changed this section. */
    sectionVersion: z.int(),
    content,
  });
}
export const SectionRecordSchema = sectionRecordSchema(z.unknown());
export type SectionRecord<C = unknown> = Omit<z.infer<typeof SectionRecordSchema>, "content"> & {
  content: C;
};

/** PUT of a section: its content, the version it was edited from, and an optional message. */
export const SaveSectionBodySchema = z.object({
  version: z.int().min(1),
  content: z.unknown(),
  /** A message makes the save a revision of its own instead of coalescing with the author's autosaves. */
  message: z.string().max(500).optional(),
});
export type SaveSectionBody = z.infer<typeof SaveSectionBodySchema>;

/** The answer to a section save: the section as stored, and whether anything was written. */
export const SectionSaveResultSchema = SectionRecordSchema.extend({ changed: z.boolean() });
export type SectionSaveResult<C = unknown> = SectionRecord<C> & { changed: boolean };

/** DELETE of a section: `?version=` is the version it was edited from. */
export const DeleteSectionQuerySchema = z.object({ version: z.coerce.number().int().min(1) });

/** The answer to a DELETE of a section: the project's version after it. */
export const DeletedSectionSchema = z.object({ version: z.int() });

/**
 * POST /api/projects/{id}/dashboards: a blank dashboard, one from the catalog, a Grafana dashboard
 * export (`grafana`, with `uid` to store it under another uid), or a model dashboard. A
 * `dashboard` that is a Grafana export (it has a `schemaVersion`; model dashboards have none), or
 * that comes with Grafana's `meta` (the HTTP API's `{dashboard, meta}`), is imported as one too.
 */
export const CreateDashboardBodySchema = z.union([
  z.object({ title: z.string().min(1).max(200), uid: DashboardUidSchema.optional() }),
  z.object({ template: z.string().regex(/^[A-Za-z0-9_-]{1,80}$/, "a catalog dashboard id") }),
  z.object({
    grafana: z.unknown(),
    uid: DashboardUidSchema.optional().meta({
      description: "Store it under this uid instead of the export's (when the project has that one)",
    }),
  }),
  z.object({ dashboard: z.unknown(), meta: z.unknown().optional() }),
]);
export type CreateDashboardBody = z.infer<typeof CreateDashboardBodySchema>;

/** What importing a Grafana dashboard did (lib/import/grafana-dashboard.ts). */
export const DashboardImportReportSchema = z.object({
  title: z.string(),
  uid: z.string(),
  /** Panels as the file counts them (inside rows included, rows themselves not). */
  panels: z.object({ total: z.int(), editable: z.int(), keptRaw: z.int() }),
  /** "125 panels: 125 editable, 0 kept as raw JSON" */
  summary: z.string(),
  /** What the model cannot hold, by JSON path: kept as raw JSON (exported again as it was), or dropped where it says so. */
  unmapped: z.array(z.object({ path: z.string(), what: z.string() })),
  /** What the import converted or changed on the way. */
  warnings: z.array(z.string()),
}) satisfies z.ZodType<DashboardImportReport>;

/** The answer to POST /api/projects/{id}/dashboards: the dashboard as stored, with `report` for a Grafana import. */
export const CreatedDashboardSchema = SectionSaveResultSchema.extend({
  report: DashboardImportReportSchema.optional(),
});
export type CreatedDashboard = SectionSaveResult & { report?: DashboardImportReport };

/**
 * POST /api/projects/{id}/rule-groups: an empty group by name, a Prometheus rule file's text
 * (`groups:`, or PrometheusRule resources) whose groups all become new groups, or a model rule group.
 * `yaml` comes before `group`: an object with `group` unknown matches anything.
 */
export const CreateRuleGroupBodySchema = z.union([
  z.object({ name: z.string().min(1).max(200) }),
  z.object({ yaml: z.string().min(1) }),
  z.object({ group: z.unknown() }),
]);
export type CreateRuleGroupBody = z.infer<typeof CreateRuleGroupBodySchema>;

/** The answer to POST /api/projects/{id}/rule-groups with `yaml`: the groups added, and the import report. */
export const ImportedRuleGroupsSchema = z.object({
  version: z.int(),
  groups: z.array(RuleGroupSchema),
  /** The import report, a headline first, then indented details (as `obsforge import` prints it). */
  report: z.array(z.string()),
});
export type ImportedRuleGroups = z.infer<typeof ImportedRuleGroupsSchema>;

/** Section responses with their content typed, for the OpenAPI document and the browser. */
export const DashboardSectionSchema = sectionRecordSchema(DashboardSchema);
export const RuleGroupSectionSchema = sectionRecordSchema(RuleGroupSchema);
export const AlertingSectionSchema = sectionRecordSchema(sectionSchema("alerting"));
export const SettingsSectionSchema = sectionRecordSchema(sectionSchema("settings"));
