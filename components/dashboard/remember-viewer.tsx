"use client";

import { useEffect } from "react";
import { runtimeClock, rememberViewerClock } from "@/components/charts/viewer-clock";
import { whenIdle } from "@/components/charts/viewer-clock-context";
import { GRID_SIZE_COOKIE, rememberGridSize } from "./grid/grid-size";

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
function rememberViewer(): void {
  rememberViewerClock(runtimeClock());
  if (document.cookie.split("; ").some((cookie) => cookie.startsWith(`${GRID_SIZE_COOKIE}=`))) return;
  rememberGridSize({
    width: document.documentElement.clientWidth - 2 * DASHBOARD_SIDE_PADDING,
    fold: Math.max(0, window.innerHeight - DASHBOARD_GRID_TOP_GUESS),
  });
}

/** Mounted once, by the root layout: every page of the app remembers the viewer when idle. */
export function RememberViewer(): null {
  useEffect(() => whenIdle(rememberViewer), []);
  return null;
}
