import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "../processes";
import { type AppProcess, startAppProcess } from "./app-process";
import { apiRequest } from "./client";
import { type PostgresServer, startPostgresServer } from "./postgres-server";
import { missingSaves, runSectionLoad } from "./section-load";

/**
 * PostgreSQL restarted under a load of section saves, with the app in a process of its own that
 * is never restarted: the app recovers by itself, every save it acknowledged is in the database,
 * and every save it did not got a clear answer (503 with Retry-After, or 409): never a 500 or a
 * request left hanging.
 */

let postgres: PostgresServer;
let app: AppProcess;

beforeAll(async () => {
  postgres = startPostgresServer();
  app = await startAppProcess({ url: postgres.url });
});

afterAll(async () => {
  await app?.stop();
  postgres?.remove();
});

describe("PostgreSQL restarted under load", () => {
  it("keeps every acknowledged save and answers the others 503 or 409", { timeout: 180_000 }, async () => {
    const created = await apiRequest(app.url, "/api/projects", {
      method: "POST",
      body: { template: "enterprise", name: "Restarted" },
    });
    expect(created.status).toBe(201);
    const uids = (created.body.project.dashboards as { uid: string }[]).slice(0, 4).map((d) => d.uid);

    let outage: Promise<void> | undefined;
    const result = await runSectionLoad({
      apps: () => [app.url],
      projectId: created.body.id,
      uids,
      savesPerClient: 25,
      onAcknowledged: (sofar) => {
        // A fifth of the way in: stop the server, let the clients meet it down, start it again.
        if (outage || sofar.acknowledged.length < 20) return;
        outage = (async () => {
          postgres.stop();
          await waitFor(
            () => (sofar.failures.some((f) => f.startsWith("503")) ? true : undefined),
            30_000,
            () => `no save met the database down; failures so far: ${sofar.failures.join(", ")}`,
          );
          postgres.start();
        })();
      },
    });
    await outage;

    const unclear = result.failures.filter((f) => !/^(503 retry-after 5|409)$/.test(f));
    expect(unclear, `app output:\n${app.output()}`).toEqual([]);
    expect(result.failures.some((f) => f.startsWith("503"))).toBe(true);
    expect(result.acknowledged.length).toBe(100);
    expect(await missingSaves(app.url, created.body.id, result)).toEqual([]);
    // The same process throughout: it recovered by itself.
    expect(app.process.exitCode).toBeNull();
    expect((await apiRequest(app.url, "/api/health")).status).toBe(200);
  });
});
