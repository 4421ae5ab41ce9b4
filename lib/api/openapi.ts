import { z } from "zod";
import { BacktestBodySchema, BacktestEventSchema } from "../alerting/backtest/api-schemas";
import { LiveRulesResponseSchema } from "../alerting/live/rules";
import {
  AcknowledgeBodySchema,
  AcknowledgedSchema,
  AlertFilterSchema,
  LiveAlertSchema,
  LiveAlertsResponseSchema,
  LiveGroupsResponseSchema,
  LiveSilencesResponseSchema,
  UnacknowledgedSchema,
} from "../alerting/live/schemas";
import {
  DeliveryListSchema,
  PreviewBodySchema,
  PreviewResponseSchema,
  ReceiverNameSchema,
  TestSendBodySchema,
  TestSendResponseSchema,
} from "../alerting/notify/api-schemas";
import {
  RuleTestsRunSchema,
  RunRuleTestsBodySchema,
  TestCaseBodySchema,
} from "../alerting/rule-tests/api-schemas";
import {
  AnnotationPreviewBodySchema,
  AnnotationPreviewResponseSchema,
} from "../alerting/templates/annotation-preview-schemas";
import { DashboardUidSchema, ProjectShapeSchema, RouteSchema } from "../model";
import { PREVIEW_ENDPOINTS, type PreviewEndpoint } from "../preview/allowlist";
import { AlertingImportSchema, ImportAlertingBodySchema } from "./alerting-import-schemas";
import {
  ApiTokenIdSchema,
  ApiTokenListSchema,
  ApiTokenSchema,
  CreateApiTokenBodySchema,
  CreatedApiTokenSchema,
} from "./api-tokens-schemas";
import {
  AlertsPreviewResponseSchema,
  AlertsPreviewSchema,
  LabelsPreviewResponseSchema,
  LabelsPreviewSchema,
  LintPreviewBodySchema,
  LintResponseSchema,
  MetadataPreviewResponseSchema,
  MetadataPreviewSchema,
  QueryPreviewResponseSchema,
  QueryPreviewSchema,
  QueryRangePreviewSchema,
  RulesPreviewResponseSchema,
  RulesPreviewSchema,
  SeriesPreviewResponseSchema,
  SeriesPreviewSchema,
  TestConnectionBodySchema,
  TestConnectionResponseSchema,
} from "./preview-schemas";
import {
  AlertingSectionSchema,
  ApiErrorSchema,
  ApplyTemplateBodySchema,
  CreateDashboardBodySchema,
  CreatedDashboardSchema,
  CreateProjectBodySchema,
  CreateRuleGroupBodySchema,
  DashboardImportReportSchema,
  DashboardSectionSchema,
  DeletedSectionSchema,
  DeleteSectionQuerySchema,
  HealthSchema,
  ImportedRuleGroupsSchema,
  ProjectRecordSchema,
  ProjectSummarySchema,
  RestoreRevisionBodySchema,
  RevisionSchema,
  RevisionSummarySchema,
  RuleGroupSectionSchema,
  SaveSectionBodySchema,
  SectionSaveResultSchema,
  SettingsSectionSchema,
  TemplateSummarySchema,
  UpdateProjectBodySchema,
  ValidationResultSchema,
} from "./schemas";
import {
  PutSecretBodySchema,
  SecretListSchema,
  SecretNameSchema,
  SecretStatusSchema,
} from "./secrets-schemas";
import {
  CreatedShareLinkSchema,
  CreateShareLinkBodySchema,
  ShareLinkIdSchema,
  ShareLinkListSchema,
  ShareLinkSchema,
} from "./share-links-schemas";

/**
 * The OpenAPI 3.1 document of the HTTP API, built from the zod schemas the route handlers parse
 * with (lib/api/schemas.ts, lib/api/preview-schemas.ts) and the model's own schemas (lib/model).
 * Where the contract leaves content as `unknown` because the handler validates it with the model
 * (to report every problem with its model path), the document puts the model's schema in its place.
 * lib/api/openapi.test.ts checks that every route file under app/api is documented, method by method.
 */

type Json = Record<string, unknown>;

const COMPONENTS = "#/components/schemas/";

const ref = (name: string): { $ref: string } => ({ $ref: `${COMPONENTS}${name}` });

function jsonContent(body: Json): Json {
  return { content: { "application/json": { schema: body } } };
}

/** JSON Schema of a zod schema, as OpenAPI 3.1 takes it (draft 2020-12), for inline use. */
function schema(type: z.ZodType, io: "input" | "output" = "input"): Json {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(type, { io, unrepresentable: "any" }) as Json;
  return rest;
}

/**
 * Components from named zod schemas. A named schema met inside another becomes a `$ref` to its
 * component (so a dashboard is described once, and the recursive route tree refers to itself).
 */
function components(named: Record<string, z.ZodType>, io: "input" | "output"): Record<string, Json> {
  const registry = z.registry<{ id: string }>();
  for (const [id, type] of Object.entries(named)) {
    if (registry.has(type)) throw new Error(`one zod schema under two component names, ${id} and another`);
    registry.add(type, { id });
  }
  const { schemas } = z.toJSONSchema(registry, {
    io,
    unrepresentable: "any",
    uri: (id) => `${COMPONENTS}${id}`,
  }) as { schemas: Record<string, Json> };
  return Object.fromEntries(
    Object.entries(schemas).map(([id, { $schema: _schema, $id: _id, ...rest }]) => [id, rest]),
  );
}

/** A union of body shapes with the `unknown` field, where an option has it, typed by the model. */
function typedField(union: { options: readonly z.ZodObject[] }, field: string, type: z.ZodType): z.ZodType {
  const options = union.options.map((option) =>
    field in option.shape ? option.extend({ [field]: type }) : option,
  );
  return z.union(options as [z.ZodObject, ...z.ZodObject[]]);
}

/**
 * A Grafana dashboard export as the document shows it: the importer checks it, naming each
 * problem by its path (lib/dashboard/grafana-import), so only the keys it reads first are listed.
 */
