import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import * as projects from "../../db/projects";
import { type OpenTestDb, openTestDb } from "../../db/testing";
import { importAlertmanagerConfig, importedSecrets } from "../../import/alertmanager";
import type { ServiceContext } from "../context";
import { revealSecretForSending } from "./secrets";
import { moveStoredLiteralSecrets } from "./secrets-migration";

process.env.OBSFORGE_SECRET_KEY = randomBytes(32).toString("base64");

const conf = parse(
  readFileSync(
    path.join(
      import.meta.dirname,
      "../../import/testdata/alertmanager/prometheus-alertmanager-conf-good.yml",
    ),
    "utf8",
  ),
);

describe.each(["pglite", "postgres"] as const)("moving stored literal secrets on %s", (driver) => {
  let opened: OpenTestDb;
  beforeAll(async () => {
    opened = await openTestDb(driver);
  });
  afterAll(() => opened.dispose());

  it("moves a project's stored values to encrypted storage and blanks them in its history, once, without a new version", async () => {
    const { alerting } = importAlertmanagerConfig(conf);
    const literals = importedSecrets(alerting).filter((secret) => secret.value !== "Sample_route");
    // Stored as the app stored imports before secrets were encrypted: through the database layer.
    const record = await projects.createProject(opened.db, { name: "old", ...alerting });
    const context: ServiceContext = { actor: { kind: "anonymous" }, db: opened.db };

    expect(await moveStoredLiteralSecrets(opened.db)).toEqual({ sections: 1, revisions: 1 });
    const sections = await opened.db.prisma.$queryRawUnsafe<unknown[]>(
      "SELECT content FROM project_sections",
    );
    const revisions = await opened.db.prisma.$queryRawUnsafe<unknown[]>(
      "SELECT content FROM revision_sections",
    );
    for (const text of [JSON.stringify(sections), JSON.stringify(revisions)])
      for (const secret of literals) expect(text).not.toContain(`:${JSON.stringify(secret.value)}`);
    expect(await revealSecretForSending(context, record.id, "TEAM_X_PAGER_PAGERDUTY_ROUTING_KEY")).toBe(
      "mysecret",
    );
    expect(await revealSecretForSending(context, record.id, "ALERTMANAGER_SMTP_AUTH_PASSWORD")).toBe(
      "multiline\nmysecret",
    );
    // Where the values are kept changed, the project did not: no new version, no revision.
    const latest = await projects.getProject(opened.db, record.id);
    expect(latest?.version).toBe(record.version);
    expect(await opened.db.prisma.revision.count({ where: { projectId: record.id } })).toBe(1);
    expect(await moveStoredLiteralSecrets(opened.db)).toEqual({ sections: 0, revisions: 0 });
  });
});
