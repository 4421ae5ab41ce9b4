import "server-only";
import type { Document, LineCounter } from "yaml";
import type { AlertingImport, AlertingImportReport } from "../../api/alerting-import-schemas";
import type { ApiError } from "../../api/schemas";
import { NotFoundError } from "../../db/errors";
import { locate, parseYamlText, YamlInputError } from "../../deployment/parse";
import {
  type AlertmanagerImport,
  AlertmanagerImportError,
  countRoutes,
  type ExtractedSecret,
  extractImportedSecrets,
  importAlertmanagerConfig,
  importReportLines,
  isSealedValue,
  SEALED_PREFIX,
  withImportedSecretValues,
} from "../../import/alertmanager";
import { type ModelIssue, type Project, validateProject } from "../../model";
import { type AlertingSection, alertingOf, withSection } from "../../model/sections";
import { openSecret, SecretDecryptionError, type SecretKey, sealSecret } from "../../security/secrets";
import type { ServiceContext } from "../context";
import { HttpError } from "../http";
import { readProjectRecord } from "../project-cache";
import { serverSecretKey } from "./secrets";

/**
 * The alerting editor's "Import alertmanager.yml": the file read by the importer `obsforge import`
 * uses, checked as a save would check it, and answered as the section it becomes with a report.
 * Nothing is written: the editor puts the section in its draft and the usual section save stores
 * it. The file's literal secrets go back sealed (AES-256-GCM under the server's key, bound to the
 * project), so no value is in the answer, and the save opens them to store them encrypted.
 */

type ApiIssue = ApiError["issues"][number];

function where(line: number | undefined, column: number | undefined): string {
  return line === undefined ? "" : `line ${line}, column ${column ?? 1}: `;
}

