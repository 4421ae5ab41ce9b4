import { type Download, expect, type Locator, type Page } from "@playwright/test";

/** `/projects/{id}`: header, actions, validation panel and the project's sections. */
export class OverviewPage {
  readonly name: Locator;
  readonly version: Locator;
  readonly validation: Locator;

  constructor(readonly page: Page) {
    this.name = page.getByTestId("project-name");
    this.version = page.getByTestId("project-version");
    this.validation = page.getByTestId("validation-panel");
  }

  async goto(id: string): Promise<void> {
    await this.page.goto(`/projects/${id}`);
    await expect(this.name).toBeVisible();
  }

  async expectLoaded(name: string, version?: number): Promise<void> {
    await expect(this.name).toHaveText(name);
    if (version !== undefined) await expect(this.version).toHaveText(`v${version}`);
  }

  async downloadBundle(): Promise<Download> {
    const download = this.page.waitForEvent("download");
    await this.page.getByTestId("download-bundle").click();
    return download;
  }

  /** Deletes through the dialog, typing the name as the confirmation. */
  async delete(name: string): Promise<void> {
    await this.page.getByTestId("delete-project").click();
    const dialog = this.page.getByTestId("delete-dialog");
    await expect(dialog).toBeVisible();
    const confirm = dialog.getByTestId("delete-dialog-confirm");
    await expect(confirm).toBeDisabled();
    await dialog.getByTestId("delete-confirm-name").fill(name);
    await expect(confirm).toBeEnabled();
    await confirm.click();
    await this.page.waitForURL((url) => url.pathname === "/");
  }
}
