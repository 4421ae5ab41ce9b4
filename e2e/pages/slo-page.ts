import { expect, type Locator, type Page } from "@playwright/test";

/** `/projects/{id}/slos`: the SLO form, what it generates, and Save as rule group. */
export class SloPageObject {
  readonly name: Locator;
  readonly objective: Locator;
  readonly events: Locator;
  readonly total: Locator;
  readonly groupBy: Locator;
  readonly policy: Locator;
  readonly budgetRows: Locator;
  readonly alertWindows: Locator;
  readonly warnings: Locator;
  readonly yaml: Locator;
  readonly saved: Locator;

  constructor(readonly page: Page) {
    this.name = page.getByTestId("slo-name");
    this.objective = page.getByTestId("slo-objective");
    this.events = page.getByTestId("slo-events");
    this.total = page.getByTestId("slo-total");
    this.groupBy = page.getByTestId("slo-group-by");
    this.policy = page.getByTestId("slo-policy");
    this.budgetRows = page.getByTestId("slo-budget-row");
    this.alertWindows = page.getByTestId("slo-alert-window");
    this.warnings = page.getByTestId("slo-warning");
    this.yaml = page.getByTestId("slo-yaml");
    this.saved = page.getByTestId("slo-saved");
  }

  async goto(id: string, group?: string): Promise<void> {
    await this.page.goto(`/projects/${id}/slos${group ? `?group=${encodeURIComponent(group)}` : ""}`);
    await expect(this.name).toBeVisible();
  }

  budgetRow(route: string): Locator {
    return this.budgetRows.filter({ hasText: `route="${route}"` });
  }

  async save(): Promise<void> {
    await this.page.getByTestId("slo-save").click();
    await expect(this.saved).toContainText("Saved as version");
  }
}
