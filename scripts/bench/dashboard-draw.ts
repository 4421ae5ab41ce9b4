import type { BrowserContext } from "@playwright/test";
import { type BenchBrowser, gotoSignedIn } from "./bench-session";
import { collectErrors, throwOnErrors } from "./browser-errors";
import { firstScreenDrawnAt, panelsDrawnAt, watchPanelsDrawn } from "./panels-drawn";

/** Milliseconds from navigation start, one entry per run. */
export interface DrawTimes {
  /** Until the panels of the first screen are drawn. */
  firstScreen: number[];
  /** Until every panel is drawn, scrolling a screen down whenever the panels in view are. */
  all: number[];
}

export interface DashboardDrawTimes {
  /** A new browser context each run: nothing cached. */
  cold: DrawTimes;
  /** A new page in one context: scripts come from the HTTP cache, as on a second visit. */
  warm: DrawTimes;
}

export interface DrawOptions {
  panels: number;
  runs: number;
  /** Count "No data" and errors as drawn (a real dashboard against demo data). */
  settled?: boolean;
}

async function timeOnePage(
  context: BrowserContext,
  url: string,
  options: DrawOptions,
): Promise<{ firstScreen: number; all: number }> {
  const page = await context.newPage();
  try {
    const errors = collectErrors(page);
    await watchPanelsDrawn(page, options.panels, { scroll: true, settled: options.settled ?? false });
    await gotoSignedIn(page, url);
    const firstScreen = await firstScreenDrawnAt(page);
    const all = await panelsDrawnAt(page);
    throwOnErrors(errors, `${url} reported errors`);
    return { firstScreen, all };
  } finally {
    await page.close();
  }
}

function push(times: DrawTimes, run: { firstScreen: number; all: number }): void {
  times.firstScreen.push(run.firstScreen);
  times.all.push(run.all);
}

/**
 * Navigates to the dashboard `runs` times cold and `runs` times warm (after one warm-up) and
 * returns, for each, the milliseconds from navigation start until the first screen is drawn and
 * until all `panels` panels are, reading down the dashboard a screen at a time.
 */
export async function dashboardDrawTimes(
  browser: BenchBrowser,
  url: string,
  options: DrawOptions,
): Promise<DashboardDrawTimes> {
  const cold: DrawTimes = { firstScreen: [], all: [] };
  for (let run = 0; run < options.runs; run++) {
    const context = await browser.newContext();
    try {
      push(cold, await timeOnePage(context, url, options));
    } finally {
      await context.close();
    }
  }
  const warm: DrawTimes = { firstScreen: [], all: [] };
  const context = await browser.newContext();
  try {
    await timeOnePage(context, url, options);
    for (let run = 0; run < options.runs; run++) push(warm, await timeOnePage(context, url, options));
  } finally {
    await context.close();
  }
  return { cold, warm };
}
