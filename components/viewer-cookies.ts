import { runtimeClock, rememberViewerClock } from "@/components/charts/viewer-clock";
import { GRID_SIZE_COOKIE, rememberGridSize } from "@/components/dashboard/grid/grid-size";

/**
 * The dashboard page's horizontal padding (dashboard.css: main.dash-main) and a guess at how far
 * down its grid starts (title, navigation, toolbar, variables): the grid's size on this window
 * before any dashboard has been opened in it.
 */
const DASHBOARD_SIDE_PADDING = 20;
const DASHBOARD_GRID_TOP_GUESS = 260;

/**
 * Tells the server, on whichever page of the app a browser opens first, what it needs to draw a
 * dashboard's first screen as this browser will: its time zone and locale, and (until a dashboard
 * measures it) a guess at the grid's size from the window's. Browser only.
 */
export function rememberViewer(): void {
  rememberViewerClock(runtimeClock());
  if (document.cookie.split("; ").some((cookie) => cookie.startsWith(`${GRID_SIZE_COOKIE}=`))) return;
  rememberGridSize({
    width: document.documentElement.clientWidth - 2 * DASHBOARD_SIDE_PADDING,
    fold: Math.max(0, window.innerHeight - DASHBOARD_GRID_TOP_GUESS),
  });
}
