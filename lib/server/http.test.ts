import { describe, expect, it } from "vitest";
import { z } from "zod";
import { MAX_BODY_BYTES } from "../api/schemas";
import { isDatabaseUnavailable } from "../db/errors";
import { errorResponse, readJson } from "./http";

async function answer(request: Request): Promise<{ status: number; body: unknown }> {
  try {
    await readJson(request, z.unknown());
    return { status: 200, body: null };
  } catch (error) {
    const response = errorResponse(error);
    return { status: response.status, body: await response.json() };
  }
}

const limit = { error: "the request body is over the 5 MiB limit (5242880 bytes)", issues: [] };

describe("readJson's body limit", () => {
  it("refuses a declared length over the limit before reading", async () => {
    const request = new Request("http://localhost/api/projects", {
      method: "POST",
      body: "{}",
      headers: { "content-length": String(MAX_BODY_BYTES + 1) },
    });
    expect(await answer(request)).toEqual({ status: 413, body: limit });
  });

  it("stops reading a streamed body (no length declared) at the limit", async () => {
    let sent = 0;
    const chunk = new TextEncoder().encode(`"${"a".repeat(64 * 1024)}`);
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const request = new Request("http://localhost/api/projects", {
      method: "POST",
      body: endless,
      duplex: "half",
    } as RequestInit);
    expect(await answer(request)).toEqual({ status: 413, body: limit });
    expect(sent).toBeLessThan(MAX_BODY_BYTES + 4 * chunk.byteLength);
  });

  it("takes a body just under the limit", async () => {
    const text = JSON.stringify("a".repeat(MAX_BODY_BYTES - 2));
    expect((await answer(new Request("http://localhost/", { method: "POST", body: text }))).status).toBe(200);
  });
});

describe("isDatabaseUnavailable", () => {
  it.each([
    ["a Prisma 'cannot reach'", Object.assign(new Error("Can't reach database server"), { code: "P1001" })],
    ["a pool timeout", Object.assign(new Error("timed out fetching a connection"), { code: "P2024" })],
    ["a socket refusal", new AggregateError([Object.assign(new Error("connect"), { code: "ECONNREFUSED" })])],
    [
      "an admin shutdown",
      { code: "P2010", meta: { driverAdapterError: { cause: { kind: "postgres", originalCode: "57P01" } } } },
    ],
    ["pg's connection loss", new Error("Connection terminated unexpectedly")],
    [
      "a transaction on a connection that died",
      new Error("Client has encountered a connection error and is not queryable"),
    ],
  ])("%s is", (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique violation", Object.assign(new Error("Unique constraint"), { code: "P2002" })],
    [
      "a syntax error",
      { code: "P2010", meta: { driverAdapterError: { cause: { kind: "postgres", originalCode: "42601" } } } },
    ],
    ["a plain bug", new TypeError("x is undefined")],
    ["nothing", undefined],
  ])("%s is not", (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe("readJson's refusal of text PostgreSQL cannot store", () => {
  const post = (text: string): Request => new Request("http://localhost/", { method: "POST", body: text });

  it.each([
    ['{"message":"a\\u0000b"}', "message: the text holds a NUL character (\\u0000), which cannot be stored"],
    [
      '{"project":{"dashboards":[{"title":"\\ud800"}]}}',
      "project.dashboards[0].title: the text holds a lone surrogate",
    ],
    ['{"content":{"a\\u0000":1}}', "content.a\u0000: the key holds a NUL character"],
    ['"\\udc00x"', "the body: the text holds a lone surrogate"],
  ])("%s", async (text, message) => {
    const { status, body } = await answer(post(text));
    expect(status).toBe(400);
    expect((body as { error: string }).error).toContain(message);
  });

  it("takes surrogate pairs and other control characters", async () => {
    expect((await answer(post('{"a":"\\ud83d\\ude00 \\u0001 \\u2028"}'))).status).toBe(200);
  });
});

describe("readJson on deep nesting", () => {
  it("walks a body 100,000 levels deep in linear time and finds the NUL at its bottom", async () => {
    const depth = 100_000;
    const text = `${"[".repeat(depth)}"\\u0000"${"]".repeat(depth)}`;
    const { status, body } = await answer(new Request("http://localhost/", { method: "POST", body: text }));
    expect(status).toBe(400);
    expect((body as { error: string }).error).toContain("holds a NUL character");
  });
});
