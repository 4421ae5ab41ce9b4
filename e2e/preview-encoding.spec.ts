import { expect, test } from "./dashboard-fixtures";

/**
 * A preview answer through the real server (`next start`), to a browser that takes gzip: one
 * layer of compression, so the page reads it. A route that gzipped its own answer had its
 * content-encoding dropped by Next and the body gzipped again; the rules page then said "Live state
 * unavailable: unexpected response" and every large preview failed.
 */
test("preview answers over 1 KB reach the browser as JSON, compressed once", async ({
  page,
  demoProject,
}) => {
  const answer = await page.request.get(`/api/projects/${demoProject.id}/preview/rules`, {
    headers: { "accept-encoding": "gzip, deflate, br" },
  });
  expect(answer.status()).toBe(200);
  const body = await answer.body();
  expect(body.length).toBeGreaterThan(1024);
  expect(JSON.parse(body.toString("utf8")).status).toBe("success");

  const rules = page.waitForResponse((response) => response.url().includes("/preview/rules"));
  await page.goto(`/projects/${demoProject.id}/alerts`);
  await rules;
  await expect(page.getByRole("heading", { name: "Alerts" })).toBeVisible();
  await expect(page.locator("body")).not.toContainText("Live state unavailable");
});
