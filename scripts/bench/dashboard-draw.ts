import type { BrowserContext } from "@playwright/test";
import { type BenchBrowser, gotoSignedIn } from "./bench-session";
import { collectErrors, throwOnErrors } from "./browser-errors";
import { firstScreenDrawnAt, firstScreenPaintedAt, panelsDrawnAt, watchPanelsDrawn } from "./panels-drawn";
import { type CpuUse, cpuBetween, cpuSnapshot } from "./process-cpu";

/** Milliseconds from navigation start, one entry per run. */
export interface DrawTimes {
  /** Until the panels of the first screen are drawn, the page's HTML parsed. */
  firstScreen: number[];
  /** Until the panels of the first screen showed drawn, to stay so (perhaps before the parse ended). */
  firstPainted: number[];
  /** Until every panel is drawn, scrolling a screen down whenever the panels in view are. */
  all: number[];
  /** CPU used by the browser, the app and Prometheus from navigation until every panel was seen drawn. */
  cpu: CpuUse[];
}

type RunTimes = { [Figure in keyof DrawTimes]: DrawTimes[Figure][number] };

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

async function timeOnePage(context: BrowserContext, url: string, options: DrawOptions): Promise<RunTimes> {
  const page = await context.newPage();
  try {
    const errors = collectErrors(page);
    await watchPanelsDrawn(page, options.panels, { scroll: true, settled: options.settled ?? false });
    const before = cpuSnapshot();
    await gotoSignedIn(page, url);
    const firstScreen = await firstScreenDrawnAt(page);
    const firstPainted = await firstScreenPaintedAt(page);
    const all = await panelsDrawnAt(page);
    // Before the page closes: its renderer's threads end with it.
    const cpu = cpuBetween(before, cpuSnapshot());
    throwOnErrors(errors, `${url} reported errors`);
    return { firstScreen, firstPainted, all, cpu };
  } finally {
    await page.close();
  }
}

export function emptyDrawTimes(): DrawTimes {
  return { firstScreen: [], firstPainted: [], all: [], cpu: [] };
}

function push(times: DrawTimes, run: RunTimes): void {
  times.firstScreen.push(run.firstScreen);
  times.firstPainted.push(run.firstPainted);
  times.all.push(run.all);
  times.cpu.push(run.cpu);
}

/** Loads the dashboard once in a new browser context (nothing cached) and adds the load's figures to `times`. */
export async function timeColdLoad(
  browser: BenchBrowser,
  url: string,
  options: DrawOptions,
  times: DrawTimes,
): Promise<void> {
  const context = await browser.newContext();
  try {
    push(times, await timeOnePage(context, url, options));
  } finally {
    await context.close();
  }
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
  const cold = emptyDrawTimes();
  for (let run = 0; run < options.runs; run++) await timeColdLoad(browser, url, options, cold);
  const warm = emptyDrawTimes();
  const context = await browser.newContext();
  try {
    await timeOnePage(context, url, options);
    for (let run = 0; run < options.runs; run++) push(warm, await timeOnePage(context, url, options));
  } finally {
    await context.close();
  }
  return { cold, warm };
}
