import { expect, type Locator, type Page } from "@playwright/test";

export type PanelState = "loading" | "data" | "no-data" | "error";

/** `/projects/{id}/dashboards/{uid}`: the grid, the toolbar, the panel editor. */
export class DashboardPage {
  readonly designer: Locator;
  readonly panels: Locator;
  readonly saveStatus: Locator;
  readonly editor: Locator;
  readonly conflictBanner: Locator;

  constructor(readonly page: Page) {
    this.designer = page.getByTestId("dashboard-designer");
    this.panels = page.getByTestId("dashboard-panel");
    this.saveStatus = page.getByTestId("save-status");
    this.editor = page.getByTestId("panel-editor");
    this.conflictBanner = page.getByTestId("conflict-banner");
  }

  async goto(projectId: string, uid: string): Promise<void> {
    await this.page.goto(`/projects/${projectId}/dashboards/${uid}`);
    await expect(this.designer).toBeVisible();
  }

  panel(title: string): Locator {
    return this.page.locator(`[data-testid="dashboard-panel"][data-panel-title="${title}"]`);
  }

  row(title: string): Locator {
    return this.page.getByTestId("dashboard-row").filter({ hasText: title });
  }

  /** Waits until every panel on the grid has finished loading; returns each one's state by title. */
  async settledStates(): Promise<Map<string, { state: PanelState; type: string; description: string }>> {
    await expect(this.panels.first()).toBeVisible();
    await expect
      .poll(
        async () =>
          this.page.$$eval('[data-testid="dashboard-panel"] [data-testid="panel-content"]', (contents) =>
            contents.every((content) => (content as HTMLElement).dataset.state !== "loading"),
          ),
        { timeout: 60_000 },
      )
      .toBe(true);
    // A chart's chunk may still be loading after its data arrived.
    await expect(this.page.locator('[data-testid="dashboard-panel"] .dash-panel-loading')).toHaveCount(0, { timeout: 30_000 });
    const entries = await this.page.$$eval('[data-testid="dashboard-panel"]', (panels) =>
      panels.map((panel) => {
        const element = panel as HTMLElement;
        const content = element.querySelector('[data-testid="panel-content"]') as HTMLElement | null;
        const description = element.querySelector('[data-testid="panel-description"]')?.getAttribute("title") ?? "";
        return [
          element.dataset.panelTitle ?? "",
          { state: (content?.dataset.state ?? "loading") as PanelState, type: element.dataset.panelType ?? "", description },
        ] as const;
      }),
    );
    return new Map(entries);
  }

  async openEditor(title: string): Promise<void> {
    const panel = this.panel(title);
    await panel.hover();
    await panel.getByTestId("panel-edit").click();
    await expect(this.editor).toBeVisible();
  }

  async closeEditor(): Promise<void> {
    await this.page.getByTestId("editor-close").click();
    await expect(this.editor).toBeHidden();
  }

  async tab(name: "form" | "panel-json" | "dashboard-json"): Promise<void> {
    await this.page.getByTestId(`editor-tab-${name}`).click();
  }

  /**
   * Replaces the text of a code editor (Monaco or a text field) the way a person does: focus it,
   * select everything, paste the new text. Pasted, not typed: Monaco closes brackets and quotes
   * and indents new lines as they are typed.
   */
  async replaceEditorText(testId: string, text: string): Promise<void> {
    const editor = this.page.getByTestId(testId);
    await this.waitForEditor(testId);
    await this.page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await this.page.evaluate((value) => navigator.clipboard.writeText(value), text);
    await editor.click();
    await this.page.keyboard.press("ControlOrMeta+a");
    await this.page.keyboard.press("ControlOrMeta+v");
  }

  /** Monaco replaces the plain text area once its chunk arrives: type into the final one. */
  async waitForEditor(testId: string): Promise<void> {
    await expect(this.page.getByTestId(testId)).toHaveAttribute("data-editor", /monaco|fallback/, { timeout: 20_000 });
    await expect
      .poll(async () => this.page.getByTestId(testId).getAttribute("data-editor"), { timeout: 10_000 })
      .toBe("monaco")
      .catch(() => {
        // Monaco could not load: the text area stays, and works the same.
      });
  }

  /** The text of a short code editor (a query): Monaco's rendered lines, or the text area's value. */
  async editorText(testId: string): Promise<string> {
    const editor = this.page.getByTestId(testId);
    return editor.evaluate((element) => {
      if (element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement) return element.value;
      const lines = [...element.querySelectorAll(".view-line")] as HTMLElement[];
      return lines
        .sort((a, b) => Number.parseFloat(a.style.top) - Number.parseFloat(b.style.top))
        .map((line) => line.innerText.replace(/\u00a0/g, " "))
        .join("\n");
    });
  }

  /** The panel JSON tab's current text. */
  async panelJson(): Promise<string> {
    return (await this.page.getByTestId("panel-json-tab").getAttribute("data-value")) ?? "";
  }

  previewResolvedQuery(refId: string): Locator {
    return this.page
      .getByTestId("inspector-target")
      .and(this.page.locator(`[data-ref-id="${refId}"]`))
      .getByTestId("inspector-resolved-query");
  }

  async expectSaved(version?: number): Promise<void> {
    await expect(this.saveStatus).toHaveAttribute("data-state", "saved", { timeout: 20_000 });
    if (version !== undefined) await expect(this.saveStatus).toContainText(`v${version}`);
  }

  /** Presses a key combination with the focus outside any text field, where it acts on the dashboard. */
  async shortcut(keys: string): Promise<void> {
    await this.page.getByTestId("dashboard-title").click();
    await this.page.keyboard.press(keys);
  }
}
