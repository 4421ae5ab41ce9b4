import { createHash } from "node:crypto";
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/lib/db/client";
import { callRoute, freshDataDir, postJson, type RouteHandler } from "@/lib/testing/route-calls";
import { teamMemberCookie, testOwnerTeamId } from "@/lib/testing/team-member";

/**
 * Personal API tokens through the route handlers: made with a session, then used alone (no
 * cookie) as `Authorization: Bearer obf_…` on the project routes with the user's role; revoked,
 * expired and unknown tokens answered 401 saying which; another user's token not revocable; a
 * token's value in no answer but the one that made it, and only its hash stored.
 */

const dataDir = freshDataDir("obsforge-api-tokens");

const tokens = await import("./tokens/route");
const token = await import("./tokens/[id]/route");
const projects = await import("./projects/route");
const project = await import("./projects/[id]/route");

/** Responses are read as loose JSON, checked by the assertions. */
type Json = any;

/** Every answer after a token was made: none may hold its value. */
const answers: string[] = [];

async function read(response: Response): Promise<{ status: number; body: Json }> {
  const text = await response.text();
  answers.push(text);
  return { status: response.status, body: text === "" ? null : JSON.parse(text) };
}

/** A call with the token alone: no cookie, as the CLI sends it. */
function withToken(
  handler: unknown,
  value: string,
  url: string,
  params: Record<string, unknown> = {},
  init: RequestInit = {},
): Promise<{ status: number; body: Json }> {
  const headers = new Headers(init.headers);
  headers.set("authorization", `Bearer ${value}`);
  const request = new Request(`http://localhost${url}`, { ...init, headers });
  return (handler as RouteHandler)(request, { params: Promise.resolve(params) }).then(read);
}

async function makeToken(
  body: Record<string, unknown>,
  cookie?: string,
): Promise<{ id: string; value: string; body: Json }> {
  const init: RequestInit = {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
  };
  const response = await callRoute(tokens.POST as RouteHandler, {}, "/api/tokens", init);
  expect(response.status, await response.clone().text()).toBe(201);
  const created = (await response.json()) as Json;
  expect(response.headers.get("location")).toBe(`/api/tokens/${created.token.id}`);
  return { id: created.token.id, value: created.value, body: created };
}

let projectId = "";
let viewerCookie = "";

beforeAll(async () => {
  const created = await postJson(projects.POST as RouteHandler, {}, "/api/projects", {
    template: "basic",
    name: "Tokens' project",
  });
  projectId = ((await created.json()) as { id: string }).id;
  viewerCookie = await teamMemberCookie("viewer@obsforge.test", "viewer", await testOwnerTeamId());
});

