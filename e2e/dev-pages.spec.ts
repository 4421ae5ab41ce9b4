import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, type RunningProcess, startProcess, waitFor } from "../lib/testing/processes";
import { expect, test } from "./fixtures";

/**
 * The /dev/* pages are developer tools. The production server the other specs use serves them
 * because playwright.config.ts starts it with OBSFORGE_DEV_PAGES=1; a second server started from the
 * same build without the flag, as `npm run app` starts it, answers 404.
 */
const DEV_PAGES = ["/dev/code-editor", "/dev/code-editor?show=0", "/dev/timeseries-bench"];
const root = path.join(import.meta.dirname, "..");

let server: RunningProcess | undefined;
let serverUrl = "";
let dataDir = "";

test.skip(Boolean(process.env.OBSFORGE_E2E_BASE_URL), "needs the production build the config makes");

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dataDir = mkdtempSync(path.join(os.tmpdir(), "obsforge-e2e-no-dev-pages-"));
  const port = await freePort();
  serverUrl = `http://127.0.0.1:${port}`;
  const { OBSFORGE_DEV_PAGES: _left, ...inherited } = process.env;
  server = startProcess(
    process.execPath,
    [
      path.join(root, "node_modules/next/dist/bin/next"),
      "start",
      "--port",
      String(port),
      "--hostname",
      "127.0.0.1",
    ],
    {
      cwd: root,
      env: { ...inherited, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", OBSFORGE_DATA_DIR: dataDir },
    },
  );
  await waitFor(
    async () => ((await fetch(`${serverUrl}/api/health`)).ok ? true : undefined),
    60_000,
    () => `the second server did not become healthy:\n${server?.output() ?? ""}`,
  );
});

test.afterAll(async () => {
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test("a production server without OBSFORGE_DEV_PAGES answers 404 for the /dev pages", async () => {
  for (const devPage of DEV_PAGES) {
    const response = await fetch(`${serverUrl}${devPage}`);
    expect(response.status, devPage).toBe(404);
    const html = await response.text();
    expect(html, devPage).toContain("<h1>Not found</h1>");
    expect(html, devPage).not.toMatch(/<h1>(Code editors|Time series benchmark)<\/h1>/);
  }
  expect((await fetch(`${serverUrl}/`)).status).toBe(200);
});

test("the browser tests' server, started with OBSFORGE_DEV_PAGES=1, serves them", async ({ request }) => {
  for (const devPage of DEV_PAGES) expect((await request.get(devPage)).status(), devPage).toBe(200);
});
