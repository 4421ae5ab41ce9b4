import type { Page } from "@playwright/test";

/**
 * In the page, from its first script on: every animation frame, whether `expected` panels of the
 * dashboard grid show drawn data; the first time they do, `window.__benchPanelsDrawnAt` is set to
 * `performance.now()` (milliseconds since navigation start) in a task after that frame's paint.
 *
 * Drawn means what the designer's browser tests look for: the panel's state is `data`, no chart
 * chunk is still loading, and every chart in it has its shapes (a stat its value, a table a row).
 * Plain JavaScript in a string: tsx would wrap a function's inner functions in a helper the page
 * does not have.
 */
const WATCH_PANELS = `(expected) => {
  const drawn = (content) => {
    if (content.dataset.state !== "data") return false;
    if (content.querySelector(".dash-panel-loading")) return false;
    const charts = [...content.querySelectorAll(".recharts-wrapper")];
    if (charts.some((chart) => !chart.querySelector(".recharts-surface path, .recharts-scatter rect"))) return false;
    return (
      charts.length > 0 ||
      content.querySelector('[data-testid="stat-value"], [data-testid="panel-table"] tbody tr') !== null
    );
  };
  const check = () => {
    const contents = document.querySelectorAll('[data-testid="dashboard-panel"] [data-testid="panel-content"]');
    if (contents.length >= expected && [...contents].every(drawn)) {
      setTimeout(() => {
        window.__benchPanelsDrawnAt = performance.now();
      }, 0);
      return;
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}`;

/** Installs the watcher on every page `page` navigates to; call before `goto`. */
export async function watchPanelsDrawn(page: Page, expected: number): Promise<void> {
  await page.addInitScript({ content: `(${WATCH_PANELS})(${expected});` });
}

/** Waits for the watcher; on time-out says which panels are not drawn and in what state. */
export async function panelsDrawnAt(page: Page, timeoutMs = 60_000): Promise<number> {
  try {
    const handle = await page.waitForFunction(
      () => (window as unknown as { __benchPanelsDrawnAt?: number }).__benchPanelsDrawnAt,
      undefined,
      { timeout: timeoutMs, polling: 50 },
    );
    return (await handle.jsonValue()) as number;
  } catch (error) {
    const states = await page
      .$$eval('[data-testid="dashboard-panel"]', (panels) =>
        panels.map((panel) => {
          const state = (panel.querySelector('[data-testid="panel-content"]') as HTMLElement | null)?.dataset
            .state;
          return `${(panel as HTMLElement).dataset.panelTitle}: ${state ?? "?"}`;
        }),
      )
      .catch(() => []);
    throw new Error(`the panels were not all drawn in ${timeoutMs} ms:\n  ${states.join("\n  ")}`, {
      cause: error,
    });
  }
}
