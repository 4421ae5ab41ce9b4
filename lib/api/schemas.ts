import { z } from "zod";
import { SectionChangeSchema } from "../history/section-change";
import { FrameworkVersionSchema, LevelSchema } from "../model";

/**
 * The HTTP contract shared by the route handlers and the web UI's fetch functions. Project
 * content is validated with the model's own schemas (lib/model) inside the handlers, so every
 * problem comes back with its model path.
 */

/** Every 4xx/5xx body. `issues` point into the request body (or the project) by path. */
export const ApiErrorSchema = z.object({
  error: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).default([]),
  /** On 409: the version now stored. */
  currentVersion: z.int().optional(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

export const ProjectIdSchema = z.string().regex(/^[a-z0-9]{8,40}$/, "not a project id");

/** POST /api/projects — one of four ways to start a project. */
export const CreateProjectBodySchema = z.union([
  z.object({
    template: LevelSchema,
    name: z.string().min(1).max(100),
    version: FrameworkVersionSchema.optional(),
  }),
  z.object({ deploymentYaml: z.string().min(1).max(1_000_000) }),
  z.object({ project: z.unknown() }),
  z.object({ empty: z.literal(true), name: z.string().min(1).max(100) }),
]);
export type CreateProjectBody = z.infer<typeof CreateProjectBodySchema>;

/** PUT /api/projects/{id}: the whole project, and the version it was edited from. */
export const UpdateProjectBodySchema = z.object({
  version: z.int().min(1),
  project: z.unknown(),
  message: z.string().max(500).optional(),
});
export type UpdateProjectBody = z.infer<typeof UpdateProjectBodySchema>;

export const RestoreRevisionBodySchema = z.object({ message: z.string().max(500).optional() }).default({});

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
