import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../db/testing";
import { type AppProcess, startAppProcess } from "./app-process";
import { apiRequest, sessionCookie } from "./client";
import { missingSaves, runSectionLoad } from "./section-load";

/**
 * Two app processes on one PostgreSQL, as behind a load balancer, with requests alternating
 * between them: racing saves of a whole project let exactly one per base version win and give
 * the others 409; section saves of different sections all land; nothing is lost.
 */

/** An upper bound that means "hung", far above what the loads take on an idle machine. */
const HUNG = 180_000;

let database: TestDatabase;
let apps: AppProcess[] = [];
const urls = (): string[] => apps.map((app) => app.url);

beforeAll(async () => {
  database = await createTestDatabase();
  // One at a time: the first applies the migrations the second then finds applied.
  apps.push(await startAppProcess({ url: database.url }));
  apps.push(await startAppProcess({ url: database.url }));
});

afterAll(async () => {
  for (const app of apps) await app.stop();
  apps = [];
  await database?.drop();
});

async function newProject(
  name: string,
): Promise<{ id: string; version: number; project: { name: string; dashboards: { uid: string }[] } }> {
  const created = await apiRequest(urls()[0] as string, "/api/projects", {
    method: "POST",
    body: { template: "enterprise", name },
  });
  expect(created.status).toBe(201);
  return created.body;
}

describe("two app processes on one PostgreSQL", () => {
  it("lets exactly one of 6 racing whole-project saves per base version win, the others 409", {
    timeout: HUNG,
  }, async () => {
    const created = await newProject("Racing");
    let version = created.version;
    let project = created.project;
    const rounds = 4;
    for (let round = 1; round <= rounds; round++) {
      const answers = await Promise.all(
        [0, 1, 2, 3, 4, 5].map((client) =>
          apiRequest(urls()[client % 2] as string, `/api/projects/${created.id}`, {
            method: "PUT",
            body: { version, project: { ...project, name: `round ${round} client ${client}` } },
          }),
        ),
      );
      const statuses = answers.map((answer) => answer.status).sort();
      expect(statuses, `round ${round}`).toEqual([200, 409, 409, 409, 409, 409]);
      const winner = answers.find((answer) => answer.status === 200)?.body;
      for (const loser of answers.filter((answer) => answer.status === 409))
        expect(loser.body.currentVersion).toBe(version + 1);
      version = winner.version;
      project = winner.project;
    }
    // Read through the other process: the last winner's save, one revision per win.
    const stored = await apiRequest(urls()[1] as string, `/api/projects/${created.id}`);
    expect(stored.body.version).toBe(1 + rounds);
    expect(stored.body.project.name).toBe(project.name);
    const revisions = await apiRequest(urls()[0] as string, `/api/projects/${created.id}/revisions`);
    expect(revisions.body.length).toBe(1 + rounds);
  });

  it("lands every one of 100 section saves on 10 sections from 10 clients across both", {
    timeout: HUNG,
  }, async () => {
    const created = await newProject("Sections");
    const tenth = await apiRequest(urls()[1] as string, `/api/projects/${created.id}/dashboards`, {
      method: "POST",
      body: { title: "Tenth" },
    });
    expect(tenth.status).toBe(201);
    const latest = await apiRequest(urls()[0] as string, `/api/projects/${created.id}`);
    const uids = (latest.body.project.dashboards as { uid: string }[]).map((d) => d.uid);
    expect(uids.length).toBe(10);
    const result = await runSectionLoad({ apps: urls, projectId: created.id, uids, savesPerClient: 10 });
    expect(result.failures).toEqual([]);
    expect(result.acknowledged.length).toBe(100);
    expect(await missingSaves(urls()[1] as string, created.id, result)).toEqual([]);
    const stored = await apiRequest(urls()[1] as string, `/api/projects/${created.id}`);
    expect(stored.body.version).toBe(latest.body.version + 100);
  });

  it("gives one of two saves of one section, one through each process, a 409 with the section as it is now", async () => {
    const created = await newProject("Same section");
    const section = await apiRequest(
      urls()[0] as string,
      `/api/projects/${created.id}/dashboards/${created.project.dashboards[0]?.uid}`,
    );
    const path = `/api/projects/${created.id}/dashboards/${section.body.content.uid}`;
    const answers = await Promise.all(
      urls().map((url, who) =>
        apiRequest(url, path, {
          method: "PUT",
          body: { version: section.body.version, content: { ...section.body.content, title: `By ${who}` } },
        }),
      ),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const winner = answers.find((answer) => answer.status === 200)?.body;
    const loser = answers.find((answer) => answer.status === 409)?.body;
    expect(loser.currentVersion).toBe(winner.version);
    expect(loser.current.title).toBe(winner.content.title);
  });

  it("accepts a session signed in through one process on the other (sessions are in the database)", async () => {
    const [first, second] = urls() as [string, string];
    const cookie = await sessionCookie(first);
    const withCookie = await apiRequest(second, "/api/projects", { headers: { cookie } });
    expect(withCookie.status).toBe(200);
    // An app without accounts has no session to check; with accounts, no cookie is no entry.
    if (cookie !== "") {
      const without = await apiRequest(second, "/api/projects", { headers: { cookie: "" } });
      expect(without.status).toBe(401);
    }
  });
});
