import { expect, type Locator, type Page } from "@playwright/test";

/** `/projects/{id}/alerting`: receivers, the route tree with who-gets, inhibit rules. */
export class AlertingPage {
  readonly root: Locator;
  readonly saveStatus: Locator;
  readonly saveButton: Locator;
  readonly nodeEditor: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId("alerting-editor");
    this.saveStatus = page.getByTestId("save-status");
    this.saveButton = page.getByTestId("save-alerting");
    this.nodeEditor = page.getByTestId("route-node-editor");
  }

  async goto(id: string): Promise<void> {
    await this.page.goto(`/projects/${id}/alerting`);
    await expect(this.root).toBeVisible();
  }

  async showTab(tab: "receivers" | "routes" | "inhibit" | "intervals"): Promise<void> {
    await this.page.getByTestId(`alerting-tab-${tab}`).click();
    await expect(this.page.getByTestId(`${tab}-tab`)).toBeVisible();
  }

  async addReceiver(name: string): Promise<void> {
    await this.page.getByTestId("add-receiver").click();
    const field = this.page.getByLabel("Receiver name");
    await field.fill(name);
    await field.press("Enter");
    await expect(this.page.locator(`[data-testid="receiver-item"][data-receiver="${name}"]`)).toBeVisible();
  }

  async addIntegration(type: "Slack" | "Email" | "PagerDuty" | "Webhook"): Promise<void> {
    await this.page.getByLabel("Integration type").selectOption({ label: type });
    await this.page.getByTestId("add-integration").click();
  }

  /** Selects a route node by its index path (`root`, `0`, `0.1`). */
  async selectRoute(path: string): Promise<void> {
    await this.page.locator(`[data-testid="route-tree-node"][data-path="${path}"] > button`).click();
    await expect(this.nodeEditor).toHaveAttribute("data-path", path);
  }

  node(path: string): Locator {
    return this.page.locator(`[data-testid="route-tree-node"][data-path="${path}"]`);
  }

  async save(): Promise<void> {
    await this.saveButton.click();
    await expect(this.saveStatus).toHaveAttribute("data-state", "saved");
  }

  /** The "Import alertmanager.yml" dialog. */
  get importDialog(): Locator {
    return this.page.getByTestId("alerting-import");
  }

  get importReport(): Locator {
    return this.page.getByTestId("alerting-import-report");
  }

  /** Opens the import dialog, pastes `yaml` and reads it: then the report or the error shows. */
  async readImport(yaml: string): Promise<void> {
    if (!(await this.importDialog.isVisible())) await this.page.getByTestId("alerting-import-open").click();
    await expect(this.importDialog).toBeVisible();
    await this.importDialog.getByLabel("alertmanager.yml").fill(yaml);
    await this.importDialog.getByRole("button", { name: "Read the file" }).click();
  }

  /** Replaces the draft with the import read: the dialog closes. */
  async replaceWithImport(): Promise<void> {
    await this.importDialog.getByRole("button", { name: "Replace alerting configuration" }).click();
    await expect(this.importDialog).toBeHidden();
  }

  receiverItems(): Locator {
    return this.page.getByTestId("receiver-item");
  }

  async askWhoGets(labels: string): Promise<void> {
    await this.page.getByTestId("who-gets-mode-typed").click();
    await this.page.getByLabel("Labels", { exact: true }).fill(labels);
    await this.page.getByTestId("who-gets-ask").click();
  }
}
