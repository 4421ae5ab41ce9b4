import { execFile } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bashHealthcheck, wgetHealthcheck } from "./healthchecks";

const run = promisify(execFile);

/** Runs a healthcheck's `CMD` form the way Docker does, without a shell around it. */
async function probe(test: readonly string[]): Promise<boolean> {
  expect(test[0]).toBe("CMD");
  const [command = "", ...args] = test.slice(1);
  try {
    await run(command, args, { timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

describe("healthchecks", () => {
  let server: Server;
  let port = 0;

  beforeAll(async () => {
    server = createServer((request, response) => {
      response.statusCode = request.url === "/ready" || request.url === "/-/healthy" ? 200 : 503;
      response.end(response.statusCode === 200 ? "ready" : "not ready");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("bash probe passes on 200 and fails on 503 or a closed port", async () => {
    expect(await probe(bashHealthcheck(port, "/ready").test)).toBe(true);
    expect(await probe(bashHealthcheck(port, "/starting").test)).toBe(false);
    expect(await probe(bashHealthcheck(1, "/ready").test)).toBe(false);
  });

  it("wget probe passes on 200 and fails on 503", async () => {
    expect(await probe(wgetHealthcheck(port, "/-/healthy").test)).toBe(true);
    expect(await probe(wgetHealthcheck(port, "/starting").test)).toBe(false);
  });
});
