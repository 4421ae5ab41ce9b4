import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SHARE_TOKEN_HEADER } from "@/lib/api/share-links-schemas";
import { authFor } from "@/lib/auth/auth";
import { closeDb, getDb } from "@/lib/db/client";
import { projectActionOf } from "@/lib/server/policy";
import { findApiRoutes } from "@/lib/testing/faults/api-routes";
import { callRoute, freshDataDir, postJson, type RouteHandler } from "@/lib/testing/route-calls";
import { teamMemberCookie } from "@/lib/testing/team-member";
import { TEST_OWNER, testOwnerCookie } from "@/lib/testing/test-user";

/**
 * Every API route file found on disk (a new route cannot be forgotten) × every method it exports ×
 * {owner, editor, viewer, a viewer's personal API token, signed out, member of another team,
 * holder of a share link of the project}: the status says who may do what, and a refused call
 * leaves the project as it was. Viewers and share links look and preview; editors also change;
 * owners also manage secrets and share links, and delete. A share link opens nothing outside its
 * project (401); an API token is its user but may not manage tokens (403). Nothing leaves the
 * machine: outgoing calls may only go to 127.0.0.1:1, where nothing listens.
 */

const API_DIR = path.resolve(import.meta.dirname);
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const OPEN_ROUTES = new Set(["health", "openapi.json", "auth/[...all]"]);

const dataDir = freshDataDir("obsforge-authorization");
process.env.OBSFORGE_ALLOW_PRIVATE_NETWORKS = "0";
process.env.OBSFORGE_ALLOWED_HOSTS = "127.0.0.1:1";

const calls = findApiRoutes(API_DIR)
  .map((route) => ({ ...route, name: route.segments.join("/") }))
  .filter((route) => !OPEN_ROUTES.has(route.name))
  .flatMap((route) => {
    const source = readFileSync(route.file, "utf8");
    return METHODS.filter((method) =>
      new RegExp(`export (const|async function) ${method}\\b`).test(source),
    ).map((method) => ({ ...route, method }));
  });

type Role = "owner" | "editor" | "viewer" | "viewer token" | "outsider" | "signed out" | "share link";
/** What each role's requests carry: a session cookie, none, a share link's token, or a viewer's API token. */
const credentials = {} as Record<Role, Record<string, string>>;
let projectId = "";

async function invite(email: string, role: "editor" | "viewer" | "owner", teamId: string): Promise<void> {
  credentials[email.split("@")[0] as Role] = { cookie: await teamMemberCookie(email, role, teamId) };
}

function paramsOf(segments: string[]): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const segment of segments) {
    const name = /^\[(?:\.\.\.)?(\w+)\]$/.exec(segment)?.[1];
    if (!name) continue;
    if (segment.startsWith("[...")) params[name] = ["query"];
    else if (name === "id") params.id = projectId;
    else if (name === "version") params.version = "1";
    else params[name] = "f00d";
  }
  return params;
}

function urlOf(segments: string[], params: Record<string, unknown>): string {
  return `/api/${segments
    .map((segment) => {
      const name = /^\[(?:\.\.\.)?(\w+)\]$/.exec(segment)?.[1];
      const value = name ? params[name] : segment;
      return Array.isArray(value) ? value.join("/") : String(value);
    })
    .join("/")}`;
}

async function storedVersion(): Promise<number | undefined> {
  const db = await getDb();
  return (await db.prisma.project.findUnique({ where: { id: projectId }, select: { version: true } }))
    ?.version;
}

