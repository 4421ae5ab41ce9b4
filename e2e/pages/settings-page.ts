import { expect, type Locator, type Page } from "@playwright/test";

/** `/projects/{id}/settings`: the settings form, its conflict banner and review panel. */
export class SettingsPage {
  readonly form: Locator;
  readonly environment: Locator;
  readonly metricsRetention: Locator;
  readonly logsRetention: Locator;
  readonly conflictBanner: Locator;
  readonly reviewPanel: Locator;
  readonly notice: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByTestId("settings-form");
    this.environment = page.getByTestId("settings-environment");
    this.metricsRetention = page.getByTestId("settings-metrics-retention");
    this.logsRetention = page.getByTestId("settings-logs-retention");
    this.conflictBanner = page.getByTestId("conflict-banner");
    this.reviewPanel = page.getByTestId("review-panel");
    this.notice = page.getByTestId("settings-notice");
  }

  async goto(id: string): Promise<void> {
    await this.page.goto(`/projects/${id}/settings`);
    await expect(this.form).toBeVisible();
  }

  async save(): Promise<void> {
    await this.page.getByTestId("save-settings").click();
  }

  /** Saves and waits for the success notice naming the new version. */
  async saveExpectingVersion(version: number): Promise<void> {
    await this.save();
    await expect(this.notice).toHaveText(`Saved as version ${version}.`);
  }

  async reviewLatest(): Promise<void> {
    await this.conflictBanner.getByTestId("review-latest").click();
    await expect(this.reviewPanel).toBeVisible();
  }

  async reapplyChanges(): Promise<void> {
    await this.reviewPanel.getByTestId("reapply-changes").click();
    await expect(this.reviewPanel).toBeHidden();
  }
}
