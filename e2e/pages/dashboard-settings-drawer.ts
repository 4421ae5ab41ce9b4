import { expect, type Locator, type Page } from "@playwright/test";

/** The designer's "Dashboard settings" drawer: the General and Variables tabs. */
export class DashboardSettingsDrawer {
  readonly drawer: Locator;
  readonly variableList: Locator;
  readonly editor: Locator;
  readonly preview: Locator;
  readonly undefinedVariables: Locator;
  readonly deleteDialog: Locator;

  constructor(readonly page: Page) {
    this.drawer = page.getByTestId("dashboard-settings");
    this.variableList = this.drawer.getByTestId("variable-list");
    this.editor = this.drawer.getByTestId("variable-editor");
    this.preview = this.drawer.getByTestId("variable-preview");
    this.undefinedVariables = this.drawer.getByTestId("undefined-variables");
    this.deleteDialog = page.getByTestId("delete-variable-dialog");
  }

  async open(tab: "general" | "variables"): Promise<void> {
    if (!(await this.drawer.isVisible())) await this.page.getByTestId("dashboard-settings-toggle").click();
    await expect(this.drawer).toBeVisible();
    await this.drawer.getByTestId(`settings-tab-${tab}`).click();
    await expect(this.drawer.getByTestId(`settings-tab-${tab}`)).toHaveAttribute("aria-selected", "true");
  }

  row(name: string): Locator {
    return this.drawer.locator(`[data-testid="variable-row"][data-variable-name="${name}"]`);
  }

  async addVariable(type: string, name: string): Promise<void> {
    await this.drawer.getByTestId("new-variable-type").selectOption(type);
    await this.drawer.getByTestId("new-variable-name").fill(name);
    await this.drawer.getByTestId("add-variable").click();
    await expect(this.editor).toHaveAttribute("data-variable-name", name);
  }

  async select(name: string): Promise<void> {
    await this.row(name).getByTestId("variable-select").click();
    await expect(this.editor).toHaveAttribute("data-variable-name", name);
  }

  field(testId: string): Locator {
    return this.drawer.getByTestId(testId);
  }
}
