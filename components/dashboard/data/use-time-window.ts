"use client";

import { useMemo } from "react";
import { resolveTimeRange } from "@/lib/dashboard/time-range";
import { useDraftTimezone, useViewState } from "../store/store-provider";

export type TimeWindow = { ok: true; from: number; to: number } | { ok: false; error: string };

/** The view's time range as epoch milliseconds at the view's "now". */
export function useTimeWindow(): TimeWindow {
  const { timeRange, now } = useViewState();
  const timezone = useDraftTimezone();
  return useMemo(() => {
    const resolved = resolveTimeRange(timeRange, { now, timezone });
    return resolved.ok
      ? { ok: true, from: resolved.from, to: resolved.to }
      : { ok: false, error: resolved.error };
  }, [timeRange, now, timezone]);
}
