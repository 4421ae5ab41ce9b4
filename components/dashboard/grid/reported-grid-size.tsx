"use client";

import { createContext, useContext } from "react";
import type { GridSize } from "../data/first-screen";

/**
 * The grid's size as the browser reported it (its cookie, grid-size.ts: measured by a dashboard,
 * or guessed from the window by another page), given when the server drew the first screen with
 * it. Without it the grid waits for the browser to measure its width.
 */
export const ReportedGridSizeContext = createContext<GridSize | undefined>(undefined);

export function useReportedGridSize(): GridSize | undefined {
  return useContext(ReportedGridSizeContext);
}
