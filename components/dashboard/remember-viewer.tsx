"use client";

import { useEffect } from "react";
import { runtimeClock, rememberViewerClock } from "@/components/charts/viewer-clock";
import { readCookie } from "@/components/ui/browser-cookie";
import { whenIdle } from "@/components/ui/when-idle";
import { GRID_SIZE_COOKIE, rememberGridSize } from "./grid/grid-size";

/**
 * The dashboard page's horizontal padding (dashboard.css: main.dash-main) and a guess at how far
 * down its grid starts (title, navigation, toolbar, variables): the grid's size on this window
 * before any dashboard has been opened in it.
 */
const DASHBOARD_SIDE_PADDING = 20;
const DASHBOARD_GRID_TOP_GUESS = 260;

/**
 * The width a vertical scroll bar takes on this browser (0 where scroll bars overlay the page): a
 * dashboard scrolls, the page measuring may not.
 */
function scrollBarWidth(): number {
  const probe = document.createElement("div");
  probe.style.cssText = "position:absolute;top:-9999px;width:100px;height:100px;overflow:scroll";
  document.body.append(probe);
  const width = probe.offsetWidth - probe.clientWidth;
  probe.remove();
  return width;
}

/**
 * Tells the server, on whichever page of the app a browser opens first, what it needs to draw a
 * dashboard's first screen as this browser will: its time zone and locale, and (until a dashboard
 * measures it) a guess at the grid's size from the window's. Browser only.
 */
function rememberViewer(): void {
  rememberViewerClock(runtimeClock());
  if (readCookie(GRID_SIZE_COOKIE) !== undefined) return;
  rememberGridSize({
    width: window.innerWidth - scrollBarWidth() - 2 * DASHBOARD_SIDE_PADDING,
    fold: Math.max(0, window.innerHeight - DASHBOARD_GRID_TOP_GUESS),
  });
}

/** Mounted once, by the root layout: every page of the app remembers the viewer when idle. */
export function RememberViewer(): null {
  useEffect(() => whenIdle(rememberViewer, 2000), []);
  return null;
}
