import { expect, test } from "./dashboard-fixtures";

/**
 * A read-only share link, end to end: the owner makes one on the project's Settings page; a
 * browser with no account (a context without the signed-in storage state) opens it and sees the
 * dashboard drawn from the demo Prometheus, the alert rules and the bundle, with nothing to edit;
 * the owner revokes it and the visitor's next load shows that the link is gone.
 */
test("a share link shows the project without an account until the owner revokes it", async ({
  page,
  browser,
  baseURL,
  demoProject,
  consoleGuard,
}) => {
  test.setTimeout(180_000);
  await page.goto(`/projects/${demoProject.id}/settings`);
  const manager = page.getByTestId("share-links");
  await expect(manager.getByText("No share links yet.")).toBeVisible();
  await manager.getByLabel("Label (who it is for)").fill("Payments on-call");
  await manager.getByRole("button", { name: "Create share link" }).click();
  const linkField = manager.getByLabel(/New share link/);
  await expect(linkField).toHaveValue(/\/share\/[A-Za-z0-9_-]{43}$/);
  const url = await linkField.inputValue();
  await expect(manager.getByTestId("share-link-row")).toHaveCount(1);
  await expect(manager.getByTestId("share-link-row")).toContainText("Payments on-call");

  const visitorContext = await browser.newContext({ baseURL, acceptDownloads: true });
  consoleGuard.watchContext(visitorContext);
  // The refused DELETE below (403); after the revocation, background refetches (401) and the reload (404).
  consoleGuard.allow(/status of 40[134]/);
  try {
    const visitor = await visitorContext.newPage();
    const opened = await visitor.goto(url);
    expect(opened?.status()).toBe(200);
    await expect(visitor).toHaveURL(url);
    await expect(visitor.getByTestId("shared-project-name")).toHaveText(demoProject.name);
    // The first dashboard draws from the demo Prometheus.
    const drawn = visitor.locator("[data-testid=panel-content][data-state=data]");
    await expect(drawn.first()).toBeVisible({ timeout: 60_000 });
    await expect(
      visitor.locator(".dash-chart-marks path, .dash-chart-marks rect, [data-testid=stat-value]").first(),
    ).toBeVisible();
    await expect(visitor.getByTestId("panel-error")).toHaveCount(0);
    // The alert rules, read-only.
    await expect(visitor.getByTestId("shared-rule").first()).toBeVisible();
    // Nothing to edit: no input, no editing button, no link into the app's other pages.
    await expect(visitor.getByRole("textbox")).toHaveCount(0);
    await expect(
      visitor.getByRole("button", { name: /^(Edit|Delete|Duplicate|Save|Add panel|Alert|Inspect)\b/ }),
    ).toHaveCount(0);
    await expect(visitor.locator(`main a[href^="/projects"]`)).toHaveCount(0);
    // The bundle downloads.
    const download = visitor.waitForEvent("download");
    await visitor.getByTestId("shared-download-bundle").click();
    expect((await download).suggestedFilename()).toMatch(/-observability-v\d+\.zip$/);
    // The visitor's calls cannot change the project.
    const put = await visitor.evaluate(
      async ([id, token]) =>
        (
          await fetch(`/api/projects/${id}`, {
            method: "DELETE",
            headers: { "x-obsforge-share": token as string },
          })
        ).status,
      [demoProject.id, url.split("/share/")[1]],
    );
    expect(put).toBe(403);

    await manager.getByRole("button", { name: "Revoke Payments on-call" }).click();
    await expect(manager.getByTestId("share-link-row")).toHaveAttribute("data-active", "false");
    await expect(manager.getByTestId("share-link-row")).toContainText("revoked");

    const gone = await visitor.reload();
    expect(gone?.status()).toBe(404);
    await expect(visitor).toHaveURL(/\/share\/revoked$/);
    await expect(visitor.getByTestId("share-link-gone")).toHaveText(
      "This share link is revoked or does not exist",
    );
    await expect(visitor.getByTestId("shared-project-name")).toHaveCount(0);
    const bundle = await visitor.request.get(`${url}/bundle`);
    expect(bundle.status()).toBe(404);
    // A made-up link is no different.
    const madeUp = await visitor.goto(`/share/${"x".repeat(43)}`);
    expect(madeUp?.status()).toBe(404);
    await expect(visitor.getByTestId("share-link-gone")).toBeVisible();
  } finally {
    await visitorContext.close();
  }
});
