import type { Page } from "@playwright/test";

/**
 * In the page, from its first script on, every animation frame: whether the panels of the
 * dashboard grid are drawn. Two moments are kept, each set to `performance.now()` (milliseconds
 * since navigation start) in a task after the frame's paint:
 *   - `window.__benchFirstScreenAt`: every panel in the viewport, as first laid out, is drawn;
 *   - `window.__benchFirstScreenPaintedAt`: the frame from which each of those panels has been
 *     drawn without a break, the latest of them: a page the server drew shows its charts while its
 *     HTML is still being parsed, before its scripts run (the mark above waits for the parse);
 *   - `window.__benchPanelsDrawnAt`: all `expected` panels are drawn.
 * Panels query when they come near the viewport, so with `scroll` the watcher reads down the
 * dashboard as a person would: whenever every panel in view is drawn, it scrolls a screen down,
 * until the end. Without it the page is never scrolled (only the first screen, and what is near it,
 * draws).
 *
 * Drawn means what the designer's browser tests look for: the panel's state is `data`, nothing in
 * it is still loading, and every chart in it has its data's shapes (`.dash-chart-marks`: a
 * series' path, a bar, a heatmap's cells), a stat or gauge its value, a table a row.
 * With `settled`, a panel that says "No data" or shows an error counts too: a real dashboard
 * against demo data has metrics the demo does not make.
 * Plain JavaScript in a string: tsx would wrap a function's inner functions in a helper the page
 * does not have.
 */
const WATCH_PANELS = `(expected, scroll, settled) => {
  const drawn = (content) => {
    const state = content.dataset.state;
    if (settled && (state === "no-data" || state === "error")) return true;
    if (state !== "data") return false;
    if (content.querySelector(".dash-panel-loading")) return false;
    const charts = [...content.querySelectorAll(".dash-chart-surface")];
    if (charts.some((chart) => !chart.querySelector(".dash-chart-marks path[d], .dash-chart-marks rect"))) return false;
    return (
      charts.length > 0 ||
      content.querySelector('[data-testid="stat-value"], [data-testid="panel-table"] tbody tr') !== null
    );
  };
  // Which panels are in view, from an IntersectionObserver: asking each panel for its box every
  // frame would make the page lay itself out again and again, and the watcher would slow down the
  // very page it times.
  const inView = new Set();
  const observed = new WeakSet();
  let firstScreen;
  // After a scroll, the next one waits until the observer has reported where the panels are now
  // (or half a second of frames has passed, should no panel have come or gone).
  let frame = 0;
  let scrolledAt = -Infinity;
  let reportedSinceScroll = true;
  const observer = new IntersectionObserver((entries) => {
    reportedSinceScroll = true;
    for (const entry of entries) {
      if (entry.isIntersecting) inView.add(entry.target);
      else inView.delete(entry.target);
    }
    if (firstScreen === undefined && inView.size > 0) firstScreen = [...inView];
  });
  const at = (name) => setTimeout(() => { window[name] = performance.now(); }, 0);
  // Each panel's frame since which it has been drawn without a break (a panel the page redraws
  // empty, say a hydration that threw the server's drawing away, starts again).
  const drawnSince = new Map();
  const check = () => {
    frame++;
    const panels = [...document.querySelectorAll('[data-testid="dashboard-panel"]')];
    // Observed once the whole grid is there: a page drawn on the server arrives in parts (its
    // HTML is parsed as it streams), and the panels of its first part are not all of its first
    // screen.
    if (document.readyState !== "loading") for (const panel of panels) {
      if (!observed.has(panel)) {
        observed.add(panel);
        observer.observe(panel);
      }
    }
    const done = new Map(panels.map((panel) => {
      const content = panel.querySelector('[data-testid="panel-content"]');
      return [panel, content !== null && drawn(content)];
    }));
    const now = performance.now();
    for (const [panel, isDrawn] of done) {
      if (!isDrawn) drawnSince.delete(panel);
      else if (!drawnSince.has(panel)) drawnSince.set(panel, now);
    }
    if (firstScreen && firstScreen.length > 0 && window.__benchFirstScreenAt === undefined &&
        firstScreen.every((panel) => done.get(panel))) {
      window.__benchFirstScreenPaintedAt = Math.max(...firstScreen.map((panel) => drawnSince.get(panel)));
      at("__benchFirstScreenAt");
    }
    if (panels.length >= expected && panels.every((panel) => done.get(panel))) {
      at("__benchPanelsDrawnAt");
      return;
    }
    const screenDrawn = firstScreen !== undefined && [...inView].every((panel) => done.get(panel) ?? true);
    const settledSinceScroll = reportedSinceScroll || frame - scrolledAt > 30;
    if (scroll && panels.length > 0 && window.__benchFirstScreenAt !== undefined && screenDrawn && settledSinceScroll) {
      const atEnd = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1;
      if (!atEnd) {
        window.scrollBy(0, window.innerHeight);
        scrolledAt = frame;
        reportedSinceScroll = false;
      }
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}`;

export interface WatchOptions {
  /** Scroll a screen down whenever the panels in view are drawn (default true). */
  scroll?: boolean;
  /** Count a panel showing "No data" or an error as drawn (default false). */
  settled?: boolean;
}

/** Installs the watcher on every page `page` navigates to; call before `goto`. */
export async function watchPanelsDrawn(
  page: Page,
  expected: number,
  options: WatchOptions = {},
): Promise<void> {
  const { scroll = true, settled = false } = options;
  await page.addInitScript({
    content: `(${WATCH_PANELS})(${expected}, ${JSON.stringify(scroll)}, ${JSON.stringify(settled)});`,
  });
}

async function waitForMark(page: Page, mark: string, timeoutMs: number): Promise<number> {
  try {
    const handle = await page.waitForFunction(
      (name) => (window as unknown as Record<string, number | undefined>)[name],
      mark,
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
    throw new Error(
      `${mark} was not reached in ${timeoutMs} ms on ${page.url()}:\n  ${states.join("\n  ")}`,
      {
        cause: error,
      },
    );
  }
}

/** Milliseconds from navigation start until every panel was drawn; on time-out says which were not. */
export function panelsDrawnAt(page: Page, timeoutMs = 60_000): Promise<number> {
  return waitForMark(page, "__benchPanelsDrawnAt", timeoutMs);
}

/** Milliseconds from navigation start until the panels of the first screen were drawn. */
export function firstScreenDrawnAt(page: Page, timeoutMs = 60_000): Promise<number> {
  return waitForMark(page, "__benchFirstScreenAt", timeoutMs);
}

/**
 * Milliseconds from navigation start until the panels of the first screen were painted drawn, to
 * stay so: read once `firstScreenDrawnAt` has answered.
 */
export async function firstScreenPaintedAt(page: Page): Promise<number> {
  const at = await page.evaluate(
    () => (window as unknown as Record<string, number | undefined>).__benchFirstScreenPaintedAt,
  );
  if (at === undefined) throw new Error(`the first screen's paint was not recorded on ${page.url()}`);
  return at;
}