const GrafanaDashboardSchema = z
  .looseObject({
    uid: z.string().nullish(),
    title: z.string().optional(),
    schemaVersion: z.number().optional(),
    panels: z.array(z.looseObject({})).optional(),
    rows: z.array(z.looseObject({})).optional(),
    templating: z.looseObject({}).optional(),
  })
  .meta({
    description:
      "A Grafana dashboard JSON model (Share → Export → Save to file), or the `{dashboard, meta}` answer of Grafana's HTTP API",
  });

/** POST of a dashboard: `grafana` a Grafana export, `dashboard` a model dashboard or a Grafana export. */
function createDashboardBody(): z.ZodType {
  const model = DashboardSectionSchema.shape.content;
  const options = (CreateDashboardBodySchema.options as readonly z.ZodObject[]).map((option): z.ZodObject => {
    if ("grafana" in option.shape) return option.extend({ grafana: GrafanaDashboardSchema });
    if ("dashboard" in option.shape) {
      return option.extend({
        dashboard: z.union([model, GrafanaDashboardSchema]),
        meta: z
          .looseObject({})
          .optional()
          .meta({ description: "Grafana's `meta`: with it, `dashboard` is read as a Grafana export" }),
      });
    }
    return option;
  });
  return z.union(options as [z.ZodObject, ...z.ZodObject[]]);
}

/** The four kinds of section, each with its content's schema (the record's `content`). */
const SECTIONS = {
  Dashboard: DashboardSectionSchema,
  RuleGroup: RuleGroupSectionSchema,
  Alerting: AlertingSectionSchema,
  Settings: SettingsSectionSchema,
} as const;
type SectionName = keyof typeof SECTIONS;

/** What the API answers. */
function outputSchemas(): Record<string, z.ZodType> {
  const named: Record<string, z.ZodType> = {
    ApiError: ApiErrorSchema,
    Project: ProjectShapeSchema,
    Route: RouteSchema,
    ProjectRecord: ProjectRecordSchema.extend({ project: ProjectShapeSchema }),
    ProjectSummary: ProjectSummarySchema,
    RevisionSummary: RevisionSummarySchema,
    Revision: RevisionSchema.extend({ project: ProjectShapeSchema }),
    Validation: ValidationResultSchema,
    TemplateSummary: TemplateSummarySchema,
    Health: HealthSchema,
    DeletedSection: DeletedSectionSchema,
    QueryPreviewResponse: QueryPreviewResponseSchema,
    SeriesPreviewResponse: SeriesPreviewResponseSchema,
    LabelsPreviewResponse: LabelsPreviewResponseSchema,
    MetadataPreviewResponse: MetadataPreviewResponseSchema,
    AlertsPreviewResponse: AlertsPreviewResponseSchema,
    RulesPreviewResponse: RulesPreviewResponseSchema,
    LintResponse: LintResponseSchema,
    AnnotationPreviewResponse: AnnotationPreviewResponseSchema,
    DashboardImportReport: DashboardImportReportSchema,
    RuleGroupsImported: ImportedRuleGroupsSchema,
    TestConnectionResponse: TestConnectionResponseSchema,
    SecretList: SecretListSchema,
    SecretStatus: SecretStatusSchema,
    NotificationPreview: PreviewResponseSchema,
    TestSendResult: TestSendResponseSchema,
    DeliveryList: DeliveryListSchema,
    AlertingImport: AlertingImportSchema,
    ShareLink: ShareLinkSchema,
    ShareLinkList: ShareLinkListSchema,
    CreatedShareLink: CreatedShareLinkSchema,
    ApiToken: ApiTokenSchema,
    ApiTokenList: ApiTokenListSchema,
    CreatedApiToken: CreatedApiTokenSchema,
  };
  for (const [name, record] of Object.entries(SECTIONS)) {
    const content = record.shape.content;
    const removable = name === "Dashboard" || name === "RuleGroup";
    named[name] = content;
    named[`${name}Section`] = record;
    named[`${name}SaveResult`] = SectionSaveResultSchema.extend({ content });
    if (name === "Dashboard") named.DashboardCreated = CreatedDashboardSchema.extend({ content });
    named[`${name}Conflict`] = ApiErrorSchema.extend({
      currentVersion: z.int(),
      current: removable ? content.nullable() : content,
    });
  }
  return named;
}

/** What the API takes. */
function inputSchemas(): Record<string, z.ZodType> {
  const named: Record<string, z.ZodType> = {
    ProjectInput: ProjectShapeSchema,
    RouteInput: RouteSchema,
    CreateProjectBody: typedField(CreateProjectBodySchema, "project", ProjectShapeSchema),
    UpdateProjectBody: UpdateProjectBodySchema.extend({ project: ProjectShapeSchema }),
    RestoreRevisionBody: RestoreRevisionBodySchema,
    ApplyTemplateBody: ApplyTemplateBodySchema,
    GrafanaDashboard: GrafanaDashboardSchema,
    CreateDashboardBody: createDashboardBody(),
    CreateRuleGroupBody: typedField(CreateRuleGroupBodySchema, "group", RuleGroupSectionSchema.shape.content),
    LintPreviewBody: LintPreviewBodySchema,
    NotificationPreviewBody: PreviewBodySchema,
    TestSendBody: TestSendBodySchema,
    AnnotationPreviewBody: AnnotationPreviewBodySchema,
    TestConnectionBody: TestConnectionBodySchema,
    PutSecretBody: PutSecretBodySchema,
    ImportAlertingBody: ImportAlertingBodySchema,
    CreateShareLinkBody: CreateShareLinkBodySchema,
    CreateApiTokenBody: CreateApiTokenBodySchema,
  };
  for (const [name, record] of Object.entries(SECTIONS)) {
    named[`${name}Input`] = record.shape.content;
    named[`Save${name}Body`] = SaveSectionBodySchema.extend({ content: record.shape.content });
  }
  return named;
}

function allComponents(): Record<string, Json> {
  const output = components(outputSchemas(), "output");
  const input = components(inputSchemas(), "input");
  for (const name of Object.keys(input)) {
    if (name in output) throw new Error(`component ${name} is both an input and an output schema`);
  }
  return { ...output, ...input };
}

// ---- Parameters and responses -------------------------------------------------------------------

