import { type BenchBrowser, gotoSignedIn } from "./bench-session";
import { collectErrors, throwOnErrors } from "./browser-errors";

export const TIMESERIES_SHAPE = { series: 100, points: 1000, width: 1200, height: 400 } as const;

/**
 * Draws the designer's time series chart with 100 × 1,000 synthetic points on /dev/timeseries-bench,
 * `warmups + runs` times, each a fresh mount; returns the drawing times (click to painted, as the
 * page measures them) of the last `runs`.
 */
export async function timeseriesDrawTimes(
  browser: BenchBrowser,
  appUrl: string,
  options: { warmups: number; runs: number },
): Promise<number[]> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors = collectErrors(page);
    const query = new URLSearchParams(
      Object.entries(TIMESERIES_SHAPE).map(([key, value]) => [key, String(value)]),
    );
    const response = await gotoSignedIn(page, `${appUrl}/dev/timeseries-bench?${query}`, "load");
    if (response.status() === 404)
      throw new Error("this build has no /dev/timeseries-bench page: rebuild the app (npx next build)");
    const result = page.getByTestId("bench-result");
    const times: number[] = [];
    for (let round = 1; round <= options.warmups + options.runs; round++) {
      await page.getByTestId("bench-draw").click();
      await page.locator(`[data-testid="bench-result"][data-count="${round}"]`).waitFor({ timeout: 60_000 });
      const ms = Number(await result.getAttribute("data-last-ms"));
      if (round > options.warmups) times.push(ms);
      await page.getByTestId("bench-clear").click();
      await page.getByTestId("bench-chart").waitFor({ state: "detached" });
    }
    throwOnErrors(errors, "the time series bench page reported errors");
    return times;
  } finally {
    await context.close();
  }
}
