import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SHARE_TOKEN_HEADER } from "@/lib/api/share-links-schemas";
import { SHARE_GONE_PAGE } from "@/lib/auth/page-path";
import { getDb } from "@/lib/db/client";
import { isDeadSharePage } from "@/lib/server/services/share-links";
import { callRoute, jsonInit, postJson, type RouteHandler } from "@/lib/testing/route-calls";
import { teamMemberCookie, testOwnerTeamId } from "@/lib/testing/team-member";

// biome-ignore lint/suspicious/noExplicitAny: responses are read as loose JSON, checked by the assertions.
type Json = any;

// Imported once the test file has pointed the app at its database.
const load = async () => ({
  projects: await import("./projects/route"),
  project: await import("./projects/[id]/route"),
  bundle: await import("./projects/[id]/bundle/route"),
  links: await import("./projects/[id]/share-links/route"),
  link: await import("./projects/[id]/share-links/[linkId]/route"),
  secrets: await import("./projects/[id]/secrets/route"),
  templates: await import("./templates/route"),
});
let routes: Awaited<ReturnType<typeof load>>;

const h = (module: unknown): RouteHandler => module as RouteHandler;

/** A call with the share link's token and no session, as the share page makes it. */
function asShare(token: string, init: RequestInit = {}): RequestInit {
  return {
    ...init,
    headers: { ...(init.headers as Record<string, string>), cookie: "", [SHARE_TOKEN_HEADER]: token },
  };
}

function tokenOf(path: string): string {
  const token = /^\/share\/([A-Za-z0-9_-]{43})$/.exec(path)?.[1];
  if (!token) throw new Error(`not a share path: ${path}`);
  return token;
}

async function create(projectId: string, body: unknown = {}, cookie?: string): Promise<Response> {
  const init = jsonInit("POST", body);
  if (cookie !== undefined) init.headers = { ...(init.headers as Record<string, string>), cookie };
  return callRoute(h(routes.links.POST), { id: projectId }, `/api/projects/${projectId}/share-links`, init);
}

/**
 * Read-only share links through the API: the owner makes one and gets its path once; whoever
 * holds the token reads that project (the project, its bundle) and nothing else; editors and
 * viewers cannot make or list links; a revoked link is refused on its very next request.
 */