const pathParam = (name: string, type: Json, description?: string): Json => ({
  name,
  in: "path",
  required: true,
  schema: type,
  ...(description ? { description } : {}),
});

const idParam = pathParam("id", { type: "string", pattern: "^[a-z0-9]{8,40}$" });
const versionParam = pathParam("version", { type: "integer", minimum: 1 });
const secretNameParam = pathParam(
  "name",
  schema(SecretNameSchema),
  "The secret's name: the environment variable the bundle reads it from",
);
const receiverParam = pathParam("name", schema(ReceiverNameSchema), "The receiver's name");
const uidParam = pathParam("uid", schema(DashboardUidSchema), "The dashboard's uid");
const ruleGroupParam = pathParam(
  "name",
  { type: "string", minLength: 1, maxLength: 200 },
  "The rule group's name, URL-encoded",
);

/** Query parameters from an object schema, one per property. */
function queryParams(type: z.ZodObject): Json[] {
  const json = schema(type) as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: "query",
    required: json.required?.includes(name) ?? false,
    schema: property,
  }));
}

const error = (description: string, component = "ApiError"): Json => ({
  description,
  ...jsonContent(ref(component)),
});

const badRequest = error("Malformed JSON, or a body or parameter of the wrong shape; `issues` say where");
const tooLarge = error("Body over 5 MiB");
const invalidProject = error("The project would be invalid; `issues` carry model paths");
const noProject = error("No such project");

/** The responses every save of a section may get, besides its 200 or 201. */
function sectionWriteErrors(name: SectionName, what: string): Json {
  return {
    "400": badRequest,
    "404": error(`No such project or ${what}`),
    "409": error(
      `The ${what} changed after \`version\`: nothing was written. \`currentVersion\` is the project's version now and \`current\` the ${what} as stored now, for the review that merges the two`,
      `${name}Conflict`,
    ),
    "413": tooLarge,
    "422": error(
      `The project would be invalid with this ${what}. Issues with \`section: true\` have paths inside the ${what}; issues elsewhere in the project that the save caused keep their project path (\`section: false\`)`,
    ),
  };
}

/** GET and PUT of one section; DELETE too for dashboards and rule groups. */
function sectionOperations(name: SectionName, what: string, removable: boolean): Json {
  const operations: Json = {
    get: {
      summary: `Get the ${what}, with the project's version to save it from`,
      responses: {
        "200": { description: `The ${what}`, ...jsonContent(ref(`${name}Section`)) },
        "404": error(`No such project or ${what}`),
      },
    },
    put: {
      summary: `Save the ${what}; \`version\` is the version it was edited from`,
      description: `Lands on the latest version unless the ${what} itself changed after \`version\` (409): saves of other sections since do not conflict. A save that changes nothing writes nothing (\`changed: false\`). Without \`message\`, one author's saves of one section coalesce into one revision.`,
      requestBody: { required: true, ...jsonContent(ref(`Save${name}Body`)) },
      responses: {
        "200": {
          description: `The ${what} as stored, with the project's version after the save`,
          ...jsonContent(ref(`${name}SaveResult`)),
        },
        ...sectionWriteErrors(name, what),
      },
    },
  };
  if (removable) {
    const { "413": _noBody, ...errors } = sectionWriteErrors(name, what);
    operations.delete = {
      summary: `Delete the ${what}; \`?version=\` is the version the deletion was decided from`,
      parameters: queryParams(DeleteSectionQuerySchema),
      responses: {
        "200": { description: "Deleted: the project's version now", ...jsonContent(ref("DeletedSection")) },
        ...errors,
        "400": error("`?version=` missing or not a version"),
      },
    };
  }
  return operations;
}

/** POST of a new dashboard or rule group. */
function createOperation(
  name: "Dashboard" | "RuleGroup",
  summary: string,
  exists: string,
  more: { description?: string; created?: string; badRequest?: string } = {},
): Json {
  return {
    post: {
      summary,
      ...(more.description ? { description: more.description } : {}),
      requestBody: { required: true, ...jsonContent(ref(`Create${name}Body`)) },
      responses: {
        "201": {
          description: more.created ?? "Added as a new version",
          headers: { location: { description: "The new section's URL", schema: { type: "string" } } },
          ...(name === "Dashboard"
            ? jsonContent(ref("DashboardCreated"))
            : // A rule file (`yaml`) answers every group it added, with the import report.
              jsonContent({ oneOf: [ref(`${name}SaveResult`), ref("RuleGroupsImported")] })),
        },
        "400": more.badRequest ? error(more.badRequest) : badRequest,
        "404": error(
          name === "Dashboard" ? "No such project, or no such catalog dashboard" : "No such project",
        ),
        "409": error(exists),
        "413": tooLarge,
        "422": error(
          "The project would be invalid with it; issues with `section: true` have paths inside the new section",
        ),
      },
    },
  };
}

// ---- Live preview -------------------------------------------------------------------------------

/** Each preview endpoint's parameters and answer, from lib/api/preview-schemas.ts. */
const PREVIEW_CONTRACT: Record<
  PreviewEndpoint["kind"],
  { params: z.ZodObject; response: string; summary: string }
> = {
  query: { params: QueryPreviewSchema, response: "QueryPreviewResponse", summary: "An instant query" },
  query_range: {
    params: QueryRangePreviewSchema,
    response: "QueryPreviewResponse",
    summary: "A range query; the step is chosen from the range and `width` unless given",
  },
  series: {
    params: SeriesPreviewSchema,
    response: "SeriesPreviewResponse",
    summary: "Series matching selectors",
  },
  labels: { params: LabelsPreviewSchema, response: "LabelsPreviewResponse", summary: "Label names" },
  label_values: {
    params: LabelsPreviewSchema,
    response: "LabelsPreviewResponse",
    summary: "Values of one label",
  },
  metadata: {
    params: MetadataPreviewSchema,
    response: "MetadataPreviewResponse",
    summary: "Metric metadata",
  },
  alerts: { params: AlertsPreviewSchema, response: "AlertsPreviewResponse", summary: "Active alerts" },
  rules: {
    params: RulesPreviewSchema,
    response: "RulesPreviewResponse",
    summary: "Loaded rule groups with each rule's state",
  },
};

