import { expect, type Locator, type Page } from "@playwright/test";

/**
 * Driving components/code-editor's editors from a test. An editor's testId is on its textarea
 * while Monaco loads (`data-editor="fallback"`) and on Monaco's frame once it is there
 * (`data-editor="monaco"`); these helpers work with the Monaco one, after waiting for it.
 */

/** The editor with this testId, once Monaco has replaced the textarea. */
export async function monacoEditor(page: Page, testId: string): Promise<Locator> {
  const editor = page.locator(`[data-testid="${testId}"][data-editor="monaco"]`);
  await expect(editor).toBeVisible();
  await expect(editor.locator(".monaco-editor")).toBeVisible();
  return editor;
}

/** Focuses the editor and puts the cursor at the end of its text. */
export async function focusEnd(page: Page, editor: Locator): Promise<void> {
  await editor.locator(".view-lines").click();
  await page.keyboard.press("ControlOrMeta+End");
}

/**
 * Pastes text at the cursor of the focused editor. A paste, unlike typing, gets no auto-closed
 * brackets or quotes and no auto-indentation, so the text arrives exactly as given.
 */
export async function pasteText(page: Page, text: string): Promise<void> {
  await page.evaluate((pasted) => {
    const data = new DataTransfer();
    data.setData("text/plain", pasted);
    const target = document.activeElement ?? document.body;
    target.dispatchEvent(
      new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, text);
}

/** Replaces the editor's whole text, as select-all and paste. */
export async function replaceText(page: Page, editor: Locator, text: string): Promise<void> {
  await editor.locator(".view-lines").click();
  await page.keyboard.press("ControlOrMeta+a");
  if (text === "") await page.keyboard.press("Delete");
  else await pasteText(page, text);
}

/** The text Monaco shows (the visible lines; enough for a query or a short document). */
export async function visibleText(editor: Locator): Promise<string> {
  const lines = await editor.locator(".view-lines .view-line").evaluateAll((nodes) =>
    nodes
      .map((node) => ({
        top: Number.parseFloat((node as HTMLElement).style.top),
        text: node.textContent ?? "",
      }))
      .sort((a, b) => a.top - b.top)
      .map((line) => line.text.replace(/\u00a0/g, " ")),
  );
  return lines.join("\n");
}

/** Hovers the first squiggle of that severity and returns the hover's text. */
export async function hoverSquiggle(
  page: Page,
  editor: Locator,
  severity: "error" | "warning",
): Promise<string> {
  const squiggle = editor.locator(`.squiggly-${severity}`).first();
  const hover = page.locator(".monaco-hover:not(.hidden)").filter({ hasText: /\S/ }).first();
  let text = "";
  // Markers can move while validation catches up with the text: aim again until a hover shows.
  await expect(async () => {
    await page.mouse.move(0, 0);
    const box = await squiggle.boundingBox();
    if (!box) throw new Error(`no ${severity} squiggle`);
    // Decorations do not take the pointer; Monaco finds the hover from the mouse over the text.
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - 4);
    await expect(hover).toBeVisible({ timeout: 3_000 });
    text = ((await hover.textContent()) ?? "").trim();
  }).toPass({ timeout: 15_000 });
  return text;
}
