"use client";

import type { ReactNode } from "react";
import { REFRESH_INTERVALS } from "@/lib/dashboard/time-range";

export interface RefreshPickerProps {
  value: string;
  onChange: (value: string) => void;
  onRefresh: () => void;
}

/** Refresh now, or every N seconds. */
export function RefreshPicker({ value, onChange, onRefresh }: RefreshPickerProps): ReactNode {
  const known = REFRESH_INTERVALS.some((interval) => interval.value === value);
  return (
    <div className="dash-refresh">
      <button type="button" className="button" onClick={onRefresh} title="Refresh" data-testid="refresh-now">
        ↻ Refresh
      </button>
      <select
        aria-label="Auto-refresh"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        data-testid="refresh-interval"
      >
        {known ? null : <option value={value}>{value}</option>}
        {REFRESH_INTERVALS.map((interval) => (
          <option key={interval.value} value={interval.value}>
            {interval.label}
          </option>
        ))}
      </select>
    </div>
  );
}