const PREVIEW_DESCRIPTION =
  "Live preview: a read-only Prometheus endpoint, called by the server against the project's configured Prometheus (a datasource's `previewUrl`, else its `url`). Parameters as Prometheus takes them, plus `datasource` (a Prometheus datasource's uid; default: the first) and Grafana variables as `var-<name>` (repeat for several values, `$__all` for All, with `allValue-<name>` for a custom all value such as `.+`). Unknown parameters are refused, not forwarded. The answer carries the request made and the resolved query for the query inspector; series and points beyond what a panel can show are left out, and `downsampling` says so.";

/** Every preview error body carries `preview`: the error's kind and the Prometheus it tried. */
const previewErrors: Json = {
  "400": error("Parameters Prometheus would refuse, or unknown ones"),
  "403": error("The datasource's URL is not one the preview may call"),
  "404": error("No such project, or the project has no such Prometheus datasource"),
  "422": error("Prometheus refused the query (bad_data, execution); its message is the error"),
  "502": error("Prometheus unreachable, its answer malformed or over 5 MiB"),
  "504": error("Prometheus did not answer in time"),
};

const datasourceParam: Json = {
  name: "datasource",
  in: "query",
  required: false,
  schema: { type: "string" },
  description: "The uid of one of the project's Prometheus datasources; default: the first",
};

const LABEL_NAME_PARAM = pathParam(
  "name",
  { type: "string", pattern: "^[a-zA-Z_][a-zA-Z0-9_]*$" },
  "A label name",
);

