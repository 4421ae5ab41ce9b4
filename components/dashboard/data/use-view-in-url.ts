"use client";

import { useEffect } from "react";
import { viewSearchParams } from "../model/view-url";
import { useViewState } from "../store/store-provider";

/**
 * Keeps the address in step with the view (time range, refresh, variable values), so a reload or
 * a copied link shows the same view. It replaces the history entry: the back button leaves the
 * dashboard rather than stepping through every time range tried.
 */
export function useViewInUrl(): void {
  const { timeRange, refresh, variableSelections } = useViewState();
  useEffect(() => {
    const current = new URLSearchParams(window.location.search);
    const next = viewSearchParams({ timeRange, refresh, variableSelections }, current);
    if (next.toString() === current.toString()) return;
    window.history.replaceState(
      window.history.state,
      "",
      `${window.location.pathname}?${next}${window.location.hash}`,
    );
  }, [timeRange, refresh, variableSelections]);
}
