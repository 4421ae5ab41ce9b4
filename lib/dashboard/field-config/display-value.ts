import { cssColor, thresholdColor } from "../thresholds";
import { formatValue } from "../units";
import type { FieldDisplay } from "./resolve";
import { type MappableValue, mapValue } from "./value-mappings";

/** A value as a panel shows it: its text, and a colour when a mapping or the thresholds give one. */
export interface DisplayValue {
  text: string;
  /** The mapping's colour; else the thresholds' (value panels colour by them). */
  color: string | undefined;
  /** Whether a value mapping decided the text. */
  mapped: boolean;
}

/**
 * Grafana's display processor, as far as the preview goes: a value mapping first (its text and
 * colour win), then the unit and decimals; the colour of a number from the thresholds. A gap
 * shows "–" unless a mapping (special: null) says otherwise.
 */
export function displayValue(value: MappableValue, field: FieldDisplay): DisplayValue {
  const mapped = mapValue(field.mappings, value);
  const number = typeof value === "number" ? value : null;
  const thresholdsColor =
    number !== null && field.thresholds ? thresholdColor(number, field.thresholds, field) : undefined;
  const fixed = field.fixedColor ? cssColor(field.fixedColor) : undefined;
  if (mapped && (mapped.text !== undefined || mapped.color !== undefined)) {
    const text = mapped.text !== undefined && mapped.text !== "" ? mapped.text : plainText(value, field);
    return { text, color: mapped.color ? cssColor(mapped.color) : (fixed ?? thresholdsColor), mapped: true };
  }
  return { text: plainText(value, field), color: fixed ?? thresholdsColor, mapped: false };
}

function plainText(value: MappableValue, field: FieldDisplay): string {
  if (value === null || value === undefined) return "–";
  if (typeof value === "number") return formatValue(value, field.unit, field.decimals);
  return String(value);
}
