import { asArray, asObject, asString, isPlainObject } from "../grafana-import/json";
import type { CellValue, DataFrame } from "./frame";
import { frameLength } from "./frame";

function compare(a: CellValue, b: CellValue): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true });
}

/** Grafana's "sortBy": each frame's rows sorted by one column, ascending or descending. */
export function sortFrames(frames: readonly DataFrame[], options: unknown): DataFrame[] {
  const first = asArray(asObject(options).sort).find(isPlainObject);
  const name = asString(first?.field);
  if (!first || !name) return [...frames];
  const desc = first.desc === true;
  return frames.map((frame) => {
    const key = frame.fields.find((field) => field.name === name);
    if (!key) return frame;
    const order = [...Array(frameLength(frame)).keys()].sort((a, b) => {
      const result = compare(key.values[a] ?? null, key.values[b] ?? null);
      return desc ? -result : result;
    });
    return {
      ...frame,
      fields: frame.fields.map((field) => ({
        ...field,
        values: order.map((row) => field.values[row] ?? null),
      })),
    };
  });
}
