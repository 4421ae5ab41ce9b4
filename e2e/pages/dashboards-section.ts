import { expect, type Locator, type Page } from "@playwright/test";

/** The overview's dashboards section: its rows, "New dashboard" and each row's delete. */
export class DashboardsSection {
  readonly section: Locator;
  readonly rows: Locator;
  readonly newDialog: Locator;
  readonly deleteDialog: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByTestId("dashboards-section");
    this.rows = this.section.getByTestId("dashboard-row");
    this.newDialog = page.getByTestId("new-dashboard-dialog");
    this.deleteDialog = page.getByTestId("delete-dashboard-dialog");
  }

  row(uid: string): Locator {
    return this.section.locator(`[data-testid="dashboard-row"][data-uid="${uid}"]`);
  }

  /** The titles of the listed dashboards, in order. */
  titles(): Promise<string[]> {
    return this.section.getByTestId("dashboard-link").allInnerTexts();
  }

  async openNewDialog(): Promise<void> {
    await this.section.getByTestId("new-dashboard").click();
    await expect(this.newDialog).toBeVisible();
  }

  /** The segmented choice's radios are hidden behind their labels: the label is what a user clicks. */
  private async chooseMode(label: "Blank" | "From the catalog"): Promise<void> {
    await this.newDialog.locator("label.segment", { hasText: label }).click();
    await expect(this.newDialog.getByRole("radio", { name: label })).toBeChecked();
  }

  /** "New dashboard" → Blank with a title → Create; waits for the designer's URL and returns the uid. */
  async createBlank(title: string): Promise<string> {
    await this.openNewDialog();
    await this.chooseMode("Blank");
    const confirm = this.newDialog.getByTestId("new-dashboard-dialog-confirm");
    await expect(confirm).toBeDisabled();
    await this.newDialog.getByTestId("new-dashboard-title").fill(title);
    await confirm.click();
    return this.waitForDesigner();
  }

  /** The catalog choices as the dialog shows them (switching it to "From the catalog"). */
  async openCatalog(): Promise<Locator> {
    await this.openNewDialog();
    await this.chooseMode("From the catalog");
    const choices = this.newDialog.getByTestId("catalog-choice");
    await expect(choices.first()).toBeVisible();
    return choices;
  }

  catalogChoice(template: string): Locator {
    return this.newDialog.locator(`[data-testid="catalog-choice"][data-template="${template}"]`);
  }

  /** Picks a catalog dashboard in the open dialog and adds it; returns the new dashboard's uid. */
  async addFromCatalog(template: string): Promise<string> {
    await this.catalogChoice(template).getByRole("radio").check();
    await this.newDialog.getByTestId("new-dashboard-dialog-confirm").click();
    return this.waitForDesigner();
  }

  private async waitForDesigner(): Promise<string> {
    await this.page.waitForURL(/\/projects\/[^/]+\/dashboards\/[^/?#]+/);
    return decodeURIComponent(new URL(this.page.url()).pathname.split("/").at(-1) ?? "");
  }

  /** Opens the delete confirmation of one row; the dialog names the dashboard. */
  async askDelete(uid: string): Promise<void> {
    await this.row(uid).getByTestId("dashboard-delete").click();
    await expect(this.deleteDialog).toBeVisible();
  }

  async confirmDelete(): Promise<void> {
    await this.deleteDialog.getByTestId("delete-dashboard-dialog-confirm").click();
  }
}
