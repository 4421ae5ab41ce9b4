import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  test as base,
  expect,
  type Page,
} from "@playwright/test";
import { HistoryPage } from "./pages/history-page";
import { OverviewPage } from "./pages/overview-page";
import { ProjectsListPage } from "./pages/projects-list-page";
import { SettingsPage } from "./pages/settings-page";

/**
 * Collects every console error and uncaught page error of every page a test opens. A test fails
 * on any of them unless it declared that exact message as expected with `allow` (a 409 a test
 * provokes on purpose shows up as "Failed to load resource: … 409").
 */
export class ConsoleGuard {
  private readonly problems: string[] = [];
  private readonly allowed: RegExp[] = [];

  watch(page: Page): void {
    page.on("console", (message) => {
      if (message.type() !== "error") return;
      const location = message.location();
      const where = location.url ? ` (${location.url}:${location.lineNumber})` : "";
      this.record(`console error: ${message.text()}${where}`, message.text());
    });
    page.on("pageerror", (error) =>
      this.record(`page error: ${error.message}\n${error.stack ?? ""}`, error.message),
    );
  }

  watchContext(context: BrowserContext): void {
    for (const page of context.pages()) this.watch(page);
    context.on("page", (page) => this.watch(page));
  }

  /** Declares a console error the test provokes on purpose. */
  allow(pattern: RegExp): void {
    this.allowed.push(pattern);
  }

  private record(report: string, text: string): void {
    if (this.allowed.some((pattern) => pattern.test(text))) return;
    this.problems.push(report);
  }

  get errors(): readonly string[] {
    return this.problems;
  }
}

interface Fixtures {
  consoleGuard: ConsoleGuard;
  /** Opens another browser context (a second user) whose pages the guard watches too. */
  newUserContext: () => Promise<BrowserContext>;
  projectsList: ProjectsListPage;
  overview: OverviewPage;
  settings: SettingsPage;
  history: HistoryPage;
}

/** Another context signed in as the test account (a second session of it). */
async function openContext(
  browser: Browser,
  baseURL: string | undefined,
  storageState: BrowserContextOptions["storageState"],
): Promise<BrowserContext> {
  return browser.newContext({ baseURL, acceptDownloads: true, ...(storageState ? { storageState } : {}) });
}

export const test = base.extend<Fixtures>({
  consoleGuard: [
    async ({ context }, use) => {
      const guard = new ConsoleGuard();
      guard.watchContext(context);
      await use(guard);
      expect(guard.errors, "browser console errors and page errors").toEqual([]);
    },
    { auto: true },
  ],
  // The `request` fixture signed in too (Playwright's own one ignores use.storageState).
  request: async ({ playwright, baseURL, storageState }, use) => {
    const request = await playwright.request.newContext({
      baseURL,
      ...(storageState ? { storageState } : {}),
    });
    await use(request);
    await request.dispose();
  },
  newUserContext: async ({ browser, baseURL, storageState, consoleGuard }, use) => {
    const opened: BrowserContext[] = [];
    await use(async () => {
      const context = await openContext(browser, baseURL, storageState);
      consoleGuard.watchContext(context);
      opened.push(context);
      return context;
    });
    for (const context of opened) await context.close();
  },
  projectsList: async ({ page }, use) => use(new ProjectsListPage(page)),
  overview: async ({ page }, use) => use(new OverviewPage(page)),
  settings: async ({ page }, use) => use(new SettingsPage(page)),
  history: async ({ page }, use) => use(new HistoryPage(page)),
});

export { expect };

/** A name no other test in the run uses, so tests never see each other's projects. */
export function uniqueName(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.floor(Math.random() * 1296)
    .toString(36)
    .padStart(2, "0")}`;
}
