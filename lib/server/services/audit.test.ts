import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { smallProject } from "../../generate/testdata/small-project";
import * as projects from "../../db/projects";
import { type OpenTestDb, openTestDb, TEST_DRIVERS } from "../../db/testing";
import type { ServiceContext } from "../context";
import { listAudit, recordAudit } from "./audit";
import { downloadBundle } from "./bundle";
import { deleteProject, saveProject } from "./projects";
import { restoreRevision } from "./revisions";
import { clearSecret, setSecret } from "./secrets";

process.env.OBSFORGE_SECRET_KEY = randomBytes(32).toString("base64");

describe.each(TEST_DRIVERS)("the audit log on %s", (driver) => {
  let opened: OpenTestDb;
  let context: ServiceContext;
  beforeAll(async () => {
    opened = await openTestDb(driver);
    context = { actor: { kind: "user", id: "u1", name: "Ada" }, db: opened.db };
  });
  afterAll(() => opened.dispose());

  it("records what the services did, by whom, newest first; a deleted project's entries keep its name", async () => {
    // Stored through the database layer: creating through the service needs a team (lib/server/policy.ts).
    const created = await projects.createProject(opened.db, smallProject());
    const id = created.id;
    await setSecret(context, id, "SLACK_URL", "https://hooks.example/T/B/x");
    await clearSecret(context, id, "SLACK_URL");
    // Clearing what is not set changes nothing, and logs nothing.
    await clearSecret(context, id, "SLACK_URL");
    const saved = await saveProject(context, id, created.version, { ...created.project, name: "renamed" });
    await restoreRevision(context, id, 1);
    const bundle = await downloadBundle(context, id);
    await deleteProject(context, id);

    const entries = (await listAudit(context, { teamId: null, limit: 50 })).filter(
      (entry) => entry.projectId === id,
    );
    expect(entries.map((entry) => [entry.action, entry.target])).toEqual([
      ["project.delete", created.project.name],
      ["bundle.download", bundle.fileName],
      ["project.restore", created.project.name],
      ["secret.clear", "SLACK_URL"],
      ["secret.set", "SLACK_URL"],
    ]);
    expect(entries.every((entry) => entry.actorName === "Ada" && entry.actorId === "u1")).toBe(true);
    expect(entries.find((entry) => entry.action === "project.restore")?.detail).toEqual({
      restoredVersion: 1,
      newVersion: saved.version + 1,
    });
    // The log names secrets, never their values.
    expect(JSON.stringify(entries)).not.toContain("hooks.example");
  });

  it("keeps teams apart and pages by time", async () => {
    const anonymous: ServiceContext = { actor: { kind: "anonymous" }, db: opened.db };
    for (const n of [1, 2, 3])
      await recordAudit(anonymous, {
        action: "account.sign-in-failed",
        target: `user${n}@example.com`,
        teamId: "t1",
      });
    await recordAudit(anonymous, {
      action: "account.sign-in-failed",
      target: "other@example.com",
      teamId: "t2",
    });
    const first = await listAudit(context, { teamId: "t1", limit: 2 });
    expect(first.map((entry) => entry.target)).toEqual(["user3@example.com", "user2@example.com"]);
    expect(first[0]?.actorName).toBeNull();
    const next = await listAudit(context, { teamId: "t1", limit: 2, before: first[1]?.id });
    expect(next.map((entry) => entry.target)).toEqual(["user1@example.com"]);
  });
});
