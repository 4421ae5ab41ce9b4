import { rememberCookie } from "@/components/ui/browser-cookie";
import type { GridSize } from "../data/first-screen";

/**
 * The dashboard grid's size as the browser last laid it out, kept in a cookie so that the server
 * can plan the next visit's first-screen previews (first-screen.ts) for the reader's window. Not
 * personal data and never trusted for more than a guess: out-of-range values fall back to the
 * default.
 */

export const GRID_SIZE_COOKIE = "obsforge_grid";

/** A first visit's guess: a 1440 × 900 window (the page's 20 px paddings and a scroll bar off). */
export const DEFAULT_GRID_SIZE: GridSize = { width: 1385, fold: 640 };

const MAX_PIXELS = 20_000;
/** A screen taller than this is no screen: the server would plan and draw a whole dashboard. */
const MAX_FOLD = 5_000;

export function formatGridSize({ width, fold }: GridSize): string {
  return `${Math.round(width)}x${Math.round(fold)}`;
}

/** The size the browser reported, or undefined when the cookie is missing or out of range. */
export function readGridSize(text: string | undefined): GridSize | undefined {
  const match = /^(\d{1,5})x(\d{1,5})$/.exec(text ?? "");
  const width = Number(match?.[1]);
  const fold = Number(match?.[2]);
  if (!match || width < 100 || width > MAX_PIXELS || fold > MAX_FOLD) return undefined;
  return { width, fold };
}

/** Remembers the grid's size for a year, for every page of the app (the browser only). */
export function rememberGridSize(size: GridSize): void {
  rememberCookie(GRID_SIZE_COOKIE, formatGridSize(size));
}
