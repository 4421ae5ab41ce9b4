import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTempDir } from "../../tools/files";
import { type AppProcess, startAppProcess } from "./app-process";
import { apiRequest } from "./client";
import { missingSaves, runSectionLoad } from "./section-load";

/**
 * The embedded database (PGlite) killed with its app process (SIGKILL: no shutdown code runs)
 * while section saves are under way, then a new process started on the same data directory: the
 * database opens, and every save the killed process acknowledged is there. Twice, so the second
 * kill meets a database that was itself recovered from a kill.
 */

const dataDir = makeTempDir("obsforge-pglite-kill-");
const apps: AppProcess[] = [];

let first: AppProcess;

// A fresh embedded database is created and migrated on first start: slow, and not what is tested.
beforeAll(async () => {
  first = await start();
});

afterAll(async () => {
  for (const app of apps) await app.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(): Promise<AppProcess> {
  const app = await startAppProcess({ dataDir });
  apps.push(app);
  return app;
}

describe("embedded database killed during saves", () => {
  it("opens again on the same data directory with every acknowledged save", {
    timeout: 180_000,
  }, async () => {
    let app = first;
    const created = await apiRequest(app.url, "/api/projects", {
      method: "POST",
      body: { template: "enterprise", name: "Killed" },
    });
    expect(created.status).toBe(201);
    const projectId: string = created.body.id;
    const uids = (created.body.project.dashboards as { uid: string }[]).slice(0, 4).map((d) => d.uid);

    for (const round of [1, 2]) {
      const running = app;
      let killing: Promise<void> | undefined;
      const result = await runSectionLoad({
        apps: () => [running.url],
        projectId,
        uids,
        savesPerClient: 25,
        stopOnNoAnswer: true,
        onAcknowledged: (sofar) => {
          if (!killing && sofar.acknowledged.length >= 12) killing = running.kill("SIGKILL");
        },
      });
      await killing;
      expect(running.process.signalCode, `round ${round}`).toBe("SIGKILL");
      // Saves in flight when the process died got no answer; nothing else went wrong.
      expect(result.failures.filter((f) => f !== "no answer")).toEqual([]);
      expect(result.acknowledged.length).toBeGreaterThanOrEqual(12);

      app = await start();
      expect(await missingSaves(app.url, projectId, result), `round ${round}`).toEqual([]);
    }
    // And the recovered database takes saves again.
    const after = await runSectionLoad({ apps: () => [app.url], projectId, uids, savesPerClient: 2 });
    expect(after.failures).toEqual([]);
    expect(await missingSaves(app.url, projectId, after)).toEqual([]);
  });
});
