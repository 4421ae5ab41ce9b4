import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppProcess, startAppProcess } from "../testing/faults/app-process";
import { apiRequest } from "../testing/faults/client";
import { makeTempDir } from "../tools/files";
import { main } from "./main";

/**
 * `obsforge app …` against a real app process (the app's route handlers over HTTP on loopback,
 * lib/testing/faults/app-process.ts): signed in with a personal API token made through the API,
 * from OBSFORGE_TOKEN or --token; a revoked or unknown token ends with the app's 401 message.
 */

let app: AppProcess;
let dir = "";
let projectId = "";
let token = { id: "", value: "" };

async function run(
  args: string[],
  env: Record<string, string | undefined> = {},
): Promise<[number, string, string]> {
  const saved = { OBSFORGE_TOKEN: process.env.OBSFORGE_TOKEN, OBSFORGE_URL: process.env.OBSFORGE_URL };
  for (const [name, value] of Object.entries({ OBSFORGE_TOKEN: undefined, OBSFORGE_URL: undefined, ...env }))
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  let stdout = "";
  let stderr = "";
  try {
    const code = await main(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
    return [code, stdout, stderr];
  } finally {
    for (const [name, value] of Object.entries(saved))
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
  }
}

beforeAll(async () => {
  dir = makeTempDir("obsforge-cli-app");
  app = await startAppProcess({ dataDir: path.join(dir, "data") });
  const created = await apiRequest(app.url, "/api/projects", {
    method: "POST",
    body: { template: "basic", name: "Pulled by the CLI" },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  projectId = created.body.id;
  const made = await apiRequest(app.url, "/api/tokens", { method: "POST", body: { name: "CLI test" } });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  token = { id: made.body.token.id, value: made.body.value };
}, 180_000);

afterAll(async () => {
  await app?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("obsforge app", () => {
  it("lists the projects and pulls one with the token from OBSFORGE_TOKEN", async () => {
    const [code, stdout, stderr] = await run(["app", "projects"], {
      OBSFORGE_URL: app.url,
      OBSFORGE_TOKEN: token.value,
    });
    expect([code, stderr]).toEqual([0, ""]);
    expect(stdout).toContain(`${projectId}  Pulled by the CLI  (version 1)`);

    const file = path.join(dir, "pulled.obsforge.json");
    const pulled = await run(["app", "pull", projectId, "--server", app.url, "--out", file], {
      OBSFORGE_TOKEN: token.value,
    });
    expect(pulled[0], pulled[2]).toBe(0);
    expect(JSON.parse(readFileSync(file, "utf8")).name).toBe("Pulled by the CLI");
    // The file is one `obsforge bundle` takes.
    const bundled = await run(["validate", file]);
    expect(bundled[2]).toContain(`${file}: valid`);
  });

  it("takes --token too; an unknown token ends with the app's 401 message, exit 1", async () => {
    const [code, , stderr] = await run([
      "app",
      "projects",
      "--server",
      app.url,
      "--token",
      `obf_${"A".repeat(43)}`,
    ]);
    expect(code).toBe(1);
    expect(stderr).toContain("401 the API token is unknown");
    expect(stderr).toContain("OBSFORGE_TOKEN");
  });

  it("says there is no token, or that it is not one, before calling the app", async () => {
    expect((await run(["app", "projects", "--server", app.url]))[2]).toContain("no API token");
    expect((await run(["app", "projects", "--server", app.url, "--token", "abc"]))[2]).toContain(
      "does not start with obf_",
    );
    expect((await run(["app", "projects", "--server", "not a url", "--token", token.value]))[2]).toContain(
      "is not a URL",
    );
  });

  it("stops working once the token is revoked", async () => {
    const revoked = await apiRequest(app.url, `/api/tokens/${token.id}`, { method: "DELETE" });
    expect(revoked.status).toBe(200);
    const [code, stdout, stderr] = await run(["app", "projects", "--server", app.url], {
      OBSFORGE_TOKEN: token.value,
    });
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain("401 the API token is revoked");
  });
});
