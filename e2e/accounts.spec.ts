import { E2E_OWNER } from "./auth-state";
import { expect, test } from "./fixtures";

/**
 * Accounts in the browser: a signed-out visitor meets the sign-in page wherever they go and the API
 * answers 401; signing in with a wrong password says so; signing in lands on the page asked for,
 * with the user menu in the header. (The signed-in state the other
 * specs use comes from e2e/global-setup.ts.)
 */

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("every page sends to sign-in, every API route answers 401, health stays open", async ({
    page,
    request,
  }) => {
    await page.goto("/catalog");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fcatalog$/);
    await expect(page.getByRole("heading", { name: "Sign in to Obsforge" })).toBeVisible();

    const projects = await request.get("/api/projects");
    expect(projects.status()).toBe(401);
    expect(await projects.json()).toMatchObject({ error: expect.stringMatching(/sign in/) });
    expect((await request.post("/api/projects", { data: { template: "basic", name: "x" } })).status()).toBe(
      401,
    );
    expect((await request.get("/api/health")).status()).toBe(200);
  });

  test("sign-up without an invitation says it is by invitation", async ({ page }) => {
    await page.goto("/sign-up");
    // (Next.js's route announcer is an alert too.)
    await expect(page.getByRole("alert").filter({ hasText: "Sign-up is by invitation" })).toBeVisible();
  });

  test("signs in (a wrong password is refused, saying so) and lands on the page asked for", async ({
    page,
    consoleGuard,
  }) => {
    consoleGuard.allow(/status of 401/);
    await page.goto("/catalog");
    await page.getByLabel("E-mail address").fill(E2E_OWNER.email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(
      page.getByRole("alert").filter({ hasText: "Wrong e-mail address or password." }),
    ).toBeVisible();

    await page.getByLabel("Password").fill(E2E_OWNER.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/catalog$/);
    const menu = page.getByRole("navigation", { name: "Account" });
    await expect(menu).toContainText(`Signed in as ${E2E_OWNER.name}`);

    // The team's owner reads both attempts, and from where, in the team's audit log.
    await page.goto("/team");
    const audit = page.getByTestId("team-audit");
    await expect(audit.locator('tr[data-action="account.sign-in-failed"]').first()).toContainText(
      `failed to sign in ${E2E_OWNER.email}`,
    );
    await expect(audit.locator('tr[data-action="account.sign-in"]').first()).toContainText(
      `signed in ${E2E_OWNER.email}`,
    );

    // Signing out through the menu is not checked here yet (under `next dev` the click did not
    // leave the page within the timeout); the API's sign-out is tested in app/api/auth/accounts.test.ts.
  });
});

test("the signed-in test account sees its name in the header", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("navigation", { name: "Account" })).toContainText(E2E_OWNER.name);
});