/** `/api/v1/label/<name>/values` → `label/{name}/values`. */
function previewSegment(kind: PreviewEndpoint["kind"]): string {
  return PREVIEW_ENDPOINTS[kind].path.replace(/^\/api\/v1\//, "").replace(/<(\w+)>/g, "{$1}");
}

function previewPaths(): Record<string, Json> {
  const paths: Record<string, Json> = {};
  for (const kind of Object.keys(PREVIEW_CONTRACT) as PreviewEndpoint["kind"][]) {
    const contract = PREVIEW_CONTRACT[kind];
    const responses = {
      "200": {
        description: "Prometheus's data, downsampled where needed",
        ...jsonContent(ref(contract.response)),
      },
      ...previewErrors,
    };
    const item: Json = {
      parameters: kind === "label_values" ? [idParam, LABEL_NAME_PARAM] : [idParam],
    };
    for (const method of PREVIEW_ENDPOINTS[kind].methods) {
      if (method === "GET") {
        item.get = {
          summary: contract.summary,
          description: PREVIEW_DESCRIPTION,
          parameters: [...queryParams(contract.params), datasourceParam],
          responses,
        };
      } else {
        const body = schema(contract.params.extend({ datasource: z.string().optional() }));
        item.post = {
          summary: `${contract.summary}, parameters in the body (long queries)`,
          description: `${PREVIEW_DESCRIPTION} The body is a form, as Prometheus takes it, or a JSON object of strings and lists of strings; query-string parameters are read too.`,
          requestBody: {
            required: false,
            content: {
              "application/x-www-form-urlencoded": { schema: body },
              "application/json": { schema: body },
            },
          },
          responses: { ...responses, "413": error("Body over 1 MiB") },
        };
      }
    }
    paths[`/api/projects/{id}/preview/${previewSegment(kind)}`] = item;
  }
  return paths;
}

/** Every live API error carries `error`; those about the Alertmanager carry `preview` (kind, URL) too. */
const liveErrors: Json = {
  "403": error("The project's Alertmanager URL is not one the server may call"),
  "404": error(
    "No such project, the project names no Alertmanager URL, or the Alertmanager holds no such alert or silence",
  ),
  "502": error("The Alertmanager is unreachable, failed, or answered something that is not its API v2"),
  "504": error("The Alertmanager did not answer in time (10 s)"),
};

const fingerprintParam = pathParam(
  "fingerprint",
  { type: "string", pattern: "^[0-9a-f]{1,32}$" },
  "The alert's fingerprint, as Alertmanager gives it",
);

function liveOk(description: string, type: z.ZodType): Json {
  return { "200": { description, ...jsonContent(schema(type, "output")) } };
}

/** The live alerts API: the project's Alertmanager (settings: Alertmanager URL) through its API v2. */
function livePaths(): Record<string, Json> {
  const live = "/api/projects/{id}/live";
  const description =
    "Calls the Alertmanager the project's settings name (`alertmanagerUrl`), and only its fixed API v2 endpoints.";
  return {
    [`${live}/alerts`]: {
      parameters: [idParam],
      get: {
        summary: "The alerts the project's Alertmanager holds, filtered by receiver and state",
        description,
        parameters: queryParams(AlertFilterSchema),
        responses: {
          ...liveOk("The alerts", LiveAlertsResponseSchema),
          "422": error("A bad filter"),
          ...liveErrors,
        },
      },
    },
    [`${live}/alerts/{fingerprint}`]: {
      parameters: [idParam, fingerprintParam],
      get: {
        summary: "One alert: labels, annotations, receivers, state and the silences or alerts muting it",
        description,
        responses: { ...liveOk("The alert", LiveAlertSchema), ...liveErrors },
      },
    },
    [`${live}/alerts/{fingerprint}/acknowledge`]: {
      parameters: [idParam, fingerprintParam],
      post: {
        summary:
          "Acknowledge: a silence of exactly this alert's labels, from now for `duration`, by `author` with `comment`",
        description,
        requestBody: { required: true, ...jsonContent(schema(AcknowledgeBodySchema)) },
        responses: {
          "201": { description: "The silence created", ...jsonContent(schema(AcknowledgedSchema, "output")) },
          "400": badRequest,
          "422": error(
            "A missing author or comment, a bad duration (`issues` say which), or a silence the Alertmanager refused",
          ),
          ...liveErrors,
        },
      },
    },
    [`${live}/alerts/{fingerprint}/resolve`]: {
      parameters: [idParam, fingerprintParam],
      post: {
        summary: "Resolve (un-acknowledge): expires every silence muting this alert, so it notifies again",
        description,
        responses: { ...liveOk("The silences expired", UnacknowledgedSchema), ...liveErrors },
      },
    },
    [`${live}/groups`]: {
      parameters: [idParam],
      get: {
        summary:
          "The Alertmanager's alert groups (receiver, group labels, alerts), filtered by receiver and state",
        description,
        parameters: queryParams(AlertFilterSchema),
        responses: {
          ...liveOk("The groups", LiveGroupsResponseSchema),
          "422": error("A bad filter"),
          ...liveErrors,
        },
      },
    },
    [`${live}/silences`]: {
      parameters: [idParam],
      get: {
        summary: "The Alertmanager's silences: active, pending and expired",
        description,
        responses: { ...liveOk("The silences", LiveSilencesResponseSchema), ...liveErrors },
      },
    },
    [`${live}/silences/{silenceId}`]: {
      parameters: [idParam, pathParam("silenceId", { type: "string" }, "The silence's id")],
      delete: {
        summary: "Expires one silence",
        description,
        responses: {
          ...liveOk("Expired", UnacknowledgedSchema),
          "422": error("The Alertmanager refused"),
          ...liveErrors,
        },
      },
    },
    [`${live}/rules`]: {
      parameters: [idParam],
      get: {
        summary:
          "The project's alerting rules with their state in its Prometheus (and the alerting rules only the Prometheus runs)",
        description:
          "Read from the project and the Prometheus rules API (`/api/v1/rules?type=alert`) of its default Prometheus datasource; when that Prometheus cannot be reached the rules come alone, with `prometheusError` saying why.",
        responses: { ...liveOk("The rules", LiveRulesResponseSchema), "404": noProject },
      },
    },
  };
}

// ---- The document -------------------------------------------------------------------------------

/** A JSON body of string fields, for the account endpoints Better Auth serves. */
function authBody(fields: Record<string, "string">): object {
  return {
    required: true,
    ...jsonContent({
      type: "object",
      required: Object.keys(fields),
      properties: Object.fromEntries(Object.entries(fields).map(([name, type]) => [name, { type }])),
    }),
  };
}

const TOKENS_DESCRIPTION =
  "A token is sent as `Authorization: Bearer obf_…` by the CLI and scripts and acts as its user, with the user's roles; a revoked, expired or unknown token is answered 401 saying which. Tokens are managed with a session cookie only: a call with a token gets 403.";
const tokenNotSession = error("Called with an API token: tokens are managed from a signed-in session");

/** The OpenAPI document of the HTTP API. */
export function openApiDocument(): Json {
  return {
    openapi: "3.1.0",
    info: {
      title: "Obsforge API",
      version: "1",
      description:
        "Projects, their sections (dashboards, rule groups, alerting, settings), revisions, templates, bundles and the live preview.",
    },
    paths: {
      "/api/projects": {
        get: {
          summary: "List projects, most recently saved first",
          responses: {
            "200": {
              description: "Projects",
              ...jsonContent({ type: "array", items: ref("ProjectSummary") }),
            },
          },
        },
        post: {
          summary: "Create a project from a template, a deployment.yaml, a project file, or empty",
          description:
            "The project goes to the team `teamId` names, or without it to the actor's first team where they are editor or owner.",
          requestBody: { required: true, ...jsonContent(ref("CreateProjectBody")) },
          responses: {
            "201": {
              description: "Created at version 1",
              headers: { location: { description: "The project's URL", schema: { type: "string" } } },
              ...jsonContent(ref("ProjectRecord")),
            },
            "400": badRequest,
            "403": error("The actor is not an editor or owner of the team named (or of any team)"),
            "413": tooLarge,
            "422": invalidProject,
          },
        },
      },
      "/api/projects/{id}": {
        parameters: [idParam],
        get: {
          summary: "Get a project",
          parameters: [
            {
              name: "if-none-match",
              in: "header",
              required: false,
              schema: { type: "string" },
              description: "An ETag this endpoint gave: 304 when the project is unchanged",
            },
          ],
          responses: {
            "200": {
              description: "The project",
              headers: { etag: { schema: { type: "string" } } },
              ...jsonContent(ref("ProjectRecord")),
            },
            "304": { description: "Unchanged since the ETag sent" },
            "404": noProject,
          },
        },
        put: {
          summary: "Save the whole project (import, restore); `version` is the version it was edited from",
          description:
            "Editors save their own section instead (dashboards, rule groups, alerting, settings): a whole-project save conflicts with any save since `version`.",
          requestBody: { required: true, ...jsonContent(ref("UpdateProjectBody")) },
          responses: {
            "200": { description: "Saved as a new version", ...jsonContent(ref("ProjectRecord")) },
            "400": badRequest,
            "404": noProject,
            "409": error("Stale version: `currentVersion` says which is stored; nothing was written"),
            "413": tooLarge,
            "422": invalidProject,
          },
        },
        delete: {
          summary: "Delete a project and its history",
          responses: { "204": { description: "Deleted" }, "404": noProject },
        },
      },
      "/api/projects/{id}/dashboards": {
        parameters: [idParam],
        ...createOperation(
          "Dashboard",
          "Add a dashboard: blank with a title (and a uid, else one from the title), one from the catalog by id, a Grafana dashboard export, or a dashboard of the model",
          "The project already has a dashboard with this uid; for a Grafana export, the error names a free uid to send as `uid`. Nothing was written",
          {
            description:
              "A Grafana export is sent as `{grafana}` (the file Grafana's Share → Export saves, or its HTTP API's `{dashboard, meta}` answer), with `uid` to store it under another uid than its own; `{dashboard, meta}` as Grafana's API answers it, or a `dashboard` with a `schemaVersion`, is read as a Grafana export too. It is converted against the project's datasources as the designer's import does, added as a section (the latest version, whatever other sections were saved meanwhile) and answered with the import report: the panels as the file counts them (`125 panels: 125 editable, 0 kept as raw JSON`), what is kept as raw JSON by path, and what was converted on the way.",
            created:
              "Added as a new version; for a Grafana export, with `report`, what the import converted and kept raw",
            badRequest:
              "Malformed JSON, a body of the wrong shape, or a `grafana` export that is no Grafana dashboard: the error says why, `issues` say where (paths into the body)",
          },
        ),
      },
      "/api/projects/{id}/dashboards/{uid}": {
        parameters: [idParam, uidParam],
        ...sectionOperations("Dashboard", "dashboard", true),
      },
      "/api/projects/{id}/rule-groups": {
        parameters: [idParam],
        ...createOperation(
          "RuleGroup",
          "Add a rule group: empty by name, the groups of a rule file, or a rule group of the model",
          "The project already has a rule group of this name (for a rule file: one of its groups; nothing is added)",
          {
            description:
              "`yaml` is a Prometheus rule file's text (`groups:`), or PrometheusRule resources: every group becomes a new rule group in one version, all or nothing. A file promtool would refuse is a 422 with each problem, by group and rule, as promtool words it.",
          },
        ),
      },
      "/api/projects/{id}/rule-groups/{name}": {
        parameters: [idParam, ruleGroupParam],
        ...sectionOperations("RuleGroup", "rule group", true),
      },
      "/api/projects/{id}/rule-groups/{name}/backtest": {
        parameters: [idParam, ruleGroupParam],
        post: {
          summary: "Backtest an alerting rule (saved, edited, or both side by side) over the last 1 h to 7 d",
          description:
            "Replays the rule as Prometheus's rule engine would have evaluated it against the project's Prometheus (the preview's target): at the group's interval (aligned to multiples of it as promtool does, or with `alignment: bundle` at the phase the bundle's Prometheus gives the group), `for` from the first active evaluation, pending dropped at the first evaluation without the series, `keep_firing_for`, the group's `limit` and `query_offset`. The answer is NDJSON (`application/x-ndjson`): `{type: progress, done, total, queries}` lines, then `{type: result, result}` (per rule: summary, per-alert state timelines, the chart's series and thresholds) or `{type: error, error, status}`. Closing the request cancels the range queries.",
          requestBody: { required: true, ...jsonContent(schema(BacktestBodySchema)) },
          responses: {
            "200": {
              description: "NDJSON stream of BacktestEvent lines",
              content: { "application/x-ndjson": { schema: schema(BacktestEventSchema, "output") } },
            },
            "400": badRequest,
            "403": previewErrors["403"],
            "404": error("No such project, rule group or rule"),
            "413": tooLarge,
            "422": error(
              "A draft expression Prometheus refuses, a window outside 1 h–7 d, or a recording rule; `issues` say where",
            ),
            "502": previewErrors["502"],
            "504": previewErrors["504"],
          },
        },
      },
      "/api/projects/{id}/rule-groups/{name}/backtest/test-case": {
        parameters: [idParam, ruleGroupParam],
        post: {
          summary: "Turn a backtest window (5 min to 24 h) into a promtool rule test",
          description:
            "The series the rule's expression reads become `input_series` at the group's interval (sampled at the evaluations, a `stale` marker after each stretch), what the backtest finds firing at every change of state and at spread times becomes `exp_alerts` with labels and rendered annotations. Answers the test file and its one-rule rule file, model test cases for the rule (one firing, one quiet), notes (series left out, range functions read sampled input), and promtool's verdict on the test when the server has promtool (`null` otherwise).",
          requestBody: { required: true, ...jsonContent(schema(TestCaseBodySchema)) },
          responses: {
            "200": {
              description: "The generated test and promtool's verdict",
              ...jsonContent({ type: "object" }),
            },
            "400": badRequest,
            "404": error("No such project, rule group or rule"),
            "422": error("A window outside 5 min–24 h, or a recording rule; `issues` say where"),
            "502": previewErrors["502"],
            "504": previewErrors["504"],
          },
        },
      },
      "/api/projects/{id}/rule-tests": {
        parameters: [idParam],
        post: {
          summary: "Run the project's rule tests (or one group's) with the server's promtool",
          description:
            "The rule files and promtool test files the bundle exports, each test case in a file of its own, in one `promtool test rules` run. Answers `{promtool: false, results: []}` when the server has no promtool, else per case its group, alert, number, description, verdict and promtool's own output (its failure message).",
          requestBody: { required: false, ...jsonContent(schema(RunRuleTestsBodySchema)) },
          responses: {
            "200": { description: "Per-case verdicts", ...jsonContent(schema(RuleTestsRunSchema)) },
            "400": badRequest,
            "404": error("No such project or rule group"),
            "422": error(
              "A test case whose expected labels or annotations cannot be rendered (a template that does not parse)",
            ),
          },
        },
      },
      "/api/projects/{id}/alerting": {
        parameters: [idParam],
        ...sectionOperations(
          "Alerting",
          "alerting configuration (receivers, route tree, inhibit rules)",
          false,
        ),
      },
      "/api/projects/{id}/alerting/import": {
        parameters: [idParam],
        post: {
          summary:
            "Read an alertmanager.yml (`yaml`: its text) as the project's alerting configuration would become, with a report; writes nothing",
          description:
            "The importer `obsforge import` uses: global settings, the route tree (legacy `match`/`match_re` kept), receivers (Slack, e-mail, PagerDuty and webhook configs as editable integrations, every other config kept verbatim), inhibit rules (legacy `source_match` kept), time intervals and template paths. The answer's `content` is the alerting section to save with PUT /api/projects/{id}/alerting (it replaces the whole configuration); its literal secrets are sealed for this server and project, and that save stores them encrypted. The report lists what each part becomes, what is kept verbatim, each literal secret by name and place (never its value, and whether the save replaces a stored value), notes and the model's warnings.",
          requestBody: { required: true, ...jsonContent(ref("ImportAlertingBody")) },
          responses: {
            "200": {
              description: "The section the file becomes, and the report",
              ...jsonContent(ref("AlertingImport")),
            },
            "400": badRequest,
            "404": noProject,
            "413": tooLarge,
            "422": error(
              "No valid YAML, no Alertmanager configuration, or one Alertmanager or the model refuses: `issues` name each problem's path with its line and column",
            ),
          },
        },
      },
      "/api/projects/{id}/settings": {
        parameters: [idParam],
        ...sectionOperations(
          "Settings",
          "settings (name, environment, datasources, scrape targets, retention, log shipper)",
          false,
        ),
      },
      "/api/projects/{id}/revisions": {
        parameters: [idParam],
        get: {
          summary: "List revisions, newest first, each with its author and what it changed",
          responses: {
            "200": {
              description: "Revisions",
              ...jsonContent({ type: "array", items: ref("RevisionSummary") }),
            },
            "404": noProject,
          },
        },
      },
      "/api/projects/{id}/revisions/{version}": {
        parameters: [idParam, versionParam],
        get: {
          summary: "Get one revision with the project as it left it, read-only",
          responses: {
            "200": { description: "The revision", ...jsonContent(ref("Revision")) },
            "404": error("No such project or revision"),
          },
        },
      },
      "/api/projects/{id}/revisions/{version}/restore": {
        parameters: [idParam, versionParam],
        post: {
          summary: "Restore a revision as a new version",
          requestBody: { required: false, ...jsonContent(ref("RestoreRevisionBody")) },
          responses: {
            "200": { description: "Restored", ...jsonContent(ref("ProjectRecord")) },
            "400": badRequest,
            "404": error("No such project or revision"),
            "422": error("The revision no longer validates against the model"),
          },
        },
      },
      "/api/projects/{id}/secrets": {
        parameters: [idParam],
        get: {
          summary: "Whether each secret of the project is set, and what uses it; never a value",
          responses: {
            "200": { description: "Secrets, by name", ...jsonContent(ref("SecretList")) },
            "404": noProject,
          },
        },
      },
      "/api/projects/{id}/secrets/{name}": {
        parameters: [idParam, secretNameParam],
        put: {
          summary: "Store a secret's value, encrypted (AES-256-GCM); it is never answered back",
          requestBody: { required: true, ...jsonContent(ref("PutSecretBody")) },
          responses: {
            "200": { description: "The secret's status", ...jsonContent(ref("SecretStatus")) },
            "400": badRequest,
            "404": error("No such project, or not a secret name"),
            "503": error("This server has no usable key (OBSFORGE_SECRET_KEY is not 32 bytes of base64)"),
          },
        },
        delete: {
          summary: "Forget a secret's value",
          responses: {
            "200": { description: "The secret's status (not set)", ...jsonContent(ref("SecretStatus")) },
            "404": error("No such project, or not a secret name"),
          },
        },
      },
      "/api/projects/{id}/share-links": {
        parameters: [idParam],
        get: {
          summary: "The project's read-only share links, revoked ones too; never a link's token (owners)",
          responses: {
            "200": { description: "Share links, newest first", ...jsonContent(ref("ShareLinkList")) },
            "403": error("Only the team's owners manage share links"),
            "404": noProject,
          },
        },
        post: {
          summary:
            "Make a read-only share link: whoever opens its `path` (/share/<token>) sees the project without an account, until it is revoked or expires. The path is answered this once; only the token's SHA-256 is stored. The share page's API calls carry the token in the `x-obsforge-share` header: such a call may read (GET, previews) this project only",
          requestBody: { required: true, ...jsonContent(ref("CreateShareLinkBody")) },
          responses: {
            "201": { description: "The link, and its path", ...jsonContent(ref("CreatedShareLink")) },
            "400": badRequest,
            "403": error("Only the team's owners manage share links"),
            "404": noProject,
          },
        },
      },
      "/api/projects/{id}/share-links/{linkId}": {
        parameters: [idParam, pathParam("linkId", schema(ShareLinkIdSchema), "The share link's id")],
        delete: {
          summary: "Revoke a share link: its next request is refused (owners)",
          responses: {
            "200": { description: "The revoked link", ...jsonContent(ref("ShareLink")) },
            "403": error("Only the team's owners manage share links"),
            "404": error("No such project or share link"),
          },
        },
      },
      "/api/projects/{id}/receivers/{name}/preview": {
        parameters: [idParam, receiverParam],
        post: {
          summary:
            "The receiver's messages (Slack, PagerDuty, webhook, e-mail) rendered as Alertmanager renders them, for a sample alert group of the project's rules, from the saved configuration or the editor's unsaved `draft`; writes nothing",
          requestBody: { required: true, ...jsonContent(ref("NotificationPreviewBody")) },
          responses: {
            "200": {
              description: "Rendered messages, with template errors per field",
              ...jsonContent(ref("NotificationPreview")),
            },
            "400": badRequest,
            "404": error("No such project or receiver"),
          },
        },
      },
      "/api/projects/{id}/receivers/{name}/test": {
        parameters: [idParam, receiverParam],
        post: {
          summary:
            "Send a test notification: what Alertmanager would post for a sample alert, to each integration (or one), with a timeout and retries with backoff; every attempt goes to the delivery log",
          requestBody: { required: true, ...jsonContent(ref("TestSendBody")) },
          responses: {
            "200": { description: "Every attempt of this send", ...jsonContent(ref("TestSendResult")) },
            "400": badRequest,
            "404": error("No such project, receiver or integration"),
            "409": error("A secret was stored under another key"),
          },
        },
      },
      "/api/projects/{id}/receivers/{name}/deliveries": {
        parameters: [idParam, receiverParam],
        get: {
          summary:
            "The receiver's delivery log (test sends), newest first: time, attempt, outcome, status, latency, an excerpt of the answer",
          responses: {
            "200": { description: "Deliveries", ...jsonContent(ref("DeliveryList")) },
            "404": noProject,
          },
        },
      },
      "/api/projects/{id}/bundle": {
        parameters: [idParam],
        get: {
          summary: "Download the observability bundle",
          responses: {
            "200": { description: "Zip file", content: { "application/zip": {} } },
            "404": noProject,
          },
        },
      },
      "/api/projects/{id}/export": {
        parameters: [idParam],
        get: {
          summary: "Download the project as JSON",
          responses: {
            "200": { description: "Project file", ...jsonContent(ref("Project")) },
            "404": noProject,
          },
        },
      },
      "/api/projects/{id}/validation": {
        parameters: [idParam],
        get: {
          summary: "Every problem the model reports, with its path",
          responses: {
            "200": { description: "Issues", ...jsonContent(ref("Validation")) },
            "404": noProject,
          },
        },
      },
      "/api/projects/{id}/templates/{name}": {
        parameters: [
          idParam,
          pathParam(
            "name",
            { type: "string", pattern: "^[A-Za-z0-9_-]{1,80}$" },
            "A catalog level, dashboard or rule",
          ),
        ],
        post: {
          summary: "Apply a catalog level, dashboard or rule, on top of the latest version",
          description:
            "The body is optional. Adding from the catalog never overwrites, so it lands on the latest version; a `version` sent is accepted for compatibility and not compared.",
          requestBody: { required: false, ...jsonContent(ref("ApplyTemplateBody")) },
          responses: {
            "200": { description: "Applied as a new version", ...jsonContent(ref("ProjectRecord")) },
            "400": badRequest,
            "404": error("No such project or catalog entry"),
            "422": invalidProject,
          },
        },
      },
      ...previewPaths(),
      ...livePaths(),
      "/api/projects/{id}/preview/lint": {
        parameters: [idParam],
        post: {
          summary:
            "Metric names the connected Prometheus does not know, each with the nearest existing names",
          requestBody: { required: true, ...jsonContent(ref("LintPreviewBody")) },
          responses: {
            "200": { description: "Unknown metrics per expression", ...jsonContent(ref("LintResponse")) },
            "400": badRequest,
            "403": previewErrors["403"],
            "404": previewErrors["404"],
            "413": tooLarge,
            "502": previewErrors["502"],
            "504": previewErrors["504"],
          },
        },
      },
      "/api/projects/{id}/preview/annotations": {
        parameters: [idParam],
        post: {
          summary:
            "A rule's labels and annotations rendered as Prometheus renders them, for a series of its current result",
          description:
            "The rule (as edited, saved or not) is evaluated as an instant query at `time` (default now) on the project's Prometheus; its label and annotation templates are expanded for the series given by `series` (default the first) with Prometheus 2.42's template engine: `$labels`, `$value`, `$externalLabels`, `$externalURL`, `query` answered by the same Prometheus at the same time. A template that fails shows, as in Prometheus, `<error expanding template: …>`, with `error` and `stage` (parse or execute) beside it.",
          requestBody: { required: true, ...jsonContent(ref("AnnotationPreviewBody")) },
          responses: {
            "200": { description: "Rendered templates", ...jsonContent(ref("AnnotationPreviewResponse")) },
            "400": badRequest,
            "403": previewErrors["403"],
            "404": previewErrors["404"],
            "413": tooLarge,
            "422": error("Prometheus refused the rule's expression"),
            "502": previewErrors["502"],
            "504": previewErrors["504"],
          },
        },
      },
      "/api/projects/{id}/preview/test-connection": {
        parameters: [idParam],
        post: {
          summary: "Whether a Prometheus answers at a URL, saved or not: its version and series count",
          description:
            "Settings' Test connection (Grafana's Save & test). `{url}` tests that URL; `{datasource: {url, previewUrl?}}` tests the URL previews of a datasource with those URLs would use: `previewUrl`, else the demo Prometheus when the server runs one (`OBSFORGE_DEMO_PROMETHEUS_URL`), else `url`. Only `/api/v1/status/buildinfo` and `/api/v1/status/tsdb` are called there, within the preview's 10 s. A Prometheus that cannot be used is answered with 200 and `ok: false`, the error's kind and its message (connection refused, timeout, HTTP status).",
          requestBody: { required: true, ...jsonContent(ref("TestConnectionBody")) },
          responses: {
            "200": {
              description: "What was tested and how it went",
              ...jsonContent(ref("TestConnectionResponse")),
            },
            "400": badRequest,
            "404": noProject,
            "413": tooLarge,
          },
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
      // Personal API tokens (lib/server/services/api-tokens.ts): managed from a session only.
      "/api/tokens": {
        get: {
          summary: "The signed-in user's API tokens (not revoked), newest first; never a token's value",
          description: TOKENS_DESCRIPTION,
          responses: {
            "200": { description: "Tokens", ...jsonContent(ref("ApiTokenList")) },
            "403": tokenNotSession,
          },
        },
        post: {
          summary: "Make an API token; the answer holds its value, this once",
          description: TOKENS_DESCRIPTION,
          requestBody: { required: true, ...jsonContent(ref("CreateApiTokenBody")) },
          responses: {
            "201": {
              description: "The token, and its value (`obf_…`): it is never shown again",
              headers: { location: { description: "The token's URL", schema: { type: "string" } } },
              ...jsonContent(ref("CreatedApiToken")),
            },
            "400": badRequest,
            "403": tokenNotSession,
          },
        },
      },
      "/api/tokens/{id}": {
        parameters: [pathParam("id", schema(ApiTokenIdSchema), "The token's id")],
        delete: {
          summary: "Revoke one of the signed-in user's API tokens: it stops working at once",
          responses: {
            "200": { description: "The revoked token", ...jsonContent(ref("ApiToken")) },
            "403": tokenNotSession,
            "404": error("No such token of this user (another user's token is not revealed)"),
          },
        },
      },
      // Accounts (Better Auth, lib/auth): its endpoints live under /api/auth; the main ones.
      "/api/auth/sign-up/email": {
        post: {
          summary: "Create an account (the first of an install, or with an invitation to its e-mail address)",
          requestBody: authBody({ email: "string", password: "string", name: "string" }),
          responses: {
            "200": { description: "Signed up and in; the session cookie is set" },
            "403": { description: "No invitation for this address" },
            "422": { description: "Address taken or password too short" },
          },
        },
      },
      "/api/auth/sign-in/email": {
        post: {
          summary: "Sign in; sets the session cookie every other /api route needs",
          requestBody: authBody({ email: "string", password: "string" }),
          responses: {
            "200": { description: "Signed in; the session cookie is set" },
            "401": { description: "Wrong e-mail address or password" },
          },
        },
      },
      "/api/auth/sign-out": {
        post: { summary: "End the session", responses: { "200": { description: "Signed out" } } },
      },
      "/api/auth/get-session": {
        get: {
          summary: "The signed-in user and session, or null",
          responses: { "200": { description: "Session", content: { "application/json": {} } } },
        },
      },
      "/api/openapi.json": {
        get: {
          summary: "This document",
          responses: { "200": { description: "OpenAPI 3.1", content: { "application/json": {} } } },
        },
      },
    },
    components: { schemas: allComponents() },
  };
}
