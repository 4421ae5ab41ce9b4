"use client";

import { createContext, type ReactNode, useCallback, useContext, useSyncExternalStore } from "react";
import { runtimeClock, type ViewerClock } from "./viewer-clock";

/** The clock the server drew the page's charts with (the viewer's, from its cookie). */
const ServerClockContext = createContext<ViewerClock | undefined>(undefined);

let browserClock: ViewerClock | undefined;

function currentBrowserClock(): ViewerClock {
  browserClock ??= runtimeClock();
  return browserClock;
}

function sameClock(a: ViewerClock, b: ViewerClock): boolean {
  return a.timeZone === b.timeZone && a.locale === b.locale;
}

/** The browser's clock never changes while a page is open: nothing to subscribe to. */
const subscribe = (): (() => void) => () => {};

/**
 * Charts under it write times with `clock` while the page hydrates (the server wrote them so),
 * then with the browser's own clock should it differ (a viewer who travelled since the cookie was
 * set; components/viewer-cookies.ts keeps the cookie up to date for the next render).
 */
export function ViewerClockProvider({
  clock,
  children,
}: {
  clock: ViewerClock | undefined;
  children: ReactNode;
}): ReactNode {
  return <ServerClockContext value={clock}>{children}</ServerClockContext>;
}

/** The viewer's clock: the server's guess during hydration, the browser's after. */
export function useViewerClock(): ViewerClock {
  const server = useContext(ServerClockContext);
  // The server's object when the two agree: a new object would draw every chart again for nothing.
  const browser = useCallback((): ViewerClock => {
    const own = currentBrowserClock();
    return server && sameClock(server, own) ? server : own;
  }, [server]);
  return useSyncExternalStore(subscribe, browser, () => server ?? currentBrowserClock());
}