beforeAll(async () => {
  const db = await getDb();
  const ownerCookie = await testOwnerCookie();
  credentials.owner = { cookie: ownerCookie };
  credentials["signed out"] = { cookie: "" };
  const projects = await import("./projects/route");
  const created = (await (
    await postJson(projects.POST as RouteHandler, {}, "/api/projects", {
      template: "basic",
      name: "Team A's",
    })
  ).json()) as { id: string };
  projectId = created.id;
  const team = await db.prisma.member.findFirstOrThrow({
    where: { user: { email: TEST_OWNER.email } },
    select: { organizationId: true },
  });
  await invite("editor@obsforge.test", "editor", team.organizationId);
  await invite("viewer@obsforge.test", "viewer", team.organizationId);
  const other = await authFor(db).api.createOrganization({
    headers: new Headers({ cookie: ownerCookie }),
    body: { name: "Team B", slug: "team-b" },
  });
  await invite("outsider@obsforge.test", "owner", other.id);
  // The owner leaves team B: the outsider is its only member.
  await db.prisma.member.deleteMany({
    where: { organizationId: other.id, user: { email: TEST_OWNER.email } },
  });
  const shareLinks = await import("./projects/[id]/share-links/route");
  const link = (await (
    await postJson(
      shareLinks.POST as RouteHandler,
      { id: projectId },
      `/api/projects/${projectId}/share-links`,
      {},
    )
  ).json()) as { path: string };
  credentials["share link"] = { cookie: "", [SHARE_TOKEN_HEADER]: link.path.replace("/share/", "") };
  const tokens = await import("./tokens/route");
  const made = await callRoute(tokens.POST as RouteHandler, {}, "/api/tokens", {
    method: "POST",
    body: JSON.stringify({ name: "viewer's script" }),
    headers: { "content-type": "application/json", cookie: credentials.viewer.cookie ?? "" },
  });
  const { value } = (await made.json()) as { value: string };
  credentials["viewer token"] = { cookie: "", authorization: `Bearer ${value}` };
});

afterAll(async () => {
  await closeDb();
  rmSync(dataDir, { recursive: true, force: true });
  delete process.env.OBSFORGE_ALLOW_PRIVATE_NETWORKS;
  delete process.env.OBSFORGE_ALLOWED_HOSTS;
});

/** The status each role must get, or "allowed" (anything but 401, 403 and a 404 hiding the project). */
function expected(role: Role, call: (typeof calls)[number]): number | "allowed" {
  if (role === "signed out") return 401;
  // A personal API token acts as its user, except that tokens are managed from a session only.
  if (role === "viewer token") return call.segments[0] === "tokens" ? 403 : expected("viewer", call);
  const onProject = call.segments[0] === "projects" && call.segments[1] === "[id]";
  if (!onProject) return role === "share link" ? 401 : "allowed";
  if (role === "outsider") return 404;
  if (role === "owner") return "allowed";
  const action = projectActionOf(call.method, urlOf(call.segments, paramsOf(call.segments)));
  if (action === "read") return "allowed";
  if (role === "share link") return 403;
  return role === "editor" && action === "write" ? "allowed" : 403;
}

describe("authorization of every API route", () => {
  it("finds the routes on disk", () => {
    expect(calls.length).toBeGreaterThan(30);
  });

  // The owner goes last: its calls may change or delete the project.
  describe.each([
    "signed out",
    "share link",
    "outsider",
    "viewer token",
    "viewer",
    "editor",
    "owner",
  ] as const)("as %s", (role) => {
    it.each(calls.map((call) => ({ ...call, label: `${call.method} /api/${call.name}` })))(
      "$label",
      async (call) => {
        if (role === "owner" && call.method === "DELETE" && call.name === "projects/[id]") return;
        const module = (await import(call.file)) as Record<string, RouteHandler>;
        const params = paramsOf(call.segments);
        const before = await storedVersion();
        const init: RequestInit = { method: call.method, headers: { ...credentials[role] } };
        if (call.method !== "GET" && call.method !== "DELETE") {
          init.body = "{}";
          init.headers = { ...init.headers, "content-type": "application/json", "content-length": "2" };
        }
        const response = await callRoute(
          module[call.method] as RouteHandler,
          params,
          urlOf(call.segments, params),
          init,
        );
        const want = expected(role, call);
        const body = await response.text();
        if (want === "allowed") {
          expect([401, 403], `${call.method} ${call.name}: ${body.slice(0, 200)}`).not.toContain(
            response.status,
          );
          if (response.status === 404) expect(body).not.toContain(`no project "${projectId}"`);
        } else {
          expect(response.status, `${call.method} ${call.name}: ${body.slice(0, 200)}`).toBe(want);
          expect(await storedVersion()).toBe(before);
        }
        if (
          (role === "outsider" || role === "share link") &&
          call.method === "GET" &&
          call.name === "projects"
        ) {
          expect(body).not.toContain(projectId);
        }
      },
    );
  });
});
