"use client";

import type { ReactNode } from "react";
import { COLOR_CHOICES, cssColor } from "@/lib/dashboard/thresholds";
import { asObject } from "@/lib/dashboard/grafana-import/json";
import { propertyLabel } from "./override-edit";

export interface PropertyValueFieldProps {
  id: string;
  value: unknown;
  onChange: (value: unknown) => void;
}

function numberOr(text: string, fallback: unknown): unknown {
  if (text.trim() === "") return fallback;
  const value = Number(text);
  return Number.isFinite(value) ? value : fallback;
}

const HIDE_FROM_KEYS = [
  ["legend", "Legend"],
  ["tooltip", "Tooltip"],
  ["viz", "Graph"],
] as const;

/** The input for one override property's value, by its id; a property the form has no input for shows its JSON. */
export function PropertyValueField({ id, value, onChange }: PropertyValueFieldProps): ReactNode {
  const label = propertyLabel(id);
  switch (id) {
    case "displayName":
    case "unit":
      return (
        <input
          aria-label={label}
          value={typeof value === "string" ? value : ""}
          onChange={(event) => onChange(event.target.value)}
          data-testid={`override-${id}`}
        />
      );
    case "decimals":
    case "min":
    case "max":
    case "custom.fillOpacity":
    case "custom.lineWidth":
    case "custom.width":
      return (
        <input
          type="number"
          step="any"
          aria-label={label}
          value={typeof value === "number" ? value : ""}
          onChange={(event) => onChange(numberOr(event.target.value, value))}
          data-testid={`override-${id}`}
        />
      );
    case "color": {
      const color = asObject(value);
      const fixed = typeof color.fixedColor === "string" ? color.fixedColor : "";
      return (
        <span className="dash-inline">
          {fixed ? <span className="dash-swatch" style={{ background: cssColor(fixed) }} /> : null}
          <select
            aria-label={label}
            value={fixed}
            onChange={(event) => onChange({ ...color, mode: "fixed", fixedColor: event.target.value })}
            data-testid="override-color"
          >
            {fixed && !COLOR_CHOICES.includes(fixed) ? <option value={fixed}>{fixed}</option> : null}
            {fixed ? null : <option value="">({String(color.mode ?? "scheme")})</option>}
            {COLOR_CHOICES.map((choice) => (
              <option key={choice} value={choice}>
                {choice}
              </option>
            ))}
          </select>
        </span>
      );
    }
    case "custom.hideFrom": {
      const hide = asObject(value);
      return (
        <span className="dash-inline">
          {HIDE_FROM_KEYS.map(([key, text]) => (
            <label key={key} className="dash-inline">
              <input
                type="checkbox"
                checked={hide[key] === true}
                onChange={(event) =>
                  onChange({
                    legend: hide.legend === true,
                    tooltip: hide.tooltip === true,
                    viz: hide.viz === true,
                    [key]: event.target.checked,
                  })
                }
                data-testid={`override-hide-${key}`}
              />{" "}
              {text}
            </label>
          ))}
        </span>
      );
    }
    case "custom.transform":
      return (
        <select
          aria-label={label}
          value={value === "negative-Y" ? "negative-Y" : "constant"}
          onChange={(event) => onChange(event.target.value)}
          data-testid="override-transform"
        >
          <option value="constant">As is</option>
          <option value="negative-Y">Negative Y (mirrored below zero)</option>
        </select>
      );
    case "custom.stacking": {
      const stacking = asObject(value);
      return (
        <select
          aria-label={label}
          value={typeof stacking.mode === "string" ? stacking.mode : "none"}
          onChange={(event) =>
            onChange({ ...stacking, group: stacking.group ?? "A", mode: event.target.value })
          }
          data-testid="override-stacking"
        >
          <option value="none">Off</option>
          <option value="normal">Normal</option>
          <option value="percent">100%</option>
        </select>
      );
    }
    case "custom.hidden":
      return (
        <input
          type="checkbox"
          aria-label={label}
          checked={value === true}
          onChange={(event) => onChange(event.target.checked)}
        />
      );
    default:
      return (
        <code className="small" title="Kept as Grafana wrote it; exported unchanged">
          {JSON.stringify(value) ?? "(no value)"}
        </code>
      );
  }
}
