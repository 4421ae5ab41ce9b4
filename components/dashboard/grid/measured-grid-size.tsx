"use client";

import { createContext, useContext } from "react";
import type { GridSize } from "../data/first-screen";

/**
 * The grid's size as the browser measured it on an earlier visit (its cookie, grid-size.ts). With
 * it the server lays the grid out and draws the first screen's panels before the page's scripts
 * run; without it (a first visit) the grid waits for the browser to measure its width.
 */
export const MeasuredGridSizeContext = createContext<GridSize | undefined>(undefined);

export function useMeasuredGridSize(): GridSize | undefined {
  return useContext(MeasuredGridSizeContext);
}
