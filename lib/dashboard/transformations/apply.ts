import { asArray, asObject, asString, isPlainObject } from "../grafana-import/json";
import type { Series } from "../series";
import { calculateField } from "./calculate-field";
import { type DataFrame, tableFrames } from "./frame";
import { joinByField } from "./join-by-field";
import { mergeFrames } from "./merge";
import { organizeFrames } from "./organize";
import { reduceSeries } from "./reduce";
import { sortFrames } from "./sort-by";

/** What transforming a panel's data gave: its frames, and the transformations it could not apply. */
export interface Transformed {
  frames: DataFrame[];
  /** Ids of transformations the preview does not apply (Grafana's own list is longer). */
  skipped: string[];
}

type FrameTransform = (frames: readonly DataFrame[], options: unknown) => DataFrame[];

const TRANSFORMS: Record<string, FrameTransform> = {
  merge: (frames) => mergeFrames(frames),
  organize: organizeFrames,
  seriesToColumns: joinByField,
  joinByField,
  sortBy: sortFrames,
  calculateField,
};

/**
 * A table panel's data as Grafana's transformations leave it: the series as table frames (one per
 * query), then each transformation in order, as written in the panel's Grafana JSON (the model
 * keeps them raw). A disabled one is passed over; `reduce` at the start works on the series
 * themselves, as Grafana's works on the time series frames.
 */
export function applyTransformations(series: readonly Series[], transformations: unknown): Transformed {
  const list = asArray(transformations).filter(isPlainObject);
  let frames: DataFrame[] | undefined;
  const skipped: string[] = [];
  for (const transformation of list) {
    if (transformation.disabled === true) continue;
    const id = asString(transformation.id) ?? "";
    if (id === "reduce" && frames === undefined) {
      frames = reduceSeries(series, transformation.options);
      continue;
    }
    const transform = TRANSFORMS[id];
    if (!transform) {
      skipped.push(id);
      continue;
    }
    frames = transform(frames ?? tableFrames(series), asObject(transformation.options));
  }
  return { frames: frames ?? tableFrames(series), skipped };
}
