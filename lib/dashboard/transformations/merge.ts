import type { CellValue, DataFrame, FrameField } from "./frame";
import { frameLength } from "./frame";

type Row = Map<string, CellValue>;

/** Grafana's isMergable: every value the row has is unset or null in the existing row, or equal. */
function mergeable(existing: Row, row: Row): boolean {
  for (const [name, value] of row) {
    const current = existing.get(name);
    if (current === undefined || current === null) continue;
    if (current !== value) return false;
  }
  return true;
}

/**
 * Grafana's "merge" (Merge series/tables): the frames become one table with every column of any
 * of them. The columns every frame has are the key; rows of different frames with the same key
 * are one row where their values do not conflict (instant queries of several targets: one row per
 * label set, a value column per query). Without a column common to all frames nothing is merged.
 */
export function mergeFrames(frames: readonly DataFrame[]): DataFrame[] {
  const data = frames.filter((frame) => frame.fields.length > 0);
  if (data.length <= 1) return frames.length === 0 ? [] : [...frames];
  const fields: FrameField[] = [];
  const seen = new Set<string>();
  for (const frame of data) {
    for (const field of frame.fields) {
      if (seen.has(field.name)) continue;
      seen.add(field.name);
      fields.push({ name: field.name, type: field.type, values: [] });
    }
  }
  const keyNames = fields
    .map((field) => field.name)
    .filter((name) => data.every((frame) => frame.fields.some((field) => field.name === name)));
  if (keyNames.length === 0) return [...frames];
  const byKey = new Map<string, Row[]>();
  const order: Array<{ key: string; index: number }> = [];
  for (const frame of data) {
    for (let index = 0; index < frameLength(frame); index++) {
      const row: Row = new Map(frame.fields.map((field) => [field.name, field.values[index] ?? null]));
      const key = keyNames.map((name) => String(row.get(name))).join("\u0000");
      const rows = byKey.get(key);
      if (!rows) {
        byKey.set(key, [row]);
        order.push({ key, index: 0 });
        continue;
      }
      let merged = false;
      rows.forEach((existing, position) => {
        if (!mergeable(existing, row)) return;
        merged = true;
        rows[position] = new Map([...existing, ...row]);
      });
      if (!merged) {
        rows.push(row);
        order.push({ key, index: rows.length - 1 });
      }
    }
  }
  for (const { key, index } of order) {
    const row = byKey.get(key)?.[index];
    for (const field of fields) field.values.push(row?.get(field.name) ?? null);
  }
  return [{ fields }];
}