/** `route.routes[2].matchers[0]` → ["route", "routes", 2, "matchers", 0]. */
function pathSegments(path: string): (string | number)[] {
  return (path.match(/[^.[\]]+/g) ?? []).map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function unprocessable(message: string, issues: ApiIssue[]): HttpError {
  return new HttpError(422, message, issues);
}

/** The file's plain value with its document (for lines); a 422 with each YAML error's line. */
function readYaml(text: string): { doc: Document; lines: LineCounter; value: unknown } {
  try {
    return parseYamlText(text, "alertmanager.yml");
  } catch (error) {
    if (error instanceof YamlInputError)
      throw unprocessable(
        "alertmanager.yml is not valid YAML",
        error.issues.map((issue) => ({
          path: "yaml",
          message: `${where(issue.line, issue.column)}${issue.message}`,
          severity: "error",
        })),
      );
    // The yaml library refuses an alias bomb (more aliases than its limit) with a ReferenceError;
    // nesting deep enough overflows the stack: problems of the file, not crashes.
    if (error instanceof ReferenceError || error instanceof RangeError)
      throw unprocessable("alertmanager.yml cannot be read", [
        { path: "yaml", message: error.message, severity: "error" },
      ]);
    throw error;
  }
}

function imported(text: string): AlertmanagerImport {
  const { doc, lines, value } = readYaml(text);
  try {
    return importAlertmanagerConfig(value);
  } catch (error) {
    if (!(error instanceof AlertmanagerImportError)) throw error;
    throw unprocessable(
      "not an importable Alertmanager configuration",
      error.problems.map((problem) => {
        const at = locate(doc, lines, pathSegments(problem.path));
        return {
          path: problem.path === "" ? "(root)" : problem.path,
          message: `${where(at.line, at.column)}${problem.message}`,
          severity: "error",
        };
      }),
    );
  }
}

const ALERTING_KEYS = ["receivers", "route", "inhibitRules", "alertmanager"];

/** The model's checks of the project with the section in place, as its save runs them; the section's own issues. */
function sectionIssues(project: Project, section: AlertingSection): ModelIssue[] {
  const { issues } = validateProject(withSection(project, { kind: "alerting" }, section));
  return issues.filter((issue) => ALERTING_KEYS.includes(String(pathSegments(issue.path)[0])));
}

/** AAD of a sealed import value: it opens only for the project it was read for. */
function sealContext(projectId: string): string {
  return `obsforge-import\u0000${projectId}`;
}

function sealValue(key: SecretKey, projectId: string, value: string): string {
  const sealed = sealSecret(key, value, sealContext(projectId));
  const parts = [sealed.keyId, sealed.iv, sealed.authTag, sealed.ciphertext].map((part) =>
    Buffer.from(part).toString("base64url"),
  );
  return `${SEALED_PREFIX}${parts.join(".")}`;
}

function openValue(key: SecretKey, projectId: string, secret: ExtractedSecret): string {
  const [keyId, iv, authTag, ciphertext] = secret.value
    .slice(SEALED_PREFIX.length)
    .split(".")
    .map((part) => Buffer.from(part, "base64url"));
  try {
    if (!keyId || !iv || !authTag || !ciphertext) throw new SecretDecryptionError("malformed");
    return openSecret(
      key,
      { keyId: keyId.toString("utf8"), iv, authTag, ciphertext },
      sealContext(projectId),
    );
  } catch (error) {
    if (!(error instanceof SecretDecryptionError)) throw error;
    throw unprocessable(`the imported secret ${secret.name} cannot be read`, [
      {
        path: "receivers",
        message: `${secret.where}: the imported value does not open on this server for this project: import the alertmanager.yml again, or set the secret's value`,
        severity: "error",
      },
    ]);
  }
}

/**
 * Secrets a section save took out, with the values the import preview sealed opened (a value
 * typed or imported otherwise is as it was). A sealed value that does not open is a 422: it is
 * never stored as it is.
 */
export function openImportedSecretValues<T extends ExtractedSecret>(
  projectId: string,
  secrets: readonly T[],
): T[] {
  if (!secrets.some((secret) => isSealedValue(secret.value))) return [...secrets];
  const key = serverSecretKey();
  return secrets.map((secret) =>
    isSealedValue(secret.value) ? { ...secret, value: openValue(key, projectId, secret) } : secret,
  );
}

function counts(section: AlertingSection): AlertingImportReport["imported"] {
  return {
    receivers: section.receivers.length,
    routes: countRoutes(section.route),
    inhibitRules: section.inhibitRules.length,
    timeIntervals: section.alertmanager.timeIntervals.length,
  };
}

function reportOf(
  result: AlertmanagerImport,
  current: AlertingSection,
  secrets: readonly ExtractedSecret[],
  stored: ReadonlySet<string>,
  warnings: readonly ModelIssue[],
): AlertingImportReport {
  const { alerting, report } = result;
  return {
    summary: importReportLines(report)[0] ?? "",
    imported: counts(alerting),
    replaces: counts(current),
    receivers: alerting.receivers.map((receiver, index) => {
      const prefix = `receivers[${index}] (${receiver.name}): `;
      return {
        name: receiver.name,
        integrations: receiver.integrations.map((integration) => integration.type),
        verbatim: report.verbatim
          .filter((line) => line.startsWith(prefix))
          .map((line) => line.slice(prefix.length)),
      };
    }),
    timeIntervals: alerting.alertmanager.timeIntervals.map((interval) => interval.name),
    templates: alerting.alertmanager.templates,
    global: Object.keys(alerting.alertmanager.global?.config ?? {}),
    secrets: secrets.map((secret) => ({
      name: secret.name,
      where: secret.where,
      replacesStored: stored.has(secret.name),
    })),
    notes: report.notes,
    warnings: warnings.map((issue) => ({ ...issue })),
  };
}

/**
 * What `yaml` (an alertmanager.yml) would make of the project's alerting configuration, with the
 * report; nothing is written. 422 with every problem (line, path) for a file that is no valid
 * YAML, no Alertmanager configuration, or one the model's checks refuse.
 */
export async function previewAlertingImport(
  context: ServiceContext,
  projectId: string,
  yaml: string,
): Promise<AlertingImport> {
  const record = await readProjectRecord(context.db, projectId);
  if (!record) throw new NotFoundError(`no project "${projectId}"`);
  const result = imported(yaml);
  const issues = sectionIssues(record.project, result.alerting);
  const errors = issues.filter((issue) => issue.severity === "error");
  if (errors.length > 0)
    throw unprocessable(
      "the imported configuration is not valid",
      errors.map((issue) => ({ ...issue })),
    );
  const { secrets } = extractImportedSecrets(result.alerting);
  const stored =
    secrets.length === 0
      ? []
      : await context.db.prisma.projectSecret.findMany({
          where: { projectId, name: { in: secrets.map((secret) => secret.name) } },
          select: { name: true },
        });
  const key = secrets.length === 0 ? undefined : serverSecretKey();
  const content = key
    ? withImportedSecretValues(result.alerting, (value) => sealValue(key, projectId, value))
    : result.alerting;
  return {
    content,
    report: reportOf(
      result,
      alertingOf(record.project),
      secrets,
      new Set(stored.map((row) => row.name)),
      issues.filter((issue) => issue.severity === "warning"),
    ),
  };
}
