import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { storageStatePath } from "./e2e/auth-state";
import { CHROMIUM_LAUNCH_OPTIONS } from "./lib/testing/chromium";

/**
 * Browser tests against the production build (`next build && next start`), on a fresh embedded
 * database each run. The config is evaluated again in each worker; the data directory is made once
 * and handed down through the environment so every process agrees on it.
 */
const PORT = Number(process.env.OBSFORGE_E2E_PORT ?? 3107);
/** Set to test a server you started yourself (e.g. `next dev` while iterating); then none is built. */
const EXTERNAL_URL = process.env.OBSFORGE_E2E_BASE_URL;
const BASE_URL = EXTERNAL_URL ?? `http://127.0.0.1:${PORT}`;

if (!EXTERNAL_URL) process.env.OBSFORGE_E2E_DATA_DIR ??= mkdtempSync(path.join(os.tmpdir(), "obsforge-e2e-"));
const dataDir = process.env.OBSFORGE_E2E_DATA_DIR ?? "";
/** The signed-in test account's cookies: e2e/global-setup.ts writes them, every spec starts with them. */
const storageState = storageStatePath(dataDir, PORT);

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  globalSetup: "./e2e/global-setup.ts",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL: BASE_URL,
    storageState,
    browserName: "chromium",
    acceptDownloads: true,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: CHROMIUM_LAUNCH_OPTIONS,
  },
  projects: [{ name: "chromium" }],
  webServer: EXTERNAL_URL
    ? undefined
    : {
        command: `npm run build && npm run start -- --hostname 127.0.0.1 --port ${PORT}`,
        url: `${BASE_URL}/api/health`,
        reuseExistingServer: false,
        // A cold production build on two cores takes a few minutes.
        timeout: 600_000,
        stdout: "pipe",
        stderr: "pipe",
        // OBSFORGE_DEV_PAGES: the editor specs use /dev/code-editor, which production hides otherwise.
        env: { OBSFORGE_DATA_DIR: dataDir, OBSFORGE_DEV_PAGES: "1", NEXT_TELEMETRY_DISABLED: "1" },
      },
});
