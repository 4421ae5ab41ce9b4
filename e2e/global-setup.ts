import { type FullConfig, request } from "@playwright/test";
import { E2E_OWNER } from "./auth-state";

/**
 * Signs the test account in once for the whole run and saves the session cookie where every
 * spec's browser context and `request` fixture load it from (use.storageState). A fresh server has
 * no account yet: the test account is made as its first (administrator) account.
 */
export default async function globalSetup(config: FullConfig): Promise<void> {
  const use = config.projects[0]?.use ?? {};
  const baseURL = use.baseURL;
  const storageState = use.storageState;
  if (!baseURL || typeof storageState !== "string")
    throw new Error("playwright.config.ts sets baseURL and storageState");
  // Better Auth checks the Origin of cookie-less sign-in calls as it does the browser's.
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { origin: new URL(baseURL).origin } });
  try {
    let response = await api.post("/api/auth/sign-in/email", {
      data: { email: E2E_OWNER.email, password: E2E_OWNER.password },
    });
    if (!response.ok()) response = await api.post("/api/auth/sign-up/email", { data: E2E_OWNER });
    if (!response.ok()) {
      throw new Error(
        `signing the browser tests in as ${E2E_OWNER.email} failed: ${response.status()} ${await response.text()}`,
      );
    }
    await api.storageState({ path: storageState });
  } finally {
    await api.dispose();
  }
}
