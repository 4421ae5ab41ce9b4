import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../db/testing";
import { freePort, waitFor } from "../processes";
import { type AppProcess, startAppProcess } from "./app-process";
import { apiRequest } from "./client";
import { runSectionLoad } from "./section-load";

/**
 * Prometheus and Alertmanager down or slow, seen through an app process: a project whose preview
 * and Alertmanager URLs name a closed loopback port, a server that accepts connections and never
 * answers, and one that answers slowly but within the timeout. The preview and live-alert routes
 * answer a clear error within their timeout (502 unreachable, 504 timeout), never a hang, and the
 * slow one's answer arrives; meanwhile section saves go on.
 */

let database: TestDatabase;
let app: AppProcess;
const servers: Server[] = [];
/** Requests the never-answering server holds open right now. */
let stuck = 0;

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** What a Prometheus and an Alertmanager with nothing to say answer, after `delayMs`. */
function slowUpstream(delayMs: number): Server {
  return createServer((request, response) => {
    const body = request.url?.startsWith("/api/v2/")
      ? []
      : { status: "success", data: { resultType: "vector", result: [] } };
    setTimeout(() => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    }, delayMs).unref();
  });
}

const upstream: Record<"closed" | "silent" | "slow", string> = { closed: "", silent: "", slow: "" };

beforeAll(async () => {
  upstream.closed = `http://127.0.0.1:${await freePort()}`;
  upstream.silent = await listen(
    createServer((request) => {
      stuck++;
      request.socket.once("close", () => stuck--);
    }),
  );
  upstream.slow = await listen(slowUpstream(2000));
  database = await createTestDatabase();
  app = await startAppProcess({ url: database.url });
});

afterAll(async () => {
  await app?.stop();
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
  await database?.drop();
});

/** A project previewing against `url` and reading live alerts from it too. */
async function projectAgainst(url: string, name: string): Promise<string> {
  const created = await apiRequest(app.url, "/api/projects", {
    method: "POST",
    body: { template: "basic", name },
  });
  expect(created.status).toBe(201);
  const { project } = created.body;
  const datasources = project.datasources.map((ds: { type: string }) =>
    ds.type === "prometheus" ? { ...ds, previewUrl: url } : ds,
  );
  const saved = await apiRequest(app.url, `/api/projects/${created.body.id}`, {
    method: "PUT",
    body: { version: created.body.version, project: { ...project, datasources, alertmanagerUrl: url } },
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  return created.body.id;
}

describe("Prometheus and Alertmanager down or slow", () => {
  it("answers preview and live alerts with a clear error or the slow answer, while saves go on", {
    timeout: 180_000,
  }, async () => {
    const ids = {
      closed: await projectAgainst(upstream.closed, "Closed"),
      silent: await projectAgainst(upstream.silent, "Silent"),
      slow: await projectAgainst(upstream.slow, "Slow"),
    };
    const edited = await apiRequest(app.url, "/api/projects", {
      method: "POST",
      body: { template: "enterprise", name: "Edited meanwhile" },
    });
    const calls = (id: string) => ({
      preview: apiRequest(app.url, `/api/projects/${id}/preview/query?query=up`),
      alerts: apiRequest(app.url, `/api/projects/${id}/live/alerts`),
    });
    const silent = calls(ids.silent);
    // Saves while the app waits on the server that never answers.
    let savedWhileStuck = 0;
    const load = await runSectionLoad({
      apps: () => [app.url],
      projectId: edited.body.id,
      uids: (edited.body.project.dashboards as { uid: string }[]).slice(0, 2).map((d) => d.uid),
      savesPerClient: 3,
      onAcknowledged: () => {
        if (stuck > 0) savedWhileStuck++;
      },
    });
    expect(load.failures).toEqual([]);
    expect(load.acknowledged.length).toBe(6);
    expect(savedWhileStuck).toBeGreaterThan(0);

    const [silentPreview, silentAlerts] = await Promise.all([silent.preview, silent.alerts]);
    expect(silentPreview.status).toBe(504);
    expect(silentPreview.body.preview).toMatchObject({ kind: "timeout", url: upstream.silent });
    expect(silentPreview.body.error).toMatch(/timed out|did not answer|timeout/i);
    expect(silentAlerts.status).toBe(504);
    expect(silentAlerts.body.error).toMatch(/timed out|did not answer|timeout/i);
    // The app lets go of the stuck connections (their close reaches this process a moment later).
    await waitFor(
      () => (stuck === 0 ? true : undefined),
      15_000,
      () => `the app still holds ${stuck} connection(s) to the server that never answers`,
    );

    const closed = calls(ids.closed);
    const [closedPreview, closedAlerts] = await Promise.all([closed.preview, closed.alerts]);
    expect(closedPreview.status).toBe(502);
    expect(closedPreview.body.error).toBe(
      `cannot reach ${upstream.closed}: connection refused (ECONNREFUSED)`,
    );
    expect(closedAlerts.status).toBe(502);
    expect(closedAlerts.body.error).toMatch(/connection refused/);

    const slow = calls(ids.slow);
    const [slowPreview, slowAlerts] = await Promise.all([slow.preview, slow.alerts]);
    expect(slowPreview.status).toBe(200);
    expect(slowPreview.body.data).toEqual({ resultType: "vector", result: [] });
    expect(slowAlerts.status).toBe(200);
  });
});
