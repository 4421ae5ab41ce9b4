import { expect, test } from "./dashboard-fixtures";
import { AlertsGroupEditor } from "./pages/alerts-group-editor";

/**
 * The Tests part of a rule: each input series and its values are one-line fields as tall as any
 * other, wide enough to read (a flex basis meant for the label editor's rows made them 260px tall).
 * The project previews against the demo Prometheus: the editor asks it for live state and annotations.
 */
test("a rule test's series and values fields are one line high", async ({ page, demoProject }) => {
  const editor = new AlertsGroupEditor(page);
  await editor.goto(demoProject.id, "fraiseql-performance");
  await editor.openRule("HighErrorRate");
  const series = page.getByTestId("rule-tests").getByLabel("Series 1").first();
  await expect(series).toBeVisible();
  for (const field of [series, page.getByTestId("rule-tests").getByLabel("Values 1").first()]) {
    const box = await field.boundingBox();
    expect(box?.height).toBeLessThan(60);
    expect(box?.width).toBeGreaterThan(150);
  }
});
