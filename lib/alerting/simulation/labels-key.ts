import type { Labels } from "../../model";

/** A label set as a comparable string, independent of key order. */
export const labelsKeyOf = (labels: Labels): string =>
  JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
