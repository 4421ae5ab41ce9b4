import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../testing/processes";
import { alerts, labels, labelValues, metadata, query, queryRange, series } from "./client";
import { PreviewError } from "./errors";

/**
 * The client against a stand-in Prometheus on loopback that can be slow, answer too much, fail
 * the way Prometheus fails, or not be Prometheus at all.
 */

interface Seen {
  method: string;
  url: string;
  body: string;
}

const seen: Seen[] = [];
let server: Server;
let base = "";

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

function success(data: unknown): unknown {
  return { status: "success", data };
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  let body = "";
  for await (const chunk of request) body += chunk;
  const url = new URL(request.url ?? "/", "http://x");
  seen.push({ method: request.method ?? "", url: request.url ?? "", body });
  switch (url.pathname) {
    case "/ok/api/v1/query":
      return send(
        response,
        200,
        success({ resultType: "vector", result: [{ metric: { job: "a" }, value: [1, "2"] }] }),
      );
    case "/ok/api/v1/query_range":
      return send(response, 200, {
        ...(success({
          resultType: "matrix",
          result: [
            {
              metric: {},
              values: [
                [1, "NaN"],
                [2, "+Inf"],
              ],
            },
          ],
        }) as object),
        warnings: ["partial"],
      });
    case "/ok/api/v1/series":
      return send(response, 200, success([{ __name__: "up", job: "a" }]));
    case "/ok/api/v1/labels":
    case "/ok/api/v1/label/job/values":
      return send(response, 200, success(["a", "b"]));
    case "/ok/api/v1/metadata":
      return send(response, 200, success({ up: [{ type: "gauge", help: "", unit: "" }] }));
    case "/ok/api/v1/alerts":
      return send(
        response,
        200,
        success({
          alerts: [
            {
              labels: { alertname: "X" },
              annotations: {},
              state: "firing",
              activeAt: "2026-01-01T00:00:00Z",
              value: "1e+00",
            },
          ],
        }),
      );
    case "/bad/api/v1/query":
      return send(response, 400, {
        status: "error",
        errorType: "bad_data",
        error: 'invalid parameter "query": 1:5: parse error: unexpected ")"',
      });
    case "/busy/api/v1/query":
      return send(response, 503, {
        status: "error",
        errorType: "timeout",
        error: "query timed out in expression evaluation",
      });
    case "/slow/api/v1/query":
      setTimeout(() => send(response, 200, success({ resultType: "vector", result: [] })), 3000).unref();
      return;
    case "/trickle/api/v1/query": {
      // Headers at once, then a body that stalls: the timeout must cover reading it too.
      response.writeHead(200, { "content-type": "application/json" });
      response.write('{"status":"success","data":');
      return;
    }
    case "/huge/api/v1/query": {
      // Streamed without a content-length: only counting bytes can stop it.
      response.writeHead(200, { "content-type": "application/json" });
      const chunk = "x".repeat(64 * 1024);
      let sent = 0;
      const pump = (): void => {
        while (sent < 64 && !response.destroyed) {
          sent++;
          if (!response.write(chunk)) return void response.once("drain", pump);
        }
        response.end();
      };
      pump();
      return;
    }
    case "/declared/api/v1/query":
      response.writeHead(200, {
        "content-type": "application/json",
        "content-length": String(50 * 1024 * 1024),
      });
      response.write("{");
      return;
    case "/html/api/v1/query":
      response.writeHead(200, { "content-type": "text/html" }).end("<html>login</html>");
      return;
    case "/shape/api/v1/query":
      return send(response, 200, { status: "success", data: { resultType: "vector", result: "nope" } });
    case "/redirect/api/v1/query":
      response.writeHead(302, { location: "http://169.254.169.254/" }).end();
      return;
    default:
      response.writeHead(404).end("not found");
  }
}

beforeAll(async () => {
  const port = await freePort();
  server = createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function failure(promise: Promise<unknown>): Promise<PreviewError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PreviewError) return error;
    throw error;
  }
  throw new Error("expected a PreviewError");
}

