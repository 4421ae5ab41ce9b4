import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { OIDC_CALLBACK_PATH } from "../lib/auth/oidc";
import { startOidcProvider, type TestOidcProvider } from "../lib/testing/oidc-provider";
import { freePort, type RunningProcess, startProcess, waitFor } from "../lib/testing/processes";

/**
 * Single sign-on in the browser: a fresh install of the app (the production build through
 * scripts/serve.mjs, its own embedded database) configured for a real OpenID provider
 * (oidc-provider) on loopback. The first visitor signs up with the provider's login and consent
 * pages and lands signed in as the administrator; after signing out, "Sign in with Corp SSO" signs
 * the same account in again (the provider remembers its own session, so it asks nothing). The provider's development pages ask for a web font: every request
 * that is not to loopback is refused, and the test checks none was even tried but that one.
 */

const ALICE = { sub: "alice-0001", email: "alice@corp.example", name: "Alice Admin", email_verified: true };

let provider: TestOidcProvider;
let app: RunningProcess;
let appUrl = "";
const dataDir = mkdtempSync(path.join(os.tmpdir(), "obsforge-e2e-sso-"));

test.use({ storageState: { cookies: [], origins: [] } });
test.describe.configure({ timeout: 120_000 });

test.beforeAll(async () => {
  const port = await freePort();
  appUrl = `http://127.0.0.1:${port}`;
  provider = await startOidcProvider({ redirectUri: `${appUrl}${OIDC_CALLBACK_PATH}`, identities: [ALICE] });
  app = startProcess(
    process.execPath,
    ["scripts/serve.mjs", "--hostname", "127.0.0.1", "--port", String(port)],
    {
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        OBSFORGE_DATA_DIR: dataDir,
        OBSFORGE_PUBLIC_URL: appUrl,
        OBSFORGE_OIDC_ISSUER: provider.issuer,
        OBSFORGE_OIDC_CLIENT_ID: provider.clientId,
        OBSFORGE_OIDC_CLIENT_SECRET: provider.clientSecret,
        OBSFORGE_OIDC_NAME: "Corp SSO",
      },
    },
  );
  await waitFor(
    async () => ((await fetch(`${appUrl}/api/health`).catch(() => undefined))?.ok ? true : undefined),
    60_000,
    () => app.output(),
  );
});

test.afterAll(async () => {
  await app?.stop();
  await provider?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test("signs the first account up and in again through the company's identity provider", async ({ page }) => {
  const outside: string[] = [];
  await page.context().route("**/*", (route) => {
    const { hostname } = new URL(route.request().url());
    if (hostname === "127.0.0.1" || hostname === "localhost") return route.continue();
    outside.push(route.request().url());
    return route.abort();
  });
  // The provider's login, then its consent page, each come after a navigation, and under load
  // the address changes before the page shows: each step waits for what it acts on, and for the
  // browser to be sent back to the app.
  const backAtApp = (): boolean => page.url().startsWith(`${appUrl}/`);
  const atProvider = async (): Promise<void> => {
    const login = page.locator('input[name="login"]');
    await expect(login).toBeVisible({ timeout: 30_000 });
    await login.fill(ALICE.sub);
    await page.locator('input[name="password"]').fill("any password");
    await page.getByRole("button", { name: "Sign-in" }).click();
    const consent = page.getByRole("button", { name: "Continue" });
    let consented = false;
    await expect(async () => {
      if (backAtApp()) return;
      if (!consented && (await consent.isVisible())) {
        consented = true;
        await consent.click();
      }
      throw new Error(`still at the provider: ${page.url()}`);
    }).toPass({ timeout: 30_000 });
  };

  // A fresh install sends its first visitor to sign up; the provider's account becomes the administrator.
  await page.goto(appUrl);
  // The server's first page render can be slow on a busy machine.
  await expect(page).toHaveURL(/\/sign-up/, { timeout: 30_000 });
  await page.getByRole("button", { name: "Sign up with Corp SSO" }).click();
  await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/interaction/`), { timeout: 30_000 });
  await atProvider();
  await expect(page).toHaveURL(new RegExp(`^${appUrl}/`));
  const menu = page.getByRole("navigation", { name: "Account" });
  await expect(menu).toContainText("Signed in as Alice Admin", { timeout: 30_000 });
  await expect(menu).toContainText("admin");

  // Signed out, the sign-in page offers the provider again and it signs the same account in.
  await menu.getByRole("button", { name: /sign out/i }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  // The provider still has its own session for this browser: it sends it straight back, as
  // company SSO does, without asking for the login again.
  await page.getByRole("button", { name: "Sign in with Corp SSO" }).click();
  await expect(page).toHaveURL(new RegExp(`^${appUrl}/(?!sign-in)`), { timeout: 30_000 });
  await expect(page.getByRole("navigation", { name: "Account" })).toContainText("Signed in as Alice Admin", {
    timeout: 30_000,
  });

  // Only the provider's web font was asked for outside the machine, and it was refused.
  expect(outside.every((url) => new URL(url).hostname === "fonts.googleapis.com")).toBe(true);
});
