import { expect, type Locator, type Page } from "@playwright/test";
import { visibleText } from "../code-editor-helpers";

export type DiffSide = "original" | "modified";

/** `/projects/{id}/history/compare?from=A&to=B`: the change summary and one JSON diff per changed section. */
export class HistoryComparePage {
  readonly summary: Locator;
  readonly sections: Locator;
  readonly unchangedSections: Locator;
  readonly fromSelect: Locator;
  readonly toSelect: Locator;

  constructor(readonly page: Page) {
    this.summary = page.getByTestId("compare-summary");
    this.sections = page.getByTestId("section-diff");
    this.unchangedSections = page.getByTestId("unchanged-sections");
    this.fromSelect = page.getByTestId("compare-from-select");
    this.toSelect = page.getByTestId("compare-to-select");
  }

  async goto(id: string, from: number, to: number): Promise<void> {
    await this.page.goto(`/projects/${id}/history/compare?from=${from}&to=${to}`);
    await this.expectLoaded(id, from, to);
  }

  /** Waits for the page of that pair (after a link or a chooser brought us here). */
  async expectLoaded(id: string, from: number, to: number): Promise<void> {
    await this.page.waitForURL(
      (url) =>
        url.pathname === `/projects/${id}/history/compare` &&
        url.searchParams.get("from") === String(from) &&
        url.searchParams.get("to") === String(to),
    );
    await expect(this.fromSelect).toHaveValue(String(from));
    await expect(this.toSelect).toHaveValue(String(to));
    await expect(this.summary).toBeVisible();
  }

  /** One changed section, by its key (`settings`, `dashboard:<uid>` …). */
  section(key: string): Locator {
    return this.page.locator(`[data-testid="section-diff"][data-section="${key}"]`);
  }

  /** The section's diff editor, once Monaco has replaced the textareas and computed the diff. */
  async diffEditor(key: string): Promise<Locator> {
    const editor = this.page.locator(`[data-testid="diff-editor-${key}"][data-editor="monaco"]`);
    await expect(editor).toBeVisible();
    await expect(editor).toHaveAttribute("data-diff", "computed");
    await expect(editor.locator(".monaco-diff-editor")).toBeVisible();
    return editor;
  }

  /** The lines one side of a diff editor shows (the unchanged stretches are folded away). */
  async sideText(editor: Locator, side: DiffSide): Promise<string> {
    return visibleText(editor.locator(`.editor.${side}`));
  }
}