describe("the Prometheus client", () => {
  it("parses each endpoint's answer and reports what it asked", async () => {
    const instant = await query(`${base}/ok/`, { query: "up", time: "10" });
    expect(instant.data).toEqual({
      resultType: "vector",
      result: [{ metric: { job: "a" }, value: [1, "2"] }],
    });
    expect(instant.request).toEqual({
      url: `${base}/ok/api/v1/query`,
      method: "GET",
      params: { query: "up", time: "10" },
    });

    const range = await queryRange(`${base}/ok`, { query: "up", start: "0", end: "60", step: "15" });
    expect(range.data).toEqual({
      resultType: "matrix",
      result: [
        {
          metric: {},
          values: [
            [1, "NaN"],
            [2, "+Inf"],
          ],
        },
      ],
    });
    expect(range.warnings).toEqual(["partial"]);

    expect((await series(`${base}/ok`, { match: ["up", 'up{job="a"}'] })).data).toEqual([
      { __name__: "up", job: "a" },
    ]);
    expect((await labels(`${base}/ok`)).data).toEqual(["a", "b"]);
    expect((await labelValues(`${base}/ok`, "job")).data).toEqual(["a", "b"]);
    expect((await metadata(`${base}/ok`)).data.up?.[0]?.type).toBe("gauge");
    expect((await alerts(`${base}/ok`)).data.alerts[0]?.state).toBe("firing");
    const seriesCall = seen.find((entry) => entry.url.startsWith("/ok/api/v1/series"));
    expect(new URL(seriesCall?.url ?? "", base).searchParams.getAll("match[]")).toEqual([
      "up",
      'up{job="a"}',
    ]);
  });

  it("sends POST parameters form-encoded", async () => {
    await query(`${base}/ok`, { query: 'sum(rate(x{a="b"}[5m]))' }, { method: "POST" });
    const call = seen.findLast((entry) => entry.method === "POST");
    expect(call?.url).toBe("/ok/api/v1/query");
    expect(new URLSearchParams(call?.body).get("query")).toBe('sum(rate(x{a="b"}[5m]))');
  });

  it("refuses label names that would change the path", async () => {
    expect((await failure(Promise.resolve().then(() => labelValues(base, "../admin")))).kind).toBe(
      "bad_request",
    );
  });

  it("turns Prometheus's errors into PreviewErrors with its text", async () => {
    const bad = await failure(query(`${base}/bad`, { query: "up)" }));
    expect(bad).toMatchObject({ kind: "prometheus", errorType: "bad_data", status: 422 });
    expect(bad.message).toBe('Prometheus: invalid parameter "query": 1:5: parse error: unexpected ")"');
    expect(await failure(query(`${base}/busy`, { query: "up" }))).toMatchObject({
      errorType: "timeout",
      status: 504,
    });
  });

  it("times out a slow Prometheus", async () => {
    const started = Date.now();
    const error = await failure(query(`${base}/slow`, { query: "up" }, { timeoutMs: 300 }));
    expect(error).toMatchObject({ kind: "timeout", status: 504 });
    expect(error.message).toBe(`${base} did not answer within 0.3 s`);
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it("times out a body that stops half-way", async () => {
    expect(await failure(query(`${base}/trickle`, { query: "up" }, { timeoutMs: 300 }))).toMatchObject({
      kind: "timeout",
    });
  });

  it("cuts off an answer over the size cap while it streams", async () => {
    const error = await failure(query(`${base}/huge`, { query: "up" }, { maxBytes: 1024 * 1024 }));
    expect(error).toMatchObject({ kind: "too_large", status: 502 });
    expect(error.message).toMatch(/more than 1048576 bytes/);
  });

  it("refuses an answer whose declared length is over the cap without reading it", async () => {
    const error = await failure(query(`${base}/declared`, { query: "up" }));
    expect(error.kind).toBe("too_large");
    expect(error.message).toMatch(/52428800 bytes, over the 5242880-byte limit/);
  });

  it("says so when the answer is not Prometheus's", async () => {
    const notJson = (await failure(query(`${base}/html`, { query: "up" }))).message;
    expect(notJson).toMatch(/answered HTTP 200 with non-JSON content \(18 bytes, content-type text\/html\)$/);
    // The body is never echoed: the URL is the user's, the page may be anything the server reaches.
    expect(notJson).not.toMatch(/login/);
    expect((await failure(query(`${base}/shape`, { query: "up" }))).message).toMatch(
      /unexpected shape \(data\.result/,
    );
    expect((await failure(query(`${base}/nothing`, { query: "up" }))).kind).toBe("bad_response");
  });

  it("does not follow redirects to another host", async () => {
    const error = await failure(query(`${base}/redirect`, { query: "up" }));
    expect(error.kind).toBe("not_allowed");
    expect(error.message).toContain("redirects are followed only on the same host");
  });

  it("reports an unreachable Prometheus", async () => {
    const port = await freePort();
    const error = await failure(query(`http://127.0.0.1:${port}`, { query: "up" }));
    expect(error).toMatchObject({ kind: "unreachable", status: 502 });
    expect(error.message).toBe(`cannot reach http://127.0.0.1:${port}: connection refused (ECONNREFUSED)`);
  });
});
