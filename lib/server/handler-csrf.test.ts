import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb } from "../db/client";
import { callRoute, freshDataDir } from "../testing/route-calls";
import { handler } from "./handler";
import { json } from "./http";

/**
 * The CSRF check of every API route handler (handler.ts, lib/security/csrf.ts): a write sent from
 * another site's page is answered 403 before the route runs; same-origin writes and clients that
 * send no Origin (CLI, scripts) reach it.
 */

const dataDir = freshDataDir("obsforge-handler-csrf-");

afterAll(async () => {
  await closeDb();
  rmSync(dataDir, { recursive: true, force: true });
});

let ran = 0;
const route = handler(async () => {
  ran++;
  return json({ ran: true }, 201);
});

function send(method: string, headers: Record<string, string>): Promise<Response> {
  return callRoute(route, {}, "/api/projects", { method, headers: { host: "localhost", ...headers } });
}

describe("API route handlers and cross-site writes", () => {
  it("answers a cross-site write 403 with why, and never runs the route", async () => {
    const before = ran;
    const crossSite: Record<string, string>[] = [
      { origin: "https://evil.example" },
      { "sec-fetch-site": "cross-site" },
    ];
    for (const headers of crossSite) {
      for (const method of ["POST", "PUT", "DELETE"]) {
        const response = await send(method, headers);
        expect(response.status).toBe(403);
        const body = (await response.json()) as { error: string; issues: unknown[] };
        expect(body.error).toMatch(/^cross-site request refused: /);
        expect(body.issues).toEqual([]);
      }
    }
    expect(ran).toBe(before);
  });

  it("runs same-origin writes, writes without Origin, and reads from anywhere", async () => {
    const before = ran;
    expect((await send("POST", { origin: "http://localhost" })).status).toBe(201);
    expect((await send("POST", { "sec-fetch-site": "same-origin" })).status).toBe(201);
    expect((await send("PUT", {})).status).toBe(201);
    expect(
      (await send("GET", { origin: "https://evil.example", "sec-fetch-site": "cross-site" })).status,
    ).toBe(201);
    expect(ran).toBe(before + 4);
  });
});
