import "server-only";
import type { Db } from "../../db/client";
import { separateAlertingSecrets, storeSecretValues } from "./secrets";

/**
 * Projects stored before secrets were encrypted kept an import's literal secrets in their alerting
 * section (and in its revisions). When the app starts, before the database serves a request, the
 * values move to encrypted storage and are blanked out of every revision (history keeps the names,
 * not the values). This changes how values are kept, not the project: no version, no revision, so
 * opening or viewing a project never writes one.
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

async function moveCurrentSections(db: Db): Promise<number> {
  const rows = await db.prisma.$queryRawUnsafe<{ project_id: string; content: unknown }[]>(
    `SELECT s.project_id, s.content FROM project_sections s WHERE ${literalFilter("s")}`,
  );
  let moved = 0;
  for (const row of rows) {
    const separated = separateAlertingSecrets(row.content);
    if (separated.secrets.length === 0) continue;
    // In place, in one transaction: where the values are kept changes, the project does not (its
    // content names the same secrets), so there is no new version and no revision to author.
    await db.prisma.$transaction(async (tx) => {
      await storeSecretValues(tx, row.project_id, separated.secrets, null);
      await tx.projectSection.update({
        where: { projectId_key: { projectId: row.project_id, key: "alerting" } },
        data: { content: JSON.parse(JSON.stringify(separated.content)) },
      });
    });
    moved++;
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
export async function moveStoredLiteralSecrets(db: Db): Promise<{ sections: number; revisions: number }> {
  const sections = await moveCurrentSections(db);
  return { sections, revisions: await blankRevisions(db) };
}

/**
 * The start-up task (registered in instrumentation.ts): moves every literal secret before the
 * database serves its first request. A failure (no usable key) is logged without any value; those
 * secrets stay where they were until a start with a usable key.
 */
export async function moveLiteralSecretsAtStart(db: Db): Promise<void> {
  try {
    const counts = await moveStoredLiteralSecrets(db);
    if (counts.sections + counts.revisions > 0)
      console.info(
        `secrets: moved imported secrets of ${counts.sections} project(s) to encrypted storage, blanked ${counts.revisions} revision(s)`,
      );
  } catch (error) {
    console.error(`secrets: could not move stored secrets to encrypted storage: ${(error as Error).message}`);
  }
}
