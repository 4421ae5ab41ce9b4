import type { Browser, BrowserContext } from "@playwright/test";
import { collectErrors, throwOnErrors } from "./browser-errors";
import { panelsDrawnAt, watchPanelsDrawn } from "./panels-drawn";

export interface DashboardDrawTimes {
  /** A new browser context each run: nothing cached. */
  cold: number[];
  /** A new page in one context: scripts come from the HTTP cache, as on a second visit. */
  warm: number[];
}

async function timeOnePage(context: BrowserContext, url: string, panels: number): Promise<number> {
  const page = await context.newPage();
  try {
    const errors = collectErrors(page);
    await watchPanelsDrawn(page, panels);
    await page.goto(url, { waitUntil: "commit" });
    const ms = await panelsDrawnAt(page);
    throwOnErrors(errors, `${url} reported errors`);
    return ms;
  } finally {
    await page.close();
  }
}

/**
 * Navigates to the dashboard `runs` times cold and `runs` times warm (after one warm-up) and
 * returns, for each, the milliseconds from navigation start until all `panels` panels are drawn.
 */
export async function dashboardDrawTimes(
  browser: Browser,
  url: string,
  options: { panels: number; runs: number },
): Promise<DashboardDrawTimes> {
  const viewport = { width: 1400, height: 900 };
  const cold: number[] = [];
  for (let run = 0; run < options.runs; run++) {
    const context = await browser.newContext({ viewport });
    try {
      cold.push(await timeOnePage(context, url, options.panels));
    } finally {
      await context.close();
    }
  }
  const warm: number[] = [];
  const context = await browser.newContext({ viewport });
  try {
    await timeOnePage(context, url, options.panels);
    for (let run = 0; run < options.runs; run++) warm.push(await timeOnePage(context, url, options.panels));
  } finally {
    await context.close();
  }
  return { cold, warm };
}
