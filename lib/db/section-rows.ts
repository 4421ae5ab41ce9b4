import { isDeepStrictEqual } from "node:util";
import { type Project, projectSections, type SectionKey } from "../model";

/**
 * How a project is laid out in rows of project_sections and revision_sections, and put back
 * together. Pure: the repository functions do the I/O.
 */

export interface SectionRow {
  key: SectionKey;
  /** Order among the sections of its kind. */
  position: number;
  content: unknown;
}

function kindOrder(key: SectionKey): number {
  if (key === "settings") return 0;
  if (key === "alerting") return 1;
  if (key.startsWith("dashboard:")) return 2;
  return 3;
}

/** A project's sections as rows, in the project's order. Content is plain JSON, as JSONB keeps it. */
export function sectionRowsOf(project: Project): SectionRow[] {
  const positions = new Map<number, number>();
  return projectSections(project).map(({ key, content }) => {
    const kind = kindOrder(key);
    const position = positions.get(kind) ?? 0;
    positions.set(kind, position + 1);
    return { key, position, content: asJson(content) };
  });
}

/** The keys of a project's sections, in order: what a revision records as its layout. */
export function layoutOf(rows: readonly Pick<SectionRow, "key">[]): SectionKey[] {
  return rows.map((row) => row.key);
}

/** Rows in any order, sorted as the project orders its sections. */
export function sortSectionRows<R extends SectionRow>(rows: readonly R[]): R[] {
  return [...rows].sort(
    (a, b) => kindOrder(a.key) - kindOrder(b.key) || a.position - b.position || a.key.localeCompare(b.key),
  );
}

/**
 * The project document the rows make, for the model's schema to parse. Rows must be in the
 * project's order (sortSectionRows). Keys outside the four kinds are a corrupt row: left out here,
 * so the schema reports what is then missing rather than this function guessing.
 */
export function assembleDocument(rows: readonly Pick<SectionRow, "key" | "content">[]): unknown {
  const settings = rows.find((row) => row.key === "settings")?.content;
  const alerting = rows.find((row) => row.key === "alerting")?.content;
  return {
    ...(isRecord(settings) ? settings : {}),
    dashboards: rows.filter((row) => row.key.startsWith("dashboard:")).map((row) => row.content),
    ruleGroups: rows.filter((row) => row.key.startsWith("rule-group:")).map((row) => row.content),
    ...(isRecord(alerting) ? alerting : {}),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The value as JSON keeps it: undefined properties gone, dates as strings. */
export function asJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** Same JSON, whatever the key order (JSONB reorders keys). */
export function sameJson(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(asJson(a), asJson(b));
}
