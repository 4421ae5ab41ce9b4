import { expect, type Locator, type Page } from "@playwright/test";

/** `/projects/{id}/alerts`: rule groups and rules, filters, live state, new groups. */
export class AlertsRulesPage {
  readonly root: Locator;
  readonly newGroupName: Locator;
  readonly filterName: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId("alerts-page");
    this.newGroupName = page.getByTestId("new-group-name");
    this.filterName = page.getByTestId("filter-name");
  }

  async goto(id: string): Promise<void> {
    await this.page.goto(`/projects/${id}/alerts`);
    await expect(this.root).toBeVisible();
  }

  group(name: string): Locator {
    return this.page.locator(`[data-testid="rule-group"][data-group="${name}"]`);
  }

  rule(name: string): Locator {
    return this.page.locator(`[data-testid="rule-row"][data-rule-name="${name}"]`);
  }

  /** Creates a group; the page then opens it in the editor. */
  async createGroup(name: string): Promise<void> {
    await this.newGroupName.fill(name);
    await this.page.getByTestId("create-group").click();
    await expect(this.page.getByTestId("rule-group-editor")).toHaveAttribute("data-group", name);
  }
}
