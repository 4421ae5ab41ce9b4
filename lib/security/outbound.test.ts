import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OutboundError, OutboundRefusedError, outboundFetch, type Resolver, safeFetch } from "./outbound";
import { OPEN_POLICY, outboundPolicy } from "./outbound-policy";

/**
 * End to end, only with servers this test starts on 127.0.0.1: nothing here can send a request off
 * the machine (every name resolves through the resolver the test gives, to loopback or to an
 * address the policy refuses before connecting).
 */

let server: Server;
let port: number;
/** A second loopback port standing in for a forbidden service (a database, the app itself). */
let forbidden: Server;
let forbiddenPort: number;
/** A port nothing listens on. */
let closedPort: number;
let forbiddenHits = 0;
const pending = new Set<ServerResponse>();

function handle(request: IncomingMessage, response: ServerResponse): void {
  switch (request.url) {
    case "/ok":
      response.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
      return;
    case "/echo": {
      let body = "";
      request.on("data", (chunk: Buffer) => {
        body += chunk.toString();
      });
      request.on("end", () => response.writeHead(200).end(`${request.method} ${body}`));
      return;
    }
    case "/same-origin-redirect":
      response.writeHead(302, { location: "/ok" }).end();
      return;
    case "/redirect-to-forbidden":
      response.writeHead(302, { location: `http://127.0.0.1:${forbiddenPort}/secret` }).end();
      return;
    case "/redirect-to-metadata":
      response.writeHead(307, { location: "http://169.254.169.254/latest/meta-data/" }).end();
      return;
    case "/redirect-loop":
      response.writeHead(302, { location: "/redirect-loop" }).end();
      return;
    case "/slow":
      // Answers the headers, then never finishes: only the caller's time bound ends it.
      response.writeHead(200, { "content-type": "application/json" });
      response.write("{");
      pending.add(response);
      return;
    case "/endless": {
      response.writeHead(200, { "content-type": "application/json" });
      const chunk = Buffer.alloc(64 * 1024, "a");
      const pump = (): void => {
        while (!response.destroyed && response.write(chunk));
        if (!response.destroyed) response.once("drain", pump);
      };
      response.on("close", () => response.removeAllListeners("drain"));
      pump();
      return;
    }
    default:
      response.writeHead(404).end();
  }
}

