import { beforeAll, describe, expect, it } from "vitest";
import { TEST_OWNER } from "@/lib/testing/test-user";
import { call, jsonInit } from "./testing/route-calls";

// biome-ignore lint/suspicious/noExplicitAny: responses are read as loose JSON, checked by the assertions.
type Json = any;

/**
 * The section resources, called as Next.js calls them, over whichever database the importing test
 * file set up (PGlite or PostgreSQL: getDb() is one per process, so each driver has its own file).
 * Two editors of different sections never conflict; two of the same section do, and the loser
 * gets the section as it is now; nothing is ever lost, however the saves race.
 */
export function describeSectionsApi(driver: string): void {
  describe(`section resources on ${driver}`, () => {
    let projects: typeof import("./projects/route");
    let project: typeof import("./projects/[id]/route");
    let dashboards: typeof import("./projects/[id]/dashboards/route");
    let dashboard: typeof import("./projects/[id]/dashboards/[uid]/route");
    let ruleGroups: typeof import("./projects/[id]/rule-groups/route");
    let ruleGroup: typeof import("./projects/[id]/rule-groups/[name]/route");
    let settings: typeof import("./projects/[id]/settings/route");
    let alerting: typeof import("./projects/[id]/alerting/route");
    let revisions: typeof import("./projects/[id]/revisions/route");
    let revision: typeof import("./projects/[id]/revisions/[version]/route");
    // Imported once the test file has chosen the database: lib/env reads it when loaded.
    beforeAll(async () => {
      projects = await import("./projects/route");
      project = await import("./projects/[id]/route");
      dashboards = await import("./projects/[id]/dashboards/route");
      dashboard = await import("./projects/[id]/dashboards/[uid]/route");
      ruleGroups = await import("./projects/[id]/rule-groups/route");
      ruleGroup = await import("./projects/[id]/rule-groups/[name]/route");
      settings = await import("./projects/[id]/settings/route");
      alerting = await import("./projects/[id]/alerting/route");
      revisions = await import("./projects/[id]/revisions/route");
      revision = await import("./projects/[id]/revisions/[version]/route");
    });

    async function newProject(): Promise<{ id: string; version: number; project: Json }> {
      const response = await call(
        projects.POST,
        {},
        jsonInit("POST", { template: "enterprise", name: "Shop" }),
      );
      expect(response.status).toBe(201);
      return response.json();
    }

    async function getDashboard(id: string, uid: string): Promise<Json> {
      const response = await call(dashboard.GET, { id, uid });
      expect(response.status).toBe(200);
      return response.json();
    }

    function putDashboard(id: string, uid: string, version: number, content: unknown, message?: string) {
      return call(dashboard.PUT, { id, uid }, jsonInit("PUT", { version, content, message }));
    }

    async function latest(id: string): Promise<Json> {
      return (await call(project.GET, { id })).json();
    }

    it("reads one dashboard with the version to save it from", async () => {
      const created = await newProject();
      const uid = created.project.dashboards[0].uid;
      const section = await getDashboard(created.id, uid);
      expect(section).toEqual({ version: 1, sectionVersion: 1, content: created.project.dashboards[0] });
      expect((await call(dashboard.GET, { id: created.id, uid: "nope" })).status).toBe(404);
      const missingProject = await call(dashboard.GET, { id: "doesnotexist0000000000000", uid });
      expect(missingProject.status).toBe(404);
      expect((await missingProject.json()).error).toContain("no project");
    });

    it("lands concurrent saves of two dashboards from the same base, both kept", async () => {
      const created = await newProject();
      const [a, b] = created.project.dashboards;
      const [first, second] = await Promise.all([
        putDashboard(created.id, a.uid, 1, { ...a, title: "Edited by Ana" }),
        putDashboard(created.id, b.uid, 1, { ...b, title: "Edited by Bo" }),
      ]);
      expect([first.status, second.status]).toEqual([200, 200]);
      const stored = await latest(created.id);
      expect(stored.version).toBe(3);
      expect(stored.project.dashboards[0].title).toBe("Edited by Ana");
      expect(stored.project.dashboards[1].title).toBe("Edited by Bo");
    });

    it("gives one of two concurrent saves of one dashboard a 409 with the dashboard as it is now", async () => {
      const created = await newProject();
      const [a] = created.project.dashboards;
      const responses = await Promise.all(
        ["Ana", "Bo"].map((who) => putDashboard(created.id, a.uid, 1, { ...a, title: `Edited by ${who}` })),
      );
      const statuses = responses.map((response) => response.status).sort();
      expect(statuses).toEqual([200, 409]);
      const loser = responses.find((response) => response.status === 409);
      const winner = responses.find((response) => response.status === 200);
      const conflict = await loser?.json();
      const saved = await winner?.json();
      expect(conflict).toMatchObject({ currentVersion: 2 });
      expect(conflict.current.title).toBe(saved.content.title);
      expect((await latest(created.id)).project.dashboards[0].title).toBe(saved.content.title);
    });

    it("keeps another section's change when a section is saved from an older base", async () => {
      const created = await newProject();
      const settingsNow = await (await call(settings.GET, { id: created.id })).json();
      const put = await call(
        settings.PUT,
        { id: created.id },
        jsonInit("PUT", {
          version: 1,
          content: { ...settingsNow.content, retention: { metrics: "45d", logs: "30d" } },
        }),
      );
      expect(put.status).toBe(200);
      const [a] = created.project.dashboards;
      const response = await putDashboard(created.id, a.uid, 1, { ...a, title: "Later" });
      expect(response.status).toBe(200);
      const stored = await latest(created.id);
      expect(stored.project.retention.metrics).toBe("45d");
      expect(stored.project.dashboards[0].title).toBe("Later");
      expect((await response.json()).version).toBe(3);
    });

    it("loses nothing when 200 saves race on 10 sections", async () => {
      const created = await newProject();
      // The enterprise level has nine dashboards; a blank one makes ten sections.
      await call(dashboards.POST, { id: created.id }, jsonInit("POST", { title: "Tenth" }));
      const uids: string[] = (await latest(created.id)).project.dashboards.map((d: { uid: string }) => d.uid);
      expect(uids.length).toBe(10);
      // Each of 10 writers saves its own dashboard 20 times, each time from the version its last
      // save returned, with the description counting its saves; they all run at once.
      const writers = uids.map(async (uid) => {
        let section = await getDashboard(created.id, uid);
        for (let n = 1; n <= 20; n++) {
          const response = await putDashboard(created.id, uid, section.version, {
            ...section.content,
            description: `save ${n}`,
          });
          expect(response.status).toBe(200);
          section = await response.json();
        }
      });
      await Promise.all(writers);
      const stored = await latest(created.id);
      expect(stored.version).toBe(202);
      for (const uid of uids) {
        const saved = stored.project.dashboards.find((d: { uid: string }) => d.uid === uid);
        expect(saved.description).toBe("save 20");
      }
    });

    it("writes nothing when the section is unchanged: viewing never writes", async () => {
      const created = await newProject();
      const [a] = created.project.dashboards;
      const response = await putDashboard(created.id, a.uid, 1, a);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ version: 1, changed: false });
      expect((await latest(created.id)).version).toBe(1);
    });

    it("answers an invalid section with 422 and paths inside the section", async () => {
      const created = await newProject();
      const [a] = created.project.dashboards;
      const broken = {
        ...a,
        panels: a.panels.map((p: Json, i: number) =>
          i === 0 ? { ...p, gridPos: { ...p.gridPos, w: 99 } } : p,
        ),
      };
      const response = await putDashboard(created.id, a.uid, 1, broken);
      expect(response.status).toBe(422);
      const body = await response.json();
      expect(body.issues[0]).toMatchObject({ severity: "error", section: true });
      expect(body.issues[0].path).toMatch(/^panels\[0\]\.gridPos/);
      const renamed = await putDashboard(created.id, a.uid, 1, { ...a, uid: "other-uid" });
      expect(renamed.status).toBe(422);
      expect((await renamed.json()).issues[0].path).toBe("uid");
      expect((await latest(created.id)).version).toBe(1);
    });

    it("coalesces one author's autosaves of one section into one revision that says what changed", async () => {
      const created = await newProject();
      const [a, b] = created.project.dashboards;
      let version = 1;
      for (const title of ["One", "Two", "Three"]) {
        const response = await putDashboard(created.id, a.uid, version, { ...a, title });
        version = (await response.json()).version;
      }
      let list = await (await call(revisions.GET, { id: created.id })).json();
      expect(list.map((r: { version: number }) => r.version)).toEqual([4, 1]);
      expect(list[0].changes).toEqual([
        expect.objectContaining({ key: `dashboard:${a.uid}`, change: "changed" }),
      ]);
      // The signed-in test account is the author.
      expect(list[0].author).toBe(TEST_OWNER.name);
      // Another section starts a revision; so does a save with a message.
      await putDashboard(created.id, b.uid, version, { ...b, title: "Other" });
      await putDashboard(created.id, a.uid, 5, { ...a, title: "Four" }, "named save");
      await putDashboard(created.id, a.uid, 6, { ...a, title: "Five" });
      list = await (await call(revisions.GET, { id: created.id })).json();
      expect(list.map((r: { version: number }) => r.version)).toEqual([7, 6, 5, 4, 1]);
      expect(list[1].message).toBe("named save");
      // A coalesced revision reads back as the project at its version.
      const at4 = await (await call(revision.GET, { id: created.id, version: "4" })).json();
      expect(at4.project.dashboards[0].title).toBe("Three");
      expect(at4.project.dashboards[1].title).toBe(b.title);
      const at5 = await (await call(revision.GET, { id: created.id, version: "5" })).json();
      expect(at5.project.dashboards[1].title).toBe("Other");
    });

    it("adds a blank dashboard and one from the catalog, and deletes one with its base version", async () => {
      const created = await (
        await call(projects.POST, {}, jsonInit("POST", { empty: true, name: "Blank" }))
      ).json();
      const blank = await call(dashboards.POST, { id: created.id }, jsonInit("POST", { title: "My board" }));
      expect(blank.status).toBe(201);
      const blankBody = await blank.json();
      expect(blankBody.content).toMatchObject({ uid: "my-board", title: "My board", panels: [] });
      const again = await call(dashboards.POST, { id: created.id }, jsonInit("POST", { title: "My board" }));
      expect((await again.json()).content.uid).toBe("my-board-2");

      const fromCatalog = await call(
        dashboards.POST,
        { id: created.id },
        jsonInit("POST", { template: "operations" }),
      );
      expect(fromCatalog.status).toBe(201);
      const stored = await latest(created.id);
      expect(stored.project.dashboards.map((d: { uid: string }) => d.uid)).toContain(
        (await fromCatalog.json()).content.uid,
      );
      // The catalog dashboard brought the Prometheus datasource it queries.
      expect(stored.project.datasources.some((d: { type: string }) => d.type === "prometheus")).toBe(true);
      const unknown = await call(dashboards.POST, { id: created.id }, jsonInit("POST", { template: "nope" }));
      expect(unknown.status).toBe(404);

      // Deciding to delete from a version before the dashboard was last saved is a conflict.
      const stale = await call(
        dashboard.DELETE,
        { id: created.id, uid: "my-board" },
        { method: "DELETE" },
        "http://localhost/api?version=1",
      );
      expect(stale.status).toBe(409);
      const board = await getDashboard(created.id, "my-board");
      const deleted = await call(
        dashboard.DELETE,
        { id: created.id, uid: "my-board" },
        { method: "DELETE" },
        `http://localhost/api?version=${board.version}`,
      );
      expect(deleted.status).toBe(200);
      expect((await latest(created.id)).project.dashboards.map((d: { uid: string }) => d.uid)).not.toContain(
        "my-board",
      );
      const noVersion = await call(
        dashboard.DELETE,
        { id: created.id, uid: "my-board-2" },
        { method: "DELETE" },
      );
      expect(noVersion.status).toBe(400);
    });

    it("adds, saves and deletes rule groups; saves the alerting configuration", async () => {
      const created = await newProject();
      const refused = await call(
        ruleGroups.POST,
        { id: created.id },
        jsonInit("POST", { group: { name: "team rules", interval: "5x", rules: [] } }),
      );
      expect(refused.status).toBe(422);
      expect((await refused.json()).issues[0]).toMatchObject({ path: "interval", section: true });
      const added = await call(ruleGroups.POST, { id: created.id }, jsonInit("POST", { name: "team.rules" }));
      expect(added.status).toBe(201);
      const group = await (await call(ruleGroup.GET, { id: created.id, name: "team.rules" })).json();
      expect(group.content).toMatchObject({ name: "team.rules", rules: [] });
      const alertingNow = await (await call(alerting.GET, { id: created.id })).json();
      const response = await call(
        alerting.PUT,
        { id: created.id },
        jsonInit("PUT", {
          version: alertingNow.version,
          content: { ...alertingNow.content, inhibitRules: [] },
        }),
      );
      expect(response.status).toBe(200);
      expect((await latest(created.id)).project.inhibitRules).toEqual([]);
      const deleted = await call(
        ruleGroup.DELETE,
        { id: created.id, name: "team.rules" },
        { method: "DELETE" },
        `http://localhost/api?version=${group.version}`,
      );
      expect(deleted.status).toBe(200);
      expect((await call(ruleGroup.GET, { id: created.id, name: "team.rules" })).status).toBe(404);
    });
  });
}
