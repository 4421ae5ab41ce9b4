import { expect, type Locator, type Page } from "@playwright/test";
import { monacoEditor, replaceText, visibleText } from "../code-editor-helpers";

/** `/projects/{id}/alerts/{group}`: the rule group editor, its form and YAML tabs. */
export class AlertsGroupEditor {
  readonly root: Locator;
  readonly saveStatus: Locator;
  readonly forField: Locator;
  readonly forIssues: Locator;
  readonly yamlMarkers: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId("rule-group-editor");
    this.saveStatus = page.getByTestId("save-status");
    this.forField = page.getByTestId("rule-for");
    this.forIssues = page.getByTestId("rule-for-issues");
    this.yamlMarkers = page.getByTestId("group-yaml-editor-markers");
  }

  async goto(id: string, group: string): Promise<void> {
    await this.page.goto(`/projects/${id}/alerts/${encodeURIComponent(group)}`);
    await expect(this.root).toHaveAttribute("data-group", group);
  }

  async addFromCatalog(alert: string): Promise<void> {
    await this.page.getByTestId("open-catalog").click();
    await this.page.getByTestId(`catalog-add-${alert}`).click();
    await expect(this.page.getByTestId("rule-alert")).toHaveValue(alert);
  }

  async openRule(name: string): Promise<void> {
    await this.page.locator(`[data-testid="group-rule"][data-rule-name="${name}"] .alerts-rule-pick`).click();
    await expect(this.page.getByTestId("rule-form")).toBeVisible();
  }

  async showForm(): Promise<void> {
    await this.page.getByTestId("group-tab-form").click();
    await expect(this.page.getByTestId("group-rule-list")).toBeVisible();
  }

  async showYaml(): Promise<Locator> {
    await this.page.getByTestId("group-tab-yaml").click();
    return monacoEditor(this.page, "group-yaml-editor");
  }

  async setExpression(expr: string): Promise<void> {
    const editor = await monacoEditor(this.page, "rule-expr-editor");
    await replaceText(this.page, editor, expr);
    // The editor tells the form after a short pause, or when it loses focus.
    await this.forField.click();
  }

  async yamlText(): Promise<string> {
    return visibleText(await this.showYaml());
  }

  async replaceYaml(text: string): Promise<void> {
    const editor = await this.showYaml();
    await replaceText(this.page, editor, text);
  }

  async save(): Promise<void> {
    await this.page.getByTestId("save-group").click();
  }

  async expectSaved(): Promise<void> {
    await expect(this.saveStatus).toHaveAttribute("data-state", "saved");
  }

  /** The stored version the draft is based on. */
  async baseVersion(): Promise<number> {
    return Number(await this.root.getAttribute("data-base-version"));
  }

  /** Waits for an autosave after `version`: a newer base version, and nothing unsaved. */
  async expectSavedAfter(version: number): Promise<void> {
    await expect.poll(() => this.baseVersion()).toBeGreaterThan(version);
    await this.expectSaved();
  }

  /** The names of the open rule's labels. */
  async labelNames(): Promise<string[]> {
    return this.page
      .getByTestId("rule-labels-key")
      .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
  }
}
