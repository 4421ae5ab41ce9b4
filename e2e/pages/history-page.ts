import { expect, type Locator, type Page } from "@playwright/test";

/** `/projects/{id}/history` and `/projects/{id}/history/{version}`. */
export class HistoryPage {
  readonly rows: Locator;
  readonly readonlyBanner: Locator;

  constructor(readonly page: Page) {
    this.rows = page.getByTestId("revision-row");
    this.readonlyBanner = page.getByTestId("readonly-banner");
  }

  async goto(id: string): Promise<void> {
    await this.page.goto(`/projects/${id}/history`);
    await expect(this.page.getByTestId("revisions-table")).toBeVisible();
  }

  row(version: number): Locator {
    return this.page.locator(`[data-testid="revision-row"][data-version="${version}"]`);
  }

  async openRevision(version: number): Promise<void> {
    await this.page.getByTestId(`open-revision-${version}`).click();
    await expect(this.readonlyBanner).toContainText(`Read-only: version ${version}`);
  }

  /** Ticks a version's compare box. */
  async selectForCompare(version: number): Promise<void> {
    await this.page.getByTestId(`compare-select-${version}`).check();
  }

  /** Opens the comparison of the two ticked versions. */
  async compareSelected(): Promise<void> {
    await this.page.getByTestId("compare-selected").click();
  }

  /** Opens the comparison of a version with the one before it. */
  async compareWithPrevious(version: number): Promise<void> {
    await this.page.getByTestId(`compare-previous-${version}`).click();
  }

  /** Restores through the confirmation dialog (from the list or a revision's page). */
  async restore(version: number): Promise<void> {
    await this.page.getByTestId(`restore-${version}`).click();
    const dialog = this.page.getByTestId("restore-dialog");
    await expect(dialog).toBeVisible();
    await dialog.getByTestId("restore-dialog-confirm").click();
    await expect(dialog).toBeHidden();
  }
}
