import { asObject, asString } from "../grafana-import/json";
import type { CellValue, DataFrame, FrameField } from "./frame";
import { frameLength } from "./frame";

/**
 * Grafana's "seriesToColumns" / "joinByField": the frames joined into one on a column (`byField`,
 * by default the time): an outer join keeps every key of any frame, an inner join only keys every
 * frame has. A column name that several frames share is numbered by frame ("Time 1", "Time 2"),
 * as Grafana names the joined fields.
 */
export function joinByField(frames: readonly DataFrame[], options: unknown): DataFrame[] {
  if (frames.length === 0) return [];
  const opts = asObject(options);
  const mode = asString(opts.mode) === "inner" ? "inner" : "outer";
  const by =
    asString(opts.byField) ?? frames[0]?.fields.find((field) => field.type === "time")?.name ?? "Time";
  const joined = frames.filter((frame) => frame.fields.some((field) => field.name === by));
  if (joined.length === 0) return [...frames];
  const counts = new Map<string, number>();
  for (const frame of joined)
    for (const field of frame.fields)
      if (field.name !== by) counts.set(field.name, (counts.get(field.name) ?? 0) + 1);
  const keyField = joined[0]?.fields.find((field) => field.name === by) as FrameField;
  const keys: CellValue[] = [];
  const seen = new Set<string>();
  const lookups = joined.map((frame) => {
    const key = frame.fields.find((field) => field.name === by) as FrameField;
    const rows = new Map<string, number>();
    for (let row = 0; row < frameLength(frame); row++) {
      const value = key.values[row] ?? null;
      const text = String(value);
      if (!rows.has(text)) rows.set(text, row);
      if (!seen.has(text)) {
        seen.add(text);
        keys.push(value);
      }
    }
    return rows;
  });
  const kept = mode === "inner" ? keys.filter((key) => lookups.every((rows) => rows.has(String(key)))) : keys;
  const fields: FrameField[] = [{ name: by, type: keyField.type, values: kept }];
  joined.forEach((frame, index) => {
    const rows = lookups[index] as Map<string, number>;
    for (const field of frame.fields) {
      if (field.name === by) continue;
      const name = (counts.get(field.name) ?? 0) > 1 ? `${field.name} ${index + 1}` : field.name;
      fields.push({
        name,
        type: field.type,
        values: kept.map((key) => {
          const row = rows.get(String(key));
          return row === undefined ? null : (field.values[row] ?? null);
        }),
      });
    }
  });
  return [{ fields }, ...frames.filter((frame) => !joined.includes(frame))];
}
