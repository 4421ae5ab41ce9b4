import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callRoute, freshDataDir, postJson, type RouteHandler } from "@/lib/testing/route-calls";
import { teamMemberCookie, testOwnerTeamId } from "@/lib/testing/team-member";

/**
 * A 409 names who saved the version the stale save ran into, and when (from the revisions), for
 * the conflict review: the whole-project save and a section save, where the section's newer
 * version is the one that last changed it (not necessarily the project's latest), coalesced
 * autosaves included. Alice (an editor) saves; the test owner's stale save learns it was her.
 */

freshDataDir("obsforge-conflict-author");
const projects = (await import("./projects/route")) as unknown as { POST: RouteHandler };
const project = (await import("./projects/[id]/route")) as unknown as {
  PUT: RouteHandler;
  GET: RouteHandler;
};
const settings = (await import("./projects/[id]/settings/route")) as unknown as {
  GET: RouteHandler;
  PUT: RouteHandler;
};

/** An editor of the test owner's team; accounts made for tests are named by their e-mail. */
const ALICE = "alice@obsforge.test";
let alice = "";
let id = "";
let started = 0;

/** A JSON write as Alice (or, without `cookie`, as the test owner). */
function write(handler: RouteHandler, url: string, body: unknown, cookie?: string): Promise<Response> {
  const text = JSON.stringify(body);
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (cookie) headers.cookie = cookie;
  return callRoute(handler, { id }, url, { method: "PUT", body: text, headers });
}

async function settingsNow(): Promise<{ version: number; content: Record<string, unknown> }> {
  return (await callRoute(settings.GET, { id }, `/api/projects/${id}/settings`)).json();
}

function expectRecent(iso: string): void {
  const at = Date.parse(iso);
  expect(at).toBeGreaterThanOrEqual(started - 1000);
  expect(at).toBeLessThanOrEqual(Date.now() + 1000);
}

describe("a 409 names who saved the other version", () => {
  beforeAll(async () => {
    started = Date.now();
    const created = await postJson(projects.POST, {}, "/api/projects", { template: "basic", name: "Shared" });
    expect(created.status).toBe(201);
    id = (await created.json()).id;
    alice = await teamMemberCookie(ALICE, "editor", await testOwnerTeamId());
  }, 120_000);
  afterAll(() => {
    /* the temp dir is left for the OS: PGlite may still hold it open */
  });

  it("on a stale whole-project save: the author and time of the version stored now", async () => {
    const first = await (await callRoute(project.GET, { id }, `/api/projects/${id}`)).json();
    const hers = await write(
      project.PUT,
      `/api/projects/${id}`,
      { version: 1, project: { ...first.project, name: "Shared by Alice" } },
      alice,
    );
    expect(hers.status, await hers.clone().text()).toBe(200);
    const stale = await write(project.PUT, `/api/projects/${id}`, {
      version: 1,
      project: { ...first.project, name: "Lost" },
    });
    expect(stale.status).toBe(409);
    const body = await stale.json();
    expect(body).toMatchObject({ currentVersion: 2, savedBy: { version: 2, author: ALICE } });
    expectRecent(body.savedBy.at);
  });

  it("on a stale section save: who last changed that section, even when the project moved on since", async () => {
    const base = await settingsNow();
    const hers = await write(
      settings.PUT,
      `/api/projects/${id}/settings`,
      { version: base.version, content: { ...base.content, environment: "staging" } },
      alice,
    );
    expect(hers.status, await hers.clone().text()).toBe(200);
    const herVersion = (await hers.json()).version;
    // The owner retitles a dashboard (another section) afterwards: the project's latest is the owner's.
    const latest = await (await callRoute(project.GET, { id }, `/api/projects/${id}`)).json();
    const [board, ...boards] = latest.project.dashboards;
    const retitled = await write(project.PUT, `/api/projects/${id}`, {
      version: latest.version,
      project: { ...latest.project, dashboards: [{ ...board, title: "Retitled by the owner" }, ...boards] },
    });
    expect(retitled.status).toBe(200);

    const stale = await write(settings.PUT, `/api/projects/${id}/settings`, {
      version: base.version,
      content: { ...base.content, environment: "qa" },
    });
    expect(stale.status).toBe(409);
    const body = await stale.json();
    expect(body.currentVersion).toBe(herVersion + 1);
    expect(body.savedBy).toMatchObject({ version: herVersion, author: ALICE });
    expect(body.current.environment).toBe("staging");
    expectRecent(body.savedBy.at);
  });

  it("names the author of autosaves coalesced into one revision", async () => {
    const base = await settingsNow();
    let version = base.version;
    for (const environment of ["one", "two", "three"]) {
      const saved = await write(
        settings.PUT,
        `/api/projects/${id}/settings`,
        { version, content: { ...base.content, environment } },
        alice,
      );
      expect(saved.status).toBe(200);
      version = (await saved.json()).version;
    }
    const stale = await write(settings.PUT, `/api/projects/${id}/settings`, {
      version: base.version,
      content: { ...base.content, environment: "mine" },
    });
    expect(stale.status).toBe(409);
    expect((await stale.json()).savedBy).toMatchObject({ version, author: ALICE });
  });
});
