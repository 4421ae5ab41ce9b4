"use client";

import { type ReactNode, useEffect, useId, useLayoutEffect, useRef, useState } from "react";
import {
  describeTimeRange,
  isValidTimeExpression,
  QUICK_RANGES,
  type RawTimeRange,
} from "@/lib/dashboard/time-range";

export interface TimeRangePickerProps {
  value: RawTimeRange;
  onChange: (range: RawTimeRange) => void;
}

/** Grafana's picker: the quick ranges (last 5 minutes … 7 days) and an absolute from/to. */
export function TimeRangePicker({ value, onChange }: TimeRangePickerProps): ReactNode {
  const [open, setOpen] = useState(false);
  const [from, setFrom] = useState(value.from);
  const [to, setTo] = useState(value.to);
  const id = useId();
  useEffect(() => {
    setFrom(value.from);
    setTo(value.to);
  }, [value.from, value.to]);
  // The panel opens leftwards from the button's right edge; where the toolbar wrapped the button to
  // the left of the page, that would leave the page: it opens rightwards instead.
  const panel = useRef<HTMLDivElement>(null);
  const [alignLeft, setAlignLeft] = useState(false);
  useLayoutEffect(() => {
    if (!open) {
      setAlignLeft(false);
      return;
    }
    if ((panel.current?.getBoundingClientRect().left ?? 0) < 0) setAlignLeft(true);
  }, [open]);
  const fromOk = isValidTimeExpression(from);
  const toOk = isValidTimeExpression(to);
  return (
    <div className="dash-picker">
      <button
        type="button"
        className="button"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        onClick={() => setOpen(!open)}
        data-testid="time-range-button"
      >
        {describeTimeRange(value)} ▾
      </button>
      {open ? (
        <div
          ref={panel}
          className={`dash-popover dash-time-popover${alignLeft ? " dash-popover-left" : ""}`}
          id={`${id}-panel`}
          data-testid="time-range-panel"
        >
          <form
            className="dash-time-absolute"
            onSubmit={(event) => {
              event.preventDefault();
              if (!fromOk || !toOk) return;
              onChange({ from: from.trim(), to: to.trim() });
              setOpen(false);
            }}
          >
            <strong>Absolute time range</strong>
            <label className="field-label" htmlFor={`${id}-from`}>
              From
            </label>
            <input
              id={`${id}-from`}
              value={from}
              onChange={(e) => setFrom(e.target.value)}
              aria-invalid={!fromOk || undefined}
              data-testid="time-from"
            />
            <label className="field-label" htmlFor={`${id}-to`}>
              To
            </label>
            <input
              id={`${id}-to`}
              value={to}
              onChange={(e) => setTo(e.target.value)}
              aria-invalid={!toOk || undefined}
              data-testid="time-to"
            />
            <span className="field-hint">now-6h, now/d, 2024-05-01 10:00:00</span>
            <button
              type="submit"
              className="button button-primary"
              disabled={!fromOk || !toOk}
              data-testid="time-apply"
            >
              Apply time range
            </button>
          </form>
          <ul className="dash-quick-ranges">
            {QUICK_RANGES.map((range) => (
              <li key={range.display}>
                <button
                  type="button"
                  className={
                    range.from === value.from && range.to === value.to
                      ? "dash-link-button active"
                      : "dash-link-button"
                  }
                  onClick={() => {
                    onChange({ from: range.from, to: range.to });
                    setOpen(false);
                  }}
                >
                  {range.display}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
