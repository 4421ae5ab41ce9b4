import { expect, type Locator, type Page } from "@playwright/test";
import { monacoEditor, replaceText, visibleText } from "../code-editor-helpers";

/** `idle`: out of view, nothing asked yet (panels query when scrolled near). */
export type PanelState = "idle" | "loading" | "data" | "no-data" | "error";

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

  /**
   * Waits until every panel on the grid has finished loading; returns each one's state by title.
   * Panels query when they come near the viewport, so this scrolls down the grid as a person
   * would, to the first panel that has not asked yet, until none is left; then back to the top.
   * `timeoutMs`: for all of them to settle (a long dashboard on a busy machine needs more).
   */
  async settledStates(
    timeoutMs = 60_000,
  ): Promise<Map<string, { state: PanelState; type: string; description: string }>> {
    await expect(this.panels.first()).toBeVisible();
    await expect
      .poll(
        async () =>
          this.page.$$eval('[data-testid="dashboard-panel"] [data-testid="panel-content"]', (contents) => {
            const states = contents.map((content) => (content as HTMLElement).dataset.state);
            const idle = contents[states.indexOf("idle")];
            if (idle) idle.scrollIntoView({ block: "center" });
            return states.every((state) => state !== "loading" && state !== "idle");
          }),
        { timeout: timeoutMs },
      )
      .toBe(true);
    // A chart's chunk may still be loading after its data arrived.
    await expect(this.page.locator('[data-testid="dashboard-panel"] .dash-panel-loading')).toHaveCount(0, {
      timeout: 30_000,
    });
    await this.page.evaluate(() => window.scrollTo(0, 0));
    const entries = await this.page.$$eval('[data-testid="dashboard-panel"]', (panels) =>
      panels.map((panel) => {
        const element = panel as HTMLElement;
        const content = element.querySelector('[data-testid="panel-content"]') as HTMLElement | null;
        const description =
          element.querySelector('[data-testid="panel-description"]')?.getAttribute("title") ?? "";
        return [
          element.dataset.panelTitle ?? "",
          {
            state: (content?.dataset.state ?? "loading") as PanelState,
            type: element.dataset.panelType ?? "",
            description,
          },
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
   * Replaces the text of a code editor (Monaco, or its text area when Monaco cannot load) as a
   * person does: select everything and paste (pasted, not typed: Monaco would close brackets).
   */
  async replaceEditorText(testId: string, text: string): Promise<void> {
    if (await this.isMonaco(testId)) {
      await replaceText(this.page, await monacoEditor(this.page, testId), text);
      return;
    }
    await this.page.getByTestId(testId).fill(text);
  }

  /** Waits for Monaco to replace the text area; false when it did not come (the text area works alike). */
  private async isMonaco(testId: string): Promise<boolean> {
    const editor = this.page.getByTestId(testId);
    await expect(editor).toBeVisible();
    return expect(editor)
      .toHaveAttribute("data-editor", "monaco", { timeout: 15_000 })
      .then(() => true)
      .catch(() => false);
  }

  /** The text of a short code editor (a query): Monaco's rendered lines, or the text area's value. */
  async editorText(testId: string): Promise<string> {
    if (await this.isMonaco(testId)) return visibleText(await monacoEditor(this.page, testId));
    return this.page.getByTestId(testId).inputValue();
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
