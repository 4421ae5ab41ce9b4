import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testConnection } from "../preview/connection";

/**
 * The preview's calls (here Settings' "Test connection") go through the outgoing-call policy the
 * environment sets: only loopback servers this test starts, and the policy lets one of them through.
 */

let prometheus: Server;
let forbidden: Server;
let forbiddenHits = 0;
const portOf = (server: Server): number => (server.address() as AddressInfo).port;
let closedPort = 0;

async function listen(server: Server): Promise<Server> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

beforeAll(async () => {
  prometheus = await listen(
    createServer((request, response) => {
      const data = request.url?.startsWith("/api/v1/status/buildinfo")
        ? { version: "2.42.0", revision: "x", branch: "", buildUser: "", buildDate: "", goVersion: "" }
        : {
            headStats: { numSeries: 3, numLabelPairs: 1, chunkCount: 1, minTime: 0, maxTime: 1 },
            seriesCountByMetricName: [],
            labelValueCountByLabelName: [],
            memoryInBytesByLabelName: [],
            seriesCountByLabelValuePair: [],
          };
      response
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ status: "success", data }));
    }),
  );
  forbidden = await listen(
    createServer((_request, response) => {
      forbiddenHits++;
      response.writeHead(200).end("{}");
    }),
  );
  const probe = await listen(createServer());
  closedPort = portOf(probe);
  await new Promise((resolve) => probe.close(resolve));
  process.env.OBSFORGE_ALLOW_PRIVATE_NETWORKS = "0";
  process.env.OBSFORGE_ALLOWED_HOSTS = `127.0.0.1:${portOf(prometheus)}`;
});

afterAll(async () => {
  delete process.env.OBSFORGE_ALLOW_PRIVATE_NETWORKS;
  delete process.env.OBSFORGE_ALLOWED_HOSTS;
  prometheus.closeAllConnections();
  forbidden.closeAllConnections();
  await new Promise((resolve) => prometheus.close(resolve));
  await new Promise((resolve) => forbidden.close(resolve));
});

describe("test connection within the policy", () => {
  it("reaches the allowed Prometheus", async () => {
    const answer = await testConnection({ baseUrl: `http://127.0.0.1:${portOf(prometheus)}`, source: "url" });
    expect(answer).toMatchObject({ ok: true, version: "2.42.0", series: 3 });
  });

  it("answers a forbidden port the same whether it is open or closed, without connecting", async () => {
    const open = await testConnection({ baseUrl: `http://127.0.0.1:${portOf(forbidden)}`, source: "url" });
    const closed = await testConnection({ baseUrl: `http://127.0.0.1:${closedPort}`, source: "url" });
    expect(open).toMatchObject({ ok: false, kind: "not_allowed" });
    expect(closed).toMatchObject({ ok: false, kind: "not_allowed" });
    const scrub = (answer: typeof open, port: number): string =>
      JSON.stringify(answer).replaceAll(String(port), "PORT");
    expect(scrub(open, portOf(forbidden))).toBe(scrub(closed, closedPort));
    expect(forbiddenHits).toBe(0);
  });

  it("refuses the cloud metadata address and 127.0.0.1 in other spellings", async () => {
    for (const baseUrl of ["http://169.254.169.254", "http://2130706433:5432", "http://0x7f.1:5432"]) {
      const answer = await testConnection({ baseUrl, source: "url" });
      expect(answer, baseUrl).toMatchObject({ ok: false, kind: "not_allowed" });
    }
  });
});
