import { expect, test, uniqueName } from "./fixtures";
import { AlertsGroupEditor } from "./pages/alerts-group-editor";

/**
 * The Tests part of a rule: each input series and its values are one-line fields as tall as any
 * other, wide enough to read (a flex basis meant for the label editor's rows made them 260px tall).
 */
test("a rule test's series and values fields are one line high", async ({ page, request }) => {
  const created = await request.post("/api/projects", {
    data: { template: "standard", name: uniqueName("Tests layout") },
  });
  expect(created.status(), await created.text()).toBe(201);
  const record = await created.json();

  const editor = new AlertsGroupEditor(page);
  await editor.goto(record.id, "fraiseql-performance");
  await editor.openRule("HighErrorRate");
  const series = page.getByTestId("rule-tests").getByLabel("Series 1").first();
  await expect(series).toBeVisible();
  for (const field of [series, page.getByTestId("rule-tests").getByLabel("Values 1").first()]) {
    const box = await field.boundingBox();
    expect(box?.height).toBeLessThan(60);
    expect(box?.width).toBeGreaterThan(150);
  }
});
