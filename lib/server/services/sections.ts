import "server-only";
import type {
  CreateDashboardBody,
  CreatedDashboard,
  CreateRuleGroupBody,
  ProjectRecord,
  SectionRecord,
  SectionSaveResult,
} from "../../api/schemas";
import { applyTemplate, UnknownTemplateError } from "../../catalog/apply-template";
import { catalogDashboards } from "../../catalog/dashboards";
import { NotFoundError, SectionExistsError } from "../../db/errors";
import { changeProject } from "../../db/projects";
import * as sections from "../../db/sections";
import {
  type DashboardImport,
  DashboardUidTakenError,
  freeDashboardUid,
  GrafanaImportError,
  importDashboard,
  isGrafanaDashboard,
  issuesUnder,
} from "../../import/grafana-dashboard";
import { DashboardSchema, type Project, type SectionRef, slugify } from "../../model";
import { type ServiceContext, writeContext } from "../context";
import { cachedProjectAt, readProjectRecord, rememberProject } from "../project-cache";
import { openImportedSecretValues } from "./alerting-import";
import { actorName, separateSectionSecrets, storeSecretValues } from "./secrets";

/**
 * One section at a time: a dashboard, a rule group, the alerting configuration, the settings.
 * Reads move only the section; saves land on the latest version unless their own section changed
 * since the version they were edited from (SectionConflictError, a 409 with the section as it is).
 */

type AddableRef = Extract<SectionRef, { kind: "dashboard" | "rule-group" }>;

function options(id: string): sections.SectionWriteOptions {
  return { current: (version) => cachedProjectAt(id, version) };
}

function describeMissing(ref: SectionRef): string {
  if (ref.kind === "dashboard") return `no dashboard "${ref.uid}"`;
  if (ref.kind === "rule-group") return `no rule group "${ref.name}"`;
  return `no ${ref.kind}`;
}

export async function getSection(
  context: ServiceContext,
  id: string,
  ref: SectionRef,
): Promise<SectionRecord> {
  const found = await sections.getSection(context.db, id, ref);
  if (found) return found;
  // Tell a missing project from a missing section.
  const exists = await context.db.prisma.project.findUnique({ where: { id }, select: { id: true } });
  throw new NotFoundError(exists ? `${describeMissing(ref)} in project "${id}"` : `no project "${id}"`);
}

export async function saveSection(
  context: ServiceContext,
  id: string,
  ref: SectionRef,
  body: { version: number; content: unknown; message?: string },
): Promise<SectionSaveResult> {
  // Stored first: a failed save leaves at most a value the project does not name yet.
  const separated = separateSectionSecrets(ref, body.content);
  // Values an alertmanager.yml import handed the page sealed are opened here, and only here.
  const secrets = openImportedSecretValues(id, separated.secrets);
  if (secrets.length > 0) {
    await latestProject(context, id);
    await storeSecretValues(context.db.prisma, id, secrets, actorName(context));
  }
  const written = await sections.saveSection(
    context.db,
    id,
    ref,
    body.version,
    separated.content,
    writeContext(context, body.message),
    options(id),
  );
  if (written.changed) rememberProject(written.record);
  return { ...written.section, changed: written.changed };
}

async function addSection(
  context: ServiceContext,
  id: string,
  ref: AddableRef,
  content: unknown,
  message: string,
): Promise<SectionSaveResult> {
  const written = await sections.createSection(
    context.db,
    id,
    ref,
    content,
    writeContext(context, message),
    options(id),
  );
  rememberProject(written.record);
  return { ...written.section, changed: true };
}

export async function deleteSection(
  context: ServiceContext,
  id: string,
  ref: AddableRef,
  baseVersion: number,
): Promise<ProjectRecord<Project>> {
  const record = await sections.deleteSection(
    context.db,
    id,
    ref,
    baseVersion,
    writeContext(
      context,
      ref.kind === "dashboard" ? `deleted dashboard ${ref.uid}` : `deleted rule group ${ref.name}`,
    ),
    options(id),
  );
  rememberProject(record);
  return record;
}