afterAll(async () => {
  await closeDb();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("personal API tokens over HTTP", () => {
  it("acts as its user on the project routes, without a cookie", async () => {
    const { value } = await makeToken({ name: "CLI" });
    const listed = await withToken(projects.GET, value, "/api/projects");
    expect(listed.status).toBe(200);
    expect(listed.body.map((one: Json) => one.id)).toContain(projectId);
    const one = await withToken(project.GET, value, `/api/projects/${projectId}`, { id: projectId });
    expect(one.status).toBe(200);
    // A write with the owner's token is the owner's write, recorded under their name.
    const body = JSON.stringify({
      version: one.body.version,
      project: { ...one.body.project, name: "Renamed" },
    });
    const saved = await withToken(
      project.PUT,
      value,
      `/api/projects/${projectId}`,
      { id: projectId },
      { method: "PUT", body, headers: { "content-type": "application/json" } },
    );
    expect(saved.status).toBe(200);
    expect(saved.body.project.name).toBe("Renamed");
  });

  it("keeps the user's role: a viewer's token reads and may not write", async () => {
    const { value } = await makeToken({ name: "viewer script" }, viewerCookie);
    const one = await withToken(project.GET, value, `/api/projects/${projectId}`, { id: projectId });
    expect(one.status).toBe(200);
    const body = JSON.stringify({ version: one.body.version, project: one.body.project });
    const refused = await withToken(
      project.PUT,
      value,
      `/api/projects/${projectId}`,
      { id: projectId },
      { method: "PUT", body, headers: { "content-type": "application/json" } },
    );
    expect(refused.status).toBe(403);
  });

  it("answers a revoked, an expired and an unknown token 401, saying which", async () => {
    const revoked = await makeToken({ name: "to revoke" });
    expect((await withToken(projects.GET, revoked.value, "/api/projects")).status).toBe(200);
    const revoke = await read(
      await callRoute(token.DELETE as RouteHandler, { id: revoked.id }, `/api/tokens/${revoked.id}`, {
        method: "DELETE",
      }),
    );
    expect(revoke.status).toBe(200);
    expect(revoke.body.revokedAt).not.toBeNull();
    const afterRevoke = await withToken(projects.GET, revoked.value, "/api/projects");
    expect(afterRevoke).toEqual({
      status: 401,
      body: expect.objectContaining({ error: expect.any(String) }),
    });
    expect(afterRevoke.body.error).toContain("the API token is revoked");

    const expired = await makeToken({ name: "short", expiresInDays: 1 });
    const db = await getDb();
    await db.prisma.apiToken.update({
      where: { id: expired.id },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    const afterExpiry = await withToken(projects.GET, expired.value, "/api/projects");
    expect(afterExpiry.status).toBe(401);
    expect(afterExpiry.body.error).toContain("the API token is expired");

    const unknown = await withToken(projects.GET, `obf_${"x".repeat(43)}`, "/api/projects");
    expect(unknown.status).toBe(401);
    expect(unknown.body.error).toContain("the API token is unknown");
    // Not even a session cookie beside a bad token lets it through: the token is what the caller meant.
    const both = await callRoute(projects.GET as RouteHandler, {}, "/api/projects", {
      headers: { authorization: `Bearer ${revoked.value}` },
    });
    expect(both.status).toBe(401);
  });

  it("lets nobody revoke another user's token (404), and no token manage tokens (403)", async () => {
    const owners = await makeToken({ name: "owner's" });
    const byViewer = await read(
      await callRoute(token.DELETE as RouteHandler, { id: owners.id }, `/api/tokens/${owners.id}`, {
        method: "DELETE",
        headers: { cookie: viewerCookie },
      }),
    );
    expect(byViewer.status).toBe(404);
    expect((await withToken(projects.GET, owners.value, "/api/projects")).status).toBe(200);

    const minted = await withToken(
      tokens.POST,
      owners.value,
      "/api/tokens",
      {},
      {
        method: "POST",
        body: JSON.stringify({ name: "successor" }),
        headers: { "content-type": "application/json" },
      },
    );
    expect(minted.status).toBe(403);
    expect(minted.body.error).toContain("signed-in session");
    expect((await withToken(tokens.GET, owners.value, "/api/tokens")).status).toBe(403);
    const selfRevoke = await withToken(
      token.DELETE,
      owners.value,
      `/api/tokens/${owners.id}`,
      { id: owners.id },
      {
        method: "DELETE",
      },
    );
    expect(selfRevoke.status).toBe(403);
  });

  it("answers 400 naming the field for a bad body; signed out 401", async () => {
    for (const body of [{}, { name: "" }, { name: "x".repeat(101) }, { name: "ok", expiresInDays: 0 }]) {
      const answer = await read(await postJson(tokens.POST as RouteHandler, {}, "/api/tokens", body));
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.issues[0].path, JSON.stringify(body)).toMatch(/^(name|expiresInDays)$/);
    }
    const signedOut = await callRoute(tokens.GET as RouteHandler, {}, "/api/tokens", {
      headers: { cookie: "" },
    });
    expect(signedOut.status).toBe(401);
  });

  it("puts a token's value in no answer but its creation's, and stores only its SHA-256", async () => {
    const made = await makeToken({ name: "kept secret" });
    const list = await read(await callRoute(tokens.GET as RouteHandler, {}, "/api/tokens"));
    expect(list.status).toBe(200);
    const listed = list.body.tokens.find((one: Json) => one.id === made.id);
    expect(listed).toMatchObject({ name: "kept secret", prefix: made.value.slice(0, 10) });
    expect(Object.keys(listed).sort()).toEqual(
      ["createdAt", "expired", "expiresAt", "id", "lastUsedAt", "name", "prefix", "revokedAt"].sort(),
    );
    await withToken(project.GET, made.value, `/api/projects/${projectId}`, { id: projectId });
    const secretPart = made.value.slice(10);
    for (const answer of answers) expect(answer).not.toContain(secretPart);

    const db = await getDb();
    const rows = await db.prisma.$queryRawUnsafe<Record<string, unknown>[]>("SELECT * FROM api_tokens");
    expect(rows.length).toBeGreaterThan(5);
    expect(JSON.stringify(rows)).not.toContain(secretPart);
    const row = rows.find((one) => one.id === made.id);
    expect(row?.token_hash).toBe(createHash("sha256").update(made.value).digest("hex"));
    expect(row?.last_used_at).not.toBeNull();
  });
});
