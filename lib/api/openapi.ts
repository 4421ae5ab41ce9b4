import { z } from "zod";
import { ProjectShapeSchema } from "../model";
import {
  ApiErrorSchema,
  CreateProjectBodySchema,
  HealthSchema,
  ProjectRecordSchema,
  ProjectSummarySchema,
  RestoreRevisionBodySchema,
  RevisionSummarySchema,
  TemplateSummarySchema,
  UpdateProjectBodySchema,
} from "./schemas";

/** JSON Schema of a zod schema, as OpenAPI 3.1 takes it (draft 2020-12). */
function schema(type: z.ZodType, io: "input" | "output" = "output"): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(type, { io, unrepresentable: "any" }) as Record<
    string,
    unknown
  >;
  return rest;
}

const ref = (name: string): { $ref: string } => ({ $ref: `#/components/schemas/${name}` });

function jsonContent(body: Record<string, unknown>): Record<string, unknown> {
  return { content: { "application/json": { schema: body } } };
}

const errors = {
  "400": { description: "Malformed JSON or wrong types", ...jsonContent(ref("ApiError")) },
  "404": { description: "No such project or revision", ...jsonContent(ref("ApiError")) },
  "413": { description: "Body over 5 MiB", ...jsonContent(ref("ApiError")) },
  "422": { description: "The project is invalid; issues carry model paths", ...jsonContent(ref("ApiError")) },
};

const idParam = { name: "id", in: "path", required: true, schema: { type: "string" } };
const versionParam = { name: "version", in: "path", required: true, schema: { type: "integer", minimum: 1 } };

/** The OpenAPI document of the HTTP API, built from the same zod schemas the handlers parse with. */
export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: "3.1.0",
    info: { title: "Obsforge API", version: "1", description: "Projects, revisions, templates and bundles." },
    paths: {
      "/api/projects": {
        get: {
          summary: "List projects",
          responses: {
            "200": {
              description: "Projects",
              ...jsonContent({ type: "array", items: ref("ProjectSummary") }),
            },
          },
        },
        post: {
          summary: "Create a project from a template, a deployment.yaml, a project file, or empty",
          requestBody: { required: true, ...jsonContent(ref("CreateProjectBody")) },
          responses: { "201": { description: "Created", ...jsonContent(ref("ProjectRecord")) }, ...errors },
        },
      },
      "/api/projects/{id}": {
        parameters: [idParam],
        get: {
          summary: "Get a project",
          responses: {
            "200": { description: "The project", ...jsonContent(ref("ProjectRecord")) },
            ...errors,
          },
        },
        put: {
          summary: "Save a project; `version` is the version it was edited from",
          requestBody: { required: true, ...jsonContent(ref("UpdateProjectBody")) },
          responses: {
            "200": { description: "Saved as a new version", ...jsonContent(ref("ProjectRecord")) },
            "409": {
              description: "Stale version; `currentVersion` says which is stored",
              ...jsonContent(ref("ApiError")),
            },
            ...errors,
          },
        },
        delete: {
          summary: "Delete a project and its history",
          responses: { "204": { description: "Deleted" }, ...errors },
        },
      },
      "/api/projects/{id}/revisions": {
        parameters: [idParam],
        get: {
          summary: "List revisions, newest first",
          responses: {
            "200": {
              description: "Revisions",
              ...jsonContent({ type: "array", items: ref("RevisionSummary") }),
            },
            ...errors,
          },
        },
      },
      "/api/projects/{id}/revisions/{version}": {
        parameters: [idParam, versionParam],
        get: {
          summary: "Get one revision, read-only",
          responses: { "200": { description: "The revision with its project" }, ...errors },
        },
      },
      "/api/projects/{id}/revisions/{version}/restore": {
        parameters: [idParam, versionParam],
        post: {
          summary: "Restore a revision as a new version",
          requestBody: { required: false, ...jsonContent(ref("RestoreRevisionBody")) },
          responses: { "200": { description: "Restored", ...jsonContent(ref("ProjectRecord")) }, ...errors },
        },
      },
      "/api/projects/{id}/bundle": {
        parameters: [idParam],
        get: {
          summary: "Download the observability bundle",
          responses: { "200": { description: "Zip file", content: { "application/zip": {} } }, ...errors },
        },
      },
      "/api/projects/{id}/export": {
        parameters: [idParam],
        get: {
          summary: "Download the project as JSON",
          responses: { "200": { description: "Project file", ...jsonContent(ref("Project")) }, ...errors },
        },
      },
      "/api/projects/{id}/validation": {
        parameters: [idParam],
        get: {
          summary: "Every problem the model reports, with its path",
          responses: { "200": { description: "Issues" }, ...errors },
        },
      },
      "/api/projects/{id}/templates/{name}": {
        parameters: [idParam, { name: "name", in: "path", required: true, schema: { type: "string" } }],
        post: {
          summary: "Apply a catalog level, dashboard or rule",
          requestBody: {
            required: true,
            ...jsonContent({
              type: "object",
              properties: { version: { type: "integer" } },
              required: ["version"],
            }),
          },
          responses: {
            "200": { description: "Applied as a new version", ...jsonContent(ref("ProjectRecord")) },
            "409": { description: "Stale version" },
            ...errors,
          },
        },
      },
      "/api/projects/{id}/preview/{endpoint}": {
        parameters: [
          idParam,
          {
            name: "endpoint",
            in: "path",
            required: true,
            schema: {
              type: "string",
              enum: ["query", "query_range", "series", "labels", "label/{name}/values", "metadata", "alerts"],
            },
          },
        ],
        get: {
          summary:
            "Live preview: a read-only Prometheus endpoint, through the server, against the project's configured Prometheus",
          description:
            "Query parameters as Prometheus takes them, plus `datasource`, `width` (panel pixels; chooses the step), `range` and `var-<name>` for Grafana variables. The answer carries the request and the resolved query for the query inspector.",
          responses: { "200": { description: "Prometheus's data, downsampled where needed" }, ...errors },
        },
      },
      "/api/projects/{id}/preview/lint": {
        parameters: [idParam],
        post: {
          summary:
            "Metric names the connected Prometheus does not know, each with the nearest existing names",
          requestBody: {
            required: true,
            ...jsonContent({
              type: "object",
              properties: { expressions: { type: "array", items: { type: "string" } } },
              required: ["expressions"],
            }),
          },
          responses: { "200": { description: "Unknown metrics per expression" }, ...errors },
        },
      },
      "/api/templates": {
        get: {
          summary: "Catalog entries",
          responses: {
            "200": {
              description: "Templates",
              ...jsonContent({ type: "array", items: ref("TemplateSummary") }),
            },
          },
        },
      },
      "/api/health": {
        get: {
          summary: "Database reachable, migrations applied",
          responses: {
            "200": { description: "Healthy", ...jsonContent(ref("Health")) },
            "503": { description: "Unhealthy" },
          },
        },
      },
    },
    components: {
      schemas: {
        ApiError: schema(ApiErrorSchema),
        CreateProjectBody: schema(CreateProjectBodySchema, "input"),
        UpdateProjectBody: schema(UpdateProjectBodySchema, "input"),
        RestoreRevisionBody: schema(RestoreRevisionBodySchema, "input"),
        ProjectSummary: schema(ProjectSummarySchema),
        ProjectRecord: schema(ProjectRecordSchema),
        RevisionSummary: schema(RevisionSummarySchema),
        TemplateSummary: schema(TemplateSummarySchema),
        Health: schema(HealthSchema),
        Project: schema(ProjectShapeSchema, "input"),
      },
    },
  };
}
