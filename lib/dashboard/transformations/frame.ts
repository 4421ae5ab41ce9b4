import type { Series } from "../series";

/**
 * A table as Grafana's transformations see it (a data frame, much reduced): named columns of
 * equal length. Times are epoch milliseconds, gaps null.
 */
export type CellValue = number | string | null;

export interface FrameField {
  name: string;
  type: "time" | "number" | "string";
  values: CellValue[];
}

export interface DataFrame {
  /** The query the frame came from; a merge or join leaves it unset. */
  refId?: string;
  fields: FrameField[];
}

export function frameLength(frame: DataFrame): number {
  return frame.fields[0]?.values.length ?? 0;
}

/**
 * Series as Prometheus's table format gives them to Grafana: one frame per query, a row per
 * series with its latest sample: Time, one column per label (sorted), and the value, named
 * "Value" when the panel has one query and "Value #<refId>" when it has several.
 */
export function tableFrames(series: readonly Series[]): DataFrame[] {
  const refIds = [...new Set(series.map((entry) => entry.refId))];
  return refIds.map((refId) => {
    const rows = series.filter((entry) => entry.refId === refId);
    const labels = [
      ...new Set(rows.flatMap((entry) => Object.keys(entry.labels).filter((name) => name !== "__name__"))),
    ].sort();
    const last = rows.map((entry) => {
      for (let index = entry.points.length - 1; index >= 0; index--) {
        const point = entry.points[index];
        if (point && point[1] !== null) return point;
      }
      return entry.points[entry.points.length - 1];
    });
    return {
      refId,
      fields: [
        { name: "Time", type: "time", values: last.map((point) => point?.[0] ?? null) },
        ...labels.map(
          (label): FrameField => ({
            name: label,
            type: "string",
            values: rows.map((entry) => entry.labels[label] ?? ""),
          }),
        ),
        {
          name: refIds.length === 1 ? "Value" : `Value #${refId}`,
          type: "number",
          values: last.map((point) => point?.[1] ?? null),
        },
      ],
    };
  });
}

/**
 * Frames shown as one table: columns of every frame (by name, in order of appearance), rows one
 * after another. What the preview shows when several frames remain (Grafana offers a choice).
 */
export function concatFrames(frames: readonly DataFrame[]): DataFrame {
  if (frames.length === 1 && frames[0]) return frames[0];
  const fields: FrameField[] = [];
  const byName = new Map<string, FrameField>();
  let length = 0;
  for (const frame of frames) {
    const rows = frameLength(frame);
    for (const field of frame.fields) {
      let target = byName.get(field.name);
      if (!target) {
        target = { name: field.name, type: field.type, values: new Array(length).fill(null) };
        byName.set(field.name, target);
        fields.push(target);
      }
    }
    for (const target of fields) {
      const source = frame.fields.find((field) => field.name === target.name);
      for (let row = 0; row < rows; row++) target.values.push(source?.values[row] ?? null);
    }
    length += rows;
  }
  return { fields };
}
