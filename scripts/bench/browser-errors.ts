import type { Page } from "@playwright/test";

/** Console errors and uncaught errors of a page: a figure measured over a broken page is no figure. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
  return errors;
}

export function throwOnErrors(errors: readonly string[], where: string): void {
  if (errors.length > 0) throw new Error(`${where}:\n  ${errors.slice(0, 10).join("\n  ")}`);
}
