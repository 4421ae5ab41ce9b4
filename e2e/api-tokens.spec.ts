import { expect, test } from "./fixtures";

/**
 * A personal API token, end to end: made on the Account page (its value shown once), used alone
 * (an HTTP client with no cookie) on GET /api/projects, its last use listed, revoked on the page
 * after a confirmation, and the same call then refused with 401 saying it is revoked.
 */
test("a personal API token works without a cookie until it is revoked on the Account page", async ({
  page,
  playwright,
  baseURL,
  consoleGuard,
}) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Account" }).click();
  await expect(page).toHaveURL(/\/account$/);
  const tokens = page.getByTestId("api-tokens");
  // The run's account may hold other specs' tokens: this one is told apart by its name.
  const name = `e2e script ${test.info().workerIndex}-${Date.now().toString(36)}`;
  await expect(
    tokens.getByText("No API tokens yet.").or(tokens.getByTestId("api-tokens-table")),
  ).toBeVisible();

  // A name is required: the field error says so, and nothing is made.
  await tokens.getByRole("button", { name: "Create token" }).click();
  await expect(tokens.getByRole("alert")).toContainText("give the token a name");
  await tokens.getByLabel("Token name").fill(name);
  await tokens.getByLabel(/Expires after/).fill("7");
  await tokens.getByRole("button", { name: "Create token" }).click();
  const field = tokens.getByLabel(/New API token/);
  await expect(field).toHaveValue(/^obf_[A-Za-z0-9_-]{43}$/);
  await expect(tokens.getByText(/you will not see it again/)).toBeVisible();
  await expect(tokens.getByRole("button", { name: "Copy token" })).toBeVisible();
  const value = await field.inputValue();
  const row = tokens.getByTestId("api-token-row").filter({ hasText: name });
  await expect(row).toBeVisible();
  await expect(row).toContainText(`${value.slice(0, 10)}…`);
  await expect(row.getByRole("cell").nth(3)).toHaveText("never");

  // An HTTP client with an empty storage state (the config's would sign it in): no cookie, only the token.
  const client = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  try {
    expect((await client.get("/api/projects")).status()).toBe(401);
    const listed = await client.get("/api/projects", { headers: { authorization: `Bearer ${value}` } });
    expect(listed.status()).toBe(200);
    expect(Array.isArray(await listed.json())).toBe(true);

    // Reloaded, the list shows the use, and the value is gone from the page for good.
    await page.reload();
    await expect(row.getByRole("cell").nth(3)).not.toHaveText("never");
    await expect(tokens.getByLabel(/New API token/)).toHaveCount(0);
    expect(await page.content()).not.toContain(value.slice(10));

    await row.getByRole("button", { name: `Revoke ${name}` }).click();
    const dialog = page.getByTestId("revoke-api-token");
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("stop working at once");
    await dialog.getByRole("button", { name: "Revoke token" }).click();
    await expect(dialog).toBeHidden();
    await expect(row).toHaveCount(0);

    const refused = await client.get("/api/projects", { headers: { authorization: `Bearer ${value}` } });
    expect(refused.status()).toBe(401);
    expect((await refused.json()).error).toContain("the API token is revoked");
  } finally {
    await client.dispose();
  }
  expect(consoleGuard.errors).toEqual([]);
});