/** A uid from the title that the project does not use yet: `api-latency`, `api-latency-2`, … */
function freeUid(project: Project, title: string): string {
  const used = new Set(project.dashboards.map((dashboard) => dashboard.uid));
  const base = (slugify(title) || "dashboard").slice(0, 36);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

async function latestProject(context: ServiceContext, id: string): Promise<Project> {
  const record = await readProjectRecord(context.db, id);
  if (!record) throw new NotFoundError(`no project "${id}"`);
  return record.project;
}

/**
 * Adds a dashboard: blank with a title, a catalog dashboard by id (with the datasource it needs,
 * when the project has none of that type), a Grafana dashboard export (with its import report),
 * or a dashboard of the model as sent.
 */
export async function createDashboard(
  context: ServiceContext,
  id: string,
  body: CreateDashboardBody,
): Promise<CreatedDashboard> {
  if ("template" in body) {
    const entry = catalogDashboards.find((candidate) => candidate.id === body.template);
    if (!entry) throw new UnknownTemplateError(body.template);
    let uid: string | undefined;
    const record = await changeProject(
      context.db,
      id,
      (current) => {
        const next = applyTemplate(current, body.template);
        uid = next.dashboards.find(
          (dashboard) => !current.dashboards.some((d) => d.uid === dashboard.uid),
        )?.uid;
        return next;
      },
      writeContext(context, `added dashboard ${entry.title} from the catalog`),
      (version) => cachedProjectAt(id, version),
    );
    rememberProject(record);
    const dashboard = record.project.dashboards.find((candidate) => candidate.uid === uid);
    if (!dashboard)
      throw new sections.SectionIdentityError(
        { kind: "dashboard", uid: entry.id },
        "uid",
        `${entry.id} (already in the project)`,
      );
    return { version: record.version, sectionVersion: record.version, content: dashboard, changed: true };
  }
  if ("grafana" in body) return importGrafana(context, id, body.grafana, "grafana", body.uid);
  if ("dashboard" in body && (body.meta !== undefined || isGrafanaDashboard(body.dashboard))) {
    // Grafana's HTTP API answers `{dashboard, meta}`: the importer reads that wrapper itself.
    return importGrafana(context, id, { dashboard: body.dashboard, meta: body.meta }, "", undefined);
  }
  if ("dashboard" in body) {
    const parsed = DashboardSchema.safeParse(body.dashboard);
    const uid = parsed.success ? parsed.data.uid : String((body.dashboard as { uid?: unknown })?.uid ?? "");
    return addSection(context, id, { kind: "dashboard", uid }, body.dashboard, "added dashboard");
  }
  const uid = body.uid ?? freeUid(await latestProject(context, id), body.title);
  const dashboard = { uid, title: body.title };
  return addSection(context, id, { kind: "dashboard", uid }, dashboard, `added dashboard ${body.title}`);
}

/**
 * Adds a Grafana dashboard export as a dashboard section, converted against the latest project
 * (its datasources) by the conversion the CLI and the designer share, with the import report.
 * `at` is where the export sits in the request body, for the paths of a 400.
 */
async function importGrafana(
  context: ServiceContext,
  id: string,
  json: unknown,
  at: string,
  uid: string | undefined,
): Promise<CreatedDashboard> {
  const project = await latestProject(context, id);
  let imported: DashboardImport;
  try {
    imported = importDashboard(json, project, { uid });
  } catch (error) {
    if (error instanceof GrafanaImportError && at !== "")
      throw new GrafanaImportError(issuesUnder(error, at));
    throw error;
  }
  const { dashboard, report } = imported;
  const ref = { kind: "dashboard" as const, uid: dashboard.uid };
  try {
    const saved = await addSection(
      context,
      id,
      ref,
      dashboard,
      `imported Grafana dashboard "${dashboard.title}"`,
    );
    return { ...saved, report };
  } catch (error) {
    // Added meanwhile by someone else: the same answer as a clash seen before.
    if (!(error instanceof SectionExistsError)) throw error;
    const taken = new Set((await latestProject(context, id)).dashboards.map((existing) => existing.uid));
    throw new DashboardUidTakenError(dashboard.uid, freeDashboardUid(dashboard.uid, taken));
  }
}

/** Adds a rule group: empty by name, or a rule group of the model as sent (a rule file: importRuleFile). */
export async function createRuleGroup(
  context: ServiceContext,
  id: string,
  body: Exclude<CreateRuleGroupBody, { yaml: string }>,
): Promise<SectionSaveResult> {
  if ("group" in body) {
    const name = String((body.group as { name?: unknown })?.name ?? "");
    return addSection(context, id, { kind: "rule-group", name }, body.group, `added rule group ${name}`);
  }
  return addSection(
    context,
    id,
    { kind: "rule-group", name: body.name },
    { name: body.name, rules: [] },
    `added rule group ${body.name}`,
  );
}
