import { rememberCookie } from "@/components/ui/browser-cookie";
import { zoneAt } from "@/lib/alerting/templates/go-zone";

/**
 * The clock the charts write times with: the viewer's time zone and locale. The browser knows
 * them; the server, which draws the first screen's charts before the page's scripts run, learns
 * them from a cookie the browser set on an earlier visit, so that the times it writes are the ones
 * the browser would write (and hydration finds the same text).
 */

export interface ViewerClock {
  /** An IANA zone, "Europe/Paris". */
  timeZone: string;
  /** A BCP 47 tag, "fr-FR". */
  locale: string;
}

export const VIEWER_CLOCK_COOKIE = "obsforge_clock";

/** Where nothing better is known: the server's own clock (a first visit, a script). */
export function runtimeClock(): ViewerClock {
  const { timeZone, locale } = Intl.DateTimeFormat().resolvedOptions();
  return { timeZone, locale };
}

export function formatViewerClock({ timeZone, locale }: ViewerClock): string {
  return `${locale}~${timeZone}`;
}

/**
 * The cookie's clock, or undefined when it is missing or names a zone or locale Intl refuses.
 * Kept as the browser wrote it: engines name some zones differently (Chromium's Asia/Calcutta is
 * Node's Asia/Kolkata), and the browser compares its own names with the server's.
 */
export function parseViewerClock(text: string | undefined): ViewerClock | undefined {
  const match = /^([A-Za-z0-9-]{1,35})~([A-Za-z0-9_+\-/]{1,64})$/.exec(text ?? "");
  const [, locale, timeZone] = match ?? [];
  if (!locale || !timeZone) return undefined;
  try {
    new Intl.DateTimeFormat(locale, { timeZone });
    return { timeZone, locale };
  } catch {
    return undefined;
  }
}

/** Remembers the browser's clock for a year, for the server's next render of a dashboard. */
export function rememberViewerClock(clock: ViewerClock): void {
  rememberCookie(VIEWER_CLOCK_COOKIE, formatViewerClock(clock));
}

const formats = new Map<string, Intl.DateTimeFormat>();
/** The server meets many viewers' clocks (and any spelling a cookie sends): a bounded cache. */
const MAX_FORMATS = 256;

/** One formatter per clock and options: building an Intl.DateTimeFormat costs more than using it. */
export function dateTimeFormat(clock: ViewerClock, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${formatViewerClock(clock)} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(clock.locale, { ...options, timeZone: clock.timeZone });
    if (formats.size >= MAX_FORMATS) formats.clear();
    formats.set(key, format);
  }
  return format;
}

/**
 * Minutes the zone is ahead of UTC at `ms` (Paris in winter: 60), as Date#getTimezoneOffset
 * negated: from the same tz data through Intl as the alert templates' zones.
 */
export function zoneOffsetMinutes(timeZone: string, ms: number): number {
  return Math.round(zoneAt(timeZone, Math.floor(ms / 1000)).offset / 60);
}