async function listen(
  handler: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<Server> {
  const created = createServer(handler);
  await new Promise<void>((resolve) => created.listen(0, "127.0.0.1", resolve));
  return created;
}

beforeAll(async () => {
  server = await listen(handle);
  port = (server.address() as AddressInfo).port;
  forbidden = await listen((_request, response) => {
    forbiddenHits++;
    response.writeHead(200).end("secret");
  });
  forbiddenPort = (forbidden.address() as AddressInfo).port;
  const probe = await listen(() => undefined);
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
});

afterAll(async () => {
  for (const response of pending) response.destroy();
  server.closeAllConnections();
  forbidden.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await new Promise((resolve) => forbidden.close(resolve));
});

/** Only the test server's port is allowed, as an administrator would list it. */
const onlyServer = (): ReturnType<typeof outboundPolicy> =>
  outboundPolicy({
    OBSFORGE_ALLOW_PRIVATE_NETWORKS: "0",
    OBSFORGE_ALLOWED_HOSTS: `127.0.0.1:${port},prometheus.test`,
  });

async function refusal(call: Promise<unknown>): Promise<Error> {
  try {
    await call;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the call to fail");
}

describe("outboundFetch", () => {
  it("calls an allowed loopback server", async () => {
    const response = await outboundFetch(`http://127.0.0.1:${port}/ok`, { policy: onlyServer() });
    expect(await response.json()).toEqual({ ok: true });
  });

  it("sends a form body and method", async () => {
    const response = await outboundFetch(`http://127.0.0.1:${port}/echo`, {
      method: "POST",
      body: new URLSearchParams({ query: "up" }),
      policy: OPEN_POLICY,
    });
    expect(await response.text()).toBe("POST query=up");
  });

  it("refuses a forbidden port the same way whether something listens there or not", async () => {
    const open = await refusal(outboundFetch(`http://127.0.0.1:${forbiddenPort}/`, { policy: onlyServer() }));
    const closed = await refusal(outboundFetch(`http://127.0.0.1:${closedPort}/`, { policy: onlyServer() }));
    expect(open).toBeInstanceOf(OutboundRefusedError);
    expect(closed).toBeInstanceOf(OutboundRefusedError);
    expect(open.message.replace(String(forbiddenPort), "PORT")).toBe(
      closed.message.replace(String(closedPort), "PORT"),
    );
    expect(forbiddenHits).toBe(0);
  });

  it.each([
    (p: number) => `http://2130706433:${p}/`,
    (p: number) => `http://0x7f.1:${p}/`,
    (p: number) => `http://0177.0.0.1:${p}/`,
    (p: number) => `http://127.1:${p}/`,
    (p: number) => `http://[::ffff:127.0.0.1]:${p}/`,
    (p: number) => `http://prometheus.test@127.0.0.1:${p}/`,
    (p: number) => `http://127.0.0.1:${port}@127.0.0.1:${p}/`,
  ])("refuses the forbidden port in another spelling: %s", async (spell) => {
    const error = await refusal(outboundFetch(spell(forbiddenPort), { policy: onlyServer() }));
    expect(error).toBeInstanceOf(OutboundRefusedError);
    expect(error.message).toMatch(/^not allowed: /);
    expect(forbiddenHits).toBe(0);
  });

  it("follows a redirect on the same origin", async () => {
    const response = await outboundFetch(`http://127.0.0.1:${port}/same-origin-redirect`, {
      policy: onlyServer(),
    });
    expect(await response.json()).toEqual({ ok: true });
  });

  it("does not follow a redirect to another port or host", async () => {
    for (const path of ["/redirect-to-forbidden", "/redirect-to-metadata"]) {
      const error = await refusal(outboundFetch(`http://127.0.0.1:${port}${path}`, { policy: OPEN_POLICY }));
      expect(error).toBeInstanceOf(OutboundRefusedError);
      expect(error.message).toContain("redirects are followed only on the same host");
    }
    expect(forbiddenHits).toBe(0);
  });

  it("stops following a redirect loop", async () => {
    const error = await refusal(
      outboundFetch(`http://127.0.0.1:${port}/redirect-loop`, { policy: OPEN_POLICY }),
    );
    expect(error.message).toContain("redirected more than 5 times");
  });

  it("resolves a name once and connects to the address it checked (no rebinding)", async () => {
    const answers = ["127.0.0.1", "169.254.169.254"];
    const asked: string[] = [];
    const rebinding: Resolver = async (host) => {
      asked.push(host);
      return [{ address: answers.shift() ?? "169.254.169.254", family: 4 }];
    };
    const response = await outboundFetch(`http://prometheus.test:${port}/ok`, {
      policy: onlyServer(),
      resolve: rebinding,
    });
    expect(await response.json()).toEqual({ ok: true });
    expect(asked).toEqual(["prometheus.test"]);
  });

  it("refuses a name when any of its addresses is refused", async () => {
    const split: Resolver = async () => [
      { address: "127.0.0.1", family: 4 },
      { address: "169.254.169.254", family: 4 },
    ];
    const error = await refusal(
      outboundFetch(`http://prometheus.test:${port}/ok`, { policy: onlyServer(), resolve: split }),
    );
    expect(error.message).toContain(
      "prometheus.test resolves to 169.254.169.254, which is a metadata address",
    );
  });

  it("refuses a name resolving to loopback when private networks are closed", async () => {
    const toLoopback: Resolver = async () => [{ address: "127.0.0.1", family: 4 }];
    const policy = outboundPolicy({ OBSFORGE_ALLOW_PRIVATE_NETWORKS: "0" });
    const error = await refusal(
      outboundFetch(`http://looks-public.test:${port}/ok`, { policy, resolve: toLoopback }),
    );
    expect(error.message).toContain("looks-public.test resolves to 127.0.0.1, which is a loopback address");
  });

  it("reports a closed allowed port as a connection error, in fetch's shape", async () => {
    const error = await refusal(outboundFetch(`http://127.0.0.1:${closedPort}/`, { policy: OPEN_POLICY }));
    expect(error).not.toBeInstanceOf(OutboundRefusedError);
    expect((error as { cause?: { code?: string } }).cause?.code).toBe("ECONNREFUSED");
  });
});

describe("safeFetch", () => {
  it("reads a bounded answer", async () => {
    const answer = await safeFetch(`http://127.0.0.1:${port}/ok`, { policy: OPEN_POLICY });
    expect(answer).toMatchObject({ status: 200, text: '{"ok":true}', bytes: 11 });
  });

  it("gives up on a slow server within its time bound", async () => {
    const error = await refusal(
      safeFetch(`http://127.0.0.1:${port}/slow`, { policy: OPEN_POLICY, timeoutMs: 300 }),
    );
    expect(error).toBeInstanceOf(OutboundError);
    expect((error as OutboundError).kind).toBe("timeout");
    expect(error.message).toContain("did not answer within 0.3 s");
  });

  it("cuts off an endless body at its size bound", async () => {
    const error = await refusal(
      safeFetch(`http://127.0.0.1:${port}/endless`, { policy: OPEN_POLICY, maxBytes: 1024 * 1024 }),
    );
    expect((error as OutboundError).kind).toBe("too_large");
    expect(error.message).toContain("sent more than 1048576 bytes");
  });

  it("passes the policy's refusal through", async () => {
    const error = await refusal(
      safeFetch("http://169.254.169.254/latest/meta-data/", { policy: OPEN_POLICY }),
    );
    expect(error).toBeInstanceOf(OutboundRefusedError);
    expect(error.message).toBe("not allowed: 169.254.169.254 is a metadata address");
  });
});