export function describeShareLinksApi(driver: string): void {
  describe(`share links on ${driver}`, () => {
    let shared = "";
    let other = "";
    let editor = "";
    let viewer = "";

    beforeAll(async () => {
      routes = await load();
      const make = async (name: string): Promise<string> =>
        (
          (await (
            await postJson(h(routes.projects.POST), {}, "/api/projects", { template: "basic", name })
          ).json()) as Json
        ).id;
      shared = await make("Shared");
      other = await make("Not shared");
      const teamId = await testOwnerTeamId();
      editor = await teamMemberCookie(`editor-${driver}@obsforge.test`, "editor", teamId);
      viewer = await teamMemberCookie(`viewer-${driver}@obsforge.test`, "viewer", teamId);
    });

    afterAll(async () => {
      const db = await getDb();
      await db.prisma.shareLink.deleteMany({});
    });

    it("answers the path once, and lists the link without its token", async () => {
      const response = await create(shared, { label: "Payments on-call", expiresInDays: 30 });
      expect(response.status).toBe(201);
      const created = (await response.json()) as Json;
      const token = tokenOf(created.path);
      expect(created.link).toMatchObject({
        label: "Payments on-call",
        createdBy: "Test Owner",
        active: true,
      });
      expect(Date.parse(created.link.expiresAt) - Date.now()).toBeGreaterThan(29 * 24 * 3600 * 1000);
      const listed = await callRoute(
        h(routes.links.GET),
        { id: shared },
        `/api/projects/${shared}/share-links`,
      );
      expect(listed.status).toBe(200);
      const text = await listed.text();
      expect(text).not.toContain(token);
      expect(JSON.parse(text).links).toEqual([created.link]);
      // Only its hash is stored.
      const db = await getDb();
      const rows = await db.prisma.shareLink.findMany({ where: { projectId: shared } });
      expect(JSON.stringify(rows)).not.toContain(token);
      const audit = await db.prisma.auditEvent.findMany({
        where: { projectId: shared, action: "share-link.create" },
      });
      expect(audit).toHaveLength(1);
    });

    it("refuses a label that is too long or an expiry that is not whole days", async () => {
      const long = await create(shared, { label: "x".repeat(201) });
      expect(long.status).toBe(400);
      expect(((await long.json()) as Json).issues[0].path).toBe("label");
      expect((await create(shared, { expiresInDays: 0.5 })).status).toBe(400);
    });

    it("lets its holder read its project and download its bundle, without an account", async () => {
      const created = (await (await create(shared)).json()) as Json;
      const token = tokenOf(created.path);
      const read = await callRoute(
        h(routes.project.GET),
        { id: shared },
        `/api/projects/${shared}`,
        asShare(token),
      );
      expect(read.status).toBe(200);
      expect(((await read.json()) as Json).project.name).toBe("Shared");
      const zip = await callRoute(
        h(routes.bundle.GET),
        { id: shared },
        `/api/projects/${shared}/bundle`,
        asShare(token),
      );
      expect(zip.status).toBe(200);
      expect(zip.headers.get("content-type")).toBe("application/zip");
      // The download is in the team's audit log, naming the link it came through.
      const db = await getDb();
      const downloads = await db.prisma.auditEvent.findMany({
        where: { projectId: shared, action: "bundle.download" },
      });
      expect(downloads.map((entry) => (entry.detail as Json | null)?.shareLink)).toContain(created.link.id);
    });

    it("refuses every write (403), other projects (404) and routes outside the project (401)", async () => {
      const token = tokenOf(((await (await create(shared)).json()) as Json).path);
      const db = await getDb();
      const before = await db.prisma.project.findUniqueOrThrow({ where: { id: shared } });
      const current = (await (
        await callRoute(h(routes.project.GET), { id: shared }, `/api/projects/${shared}`)
      ).json()) as Json;
      const put = await callRoute(
        h(routes.project.PUT),
        { id: shared },
        `/api/projects/${shared}`,
        asShare(token, jsonInit("PUT", { version: current.version, project: current.project })),
      );
      expect(put.status).toBe(403);
      expect(((await put.json()) as Json).error).toContain("read-only");
      const remove = await callRoute(
        h(routes.project.DELETE),
        { id: shared },
        `/api/projects/${shared}`,
        asShare(token, { method: "DELETE" }),
      );
      expect(remove.status).toBe(403);
      const more = await callRoute(
        h(routes.links.POST),
        { id: shared },
        `/api/projects/${shared}/share-links`,
        asShare(token, jsonInit("POST", {})),
      );
      expect(more.status).toBe(403);
      const list = await callRoute(
        h(routes.links.GET),
        { id: shared },
        `/api/projects/${shared}/share-links`,
        asShare(token),
      );
      expect(list.status).toBe(403);
      expect((await db.prisma.project.findUniqueOrThrow({ where: { id: shared } })).version).toBe(
        before.version,
      );

      const elsewhere = await callRoute(
        h(routes.project.GET),
        { id: other },
        `/api/projects/${other}`,
        asShare(token),
      );
      expect(elsewhere.status).toBe(404);
      expect(await elsewhere.text()).not.toContain("Not shared");
      const otherSecrets = await callRoute(
        h(routes.secrets.GET),
        { id: other },
        `/api/projects/${other}/secrets`,
        asShare(token),
      );
      expect(otherSecrets.status).toBe(404);

      const list2 = await callRoute(h(routes.projects.GET), {}, "/api/projects", asShare(token));
      expect(list2.status).toBe(401);
      expect(await list2.text()).not.toContain(shared);
      expect((await callRoute(h(routes.templates.GET), {}, "/api/templates", asShare(token))).status).toBe(
        401,
      );
    });

    it("takes a made-up, malformed or other project's token for none (401)", async () => {
      for (const token of ["A".repeat(43), "short", "", "../../etc"]) {
        const response = await callRoute(
          h(routes.project.GET),
          { id: shared },
          `/api/projects/${shared}`,
          asShare(token),
        );
        expect(response.status, token).toBe(401);
      }
    });

    it("stops a revoked link at its next request", async () => {
      const created = (await (await create(shared, { label: "to revoke" })).json()) as Json;
      const token = tokenOf(created.path);
      const url = `/api/projects/${shared}`;
      expect(await isDeadSharePage(await getDb(), `/share/${token}?x=1`)).toBe(false);
      expect((await callRoute(h(routes.project.GET), { id: shared }, url, asShare(token))).status).toBe(200);
      const revoked = await callRoute(
        h(routes.link.DELETE),
        { id: shared, linkId: created.link.id },
        `${url}/share-links/${created.link.id}`,
        { method: "DELETE" },
      );
      expect(revoked.status).toBe(200);
      expect(((await revoked.json()) as Json).active).toBe(false);
      expect((await callRoute(h(routes.project.GET), { id: shared }, url, asShare(token))).status).toBe(401);
      // Its page goes to the "revoked" page (answered 404) before it renders.
      const db0 = await getDb();
      expect(await isDeadSharePage(db0, `/share/${token}`)).toBe(true);
      expect(await isDeadSharePage(db0, SHARE_GONE_PAGE)).toBe(false);
      expect(await isDeadSharePage(db0, "/sign-in")).toBe(false);
      // Revoking again changes nothing; the audit log has it once.
      const again = await callRoute(
        h(routes.link.DELETE),
        { id: shared, linkId: created.link.id },
        `${url}/share-links/${created.link.id}`,
        {
          method: "DELETE",
        },
      );
      expect(again.status).toBe(200);
      const db = await getDb();
      const audit = await db.prisma.auditEvent.findMany({
        where: { projectId: shared, action: "share-link.revoke" },
      });
      expect(audit).toHaveLength(1);
      // A link of another project cannot be revoked through this one.
      const elsewhere = await callRoute(
        h(routes.link.DELETE),
        { id: other, linkId: created.link.id },
        `/api/projects/${other}/share-links/${created.link.id}`,
        { method: "DELETE" },
      );
      expect(elsewhere.status).toBe(404);
    });

    it("stops an expired link", async () => {
      const created = (await (await create(shared, { expiresInDays: 1 })).json()) as Json;
      const db = await getDb();
      await db.prisma.shareLink.update({
        where: { id: created.link.id },
        data: { expiresAt: new Date(Date.now() - 1000) },
      });
      const response = await callRoute(
        h(routes.project.GET),
        { id: shared },
        `/api/projects/${shared}`,
        asShare(tokenOf(created.path)),
      );
      expect(response.status).toBe(401);
    });

    it("lets only owners make, list and revoke links (editors and viewers: 403)", async () => {
      const created = (await (await create(shared)).json()) as Json;
      for (const cookie of [editor, viewer]) {
        expect((await create(shared, {}, cookie)).status).toBe(403);
        const list = await callRoute(
          h(routes.links.GET),
          { id: shared },
          `/api/projects/${shared}/share-links`,
          { headers: { cookie } },
        );
        expect(list.status).toBe(403);
        const revoke = await callRoute(
          h(routes.link.DELETE),
          { id: shared, linkId: created.link.id },
          `/api/projects/${shared}/share-links/${created.link.id}`,
          { method: "DELETE", headers: { cookie } },
        );
        expect(revoke.status).toBe(403);
      }
      // The viewer still reads the project itself.
      expect(
        (
          await callRoute(h(routes.project.GET), { id: shared }, `/api/projects/${shared}`, {
            headers: { cookie: viewer },
          })
        ).status,
      ).toBe(200);
    });

    it("goes with its project", async () => {
      const created = (await (await create(other)).json()) as Json;
      const response = await callRoute(h(routes.project.DELETE), { id: other }, `/api/projects/${other}`, {
        method: "DELETE",
      });
      expect(response.status).toBeLessThan(300);
      const read = await callRoute(
        h(routes.project.GET),
        { id: other },
        `/api/projects/${other}`,
        asShare(tokenOf(created.path)),
      );
      expect([401, 404]).toContain(read.status);
    });
  });
}
