"use client";

import { createContext, type ReactNode, useContext, useEffect, useState } from "react";
import { whenIdle } from "@/components/ui/when-idle";
import { runtimeClock, type ViewerClock } from "./viewer-clock";

/** The clock the charts under a provider write times with. */
const ViewerClockContext = createContext<ViewerClock | undefined>(undefined);

let browserClock: ViewerClock | undefined;

/** The browser's own clock, read once: finding the zone costs tens of milliseconds the first time. */
function currentBrowserClock(): ViewerClock {
  browserClock ??= runtimeClock();
  return browserClock;
}

/**
 * Charts under it write times with `clock`, the one the server drew them with (the viewer's, from
 * its cookie), so that hydration finds the same text; once the page is idle it checks the
 * browser's own clock and switches to it should it differ (a viewer who travelled since the cookie
 * was set; components/dashboard/remember-viewer.tsx keeps the cookie up to date for the next render).
 */
export function ViewerClockProvider({
  clock,
  children,
}: {
  clock: ViewerClock | undefined;
  children: ReactNode;
}): ReactNode {
  const [current, setCurrent] = useState(clock);
  useEffect(
    () =>
      whenIdle(() => {
        const own = currentBrowserClock();
        setCurrent((shown) =>
          shown && shown.timeZone === own.timeZone && shown.locale === own.locale ? shown : own,
        );
      }, 2000),
    [],
  );
  return <ViewerClockContext value={current}>{children}</ViewerClockContext>;
}

/** The viewer's clock: the provider's, else this runtime's own (the browser's; the server's while it renders). */
export function useViewerClock(): ViewerClock {
  const provided = useContext(ViewerClockContext);
  if (provided) return provided;
  return currentBrowserClock();
}
