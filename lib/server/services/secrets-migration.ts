import "server-only";
import type { Db } from "../../db/client";
import { SectionConflictError } from "../../db/errors";
import type { ServiceContext } from "../context";
import { separateAlertingSecrets } from "./secrets";
import { saveSection } from "./sections";

/**
 * Projects stored before secrets were encrypted kept an import's literal secrets in their alerting
 * section (and in its revisions). Once per process, before the first request is served, each such
 * section is saved again through the section save, which moves the values to encrypted storage;
 * then the values are blanked out of every revision (history keeps the names, not the values).
 */

/** Alerting section rows (of table alias `t`) whose content may still hold a literal secret. */
function literalFilter(t: string): string {
  return `${t}.key = 'alerting' AND ${t}.content IS NOT NULL
    AND (${t}.content::text LIKE '%importedValue%' OR ${t}.content::text LIKE '%"secretPaths": ["%')`;
}

/** The content without its literal secrets, or undefined when it has none. */
function cleaned(content: unknown): unknown {
  const separated = separateAlertingSecrets(content);
  return separated.secrets.length > 0 ? separated.content : undefined;
}

async function moveCurrentSections(context: ServiceContext): Promise<number> {
  // The stored content as it is (not re-parsed), with the version to save it from.
  const rows = await context.db.prisma.$queryRawUnsafe<
    { project_id: string; version: number; content: unknown }[]
  >(
    `SELECT s.project_id, p.version, s.content FROM project_sections s JOIN projects p ON p.id = s.project_id
      WHERE ${literalFilter("s")}`,
  );
  let moved = 0;
  for (const row of rows) {
    if (!cleaned(row.content)) continue;
    try {
      await saveSection(
        context,
        row.project_id,
        { kind: "alerting" },
        {
          version: row.version,
          content: row.content,
          message: "moved imported secrets to encrypted storage",
        },
      );
      moved++;
    } catch (error) {
      // Saved by someone meanwhile: that save moved them (every save does), or the next start will.
      if (!(error instanceof SectionConflictError)) throw error;
    }
  }
  return moved;
}

async function blankRevisions(db: Db): Promise<number> {
  const rows = await db.prisma.$queryRawUnsafe<{ project_id: string; version: number; content: unknown }[]>(
    `SELECT r.project_id, r.version, r.content FROM revision_sections r WHERE ${literalFilter("r")}`,
  );
  let blanked = 0;
  for (const row of rows) {
    const content = cleaned(row.content);
    if (!content) continue;
    await db.prisma.revisionSection.update({
      where: { projectId_key_version: { projectId: row.project_id, key: "alerting", version: row.version } },
      data: { content: JSON.parse(JSON.stringify(content)) },
    });
    blanked++;
  }
  return blanked;
}

/** Moves every stored literal secret to encrypted storage; answers how many sections and revisions changed. */
export async function moveStoredLiteralSecrets(
  context: ServiceContext,
): Promise<{ sections: number; revisions: number }> {
  const sections = await moveCurrentSections(context);
  return { sections, revisions: await blankRevisions(context.db) };
}

const runs = new WeakMap<Db, Promise<void>>();

/**
 * Runs the move once per database handle. A failure (no usable key) is logged once, without any
 * value, and does not stop requests: those secrets stay where they were until the key is fixed.
 */
export function secretsMoved(context: ServiceContext): Promise<void> {
  let run = runs.get(context.db);
  if (!run) {
    run = moveStoredLiteralSecrets(context).then(
      (counts) => {
        if (counts.sections + counts.revisions > 0)
          console.info(
            `secrets: moved imported secrets of ${counts.sections} project(s) to encrypted storage, blanked ${counts.revisions} revision(s)`,
          );
      },
      (error: unknown) => {
        console.error(
          `secrets: could not move stored secrets to encrypted storage: ${(error as Error).message}`,
        );
      },
    );
    runs.set(context.db, run);
  }
  return run;
}
