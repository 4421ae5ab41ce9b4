import { describe, expect, it } from "vitest";
import type { Series } from "../series";
import { applyTransformations } from "./apply";
import { concatFrames, type DataFrame, tableFrames } from "./frame";
import { joinByField } from "./join-by-field";
import { mergeFrames } from "./merge";
import { organizeFrames } from "./organize";

const frame = (fields: Record<string, unknown[]>, refId?: string): DataFrame => ({
  ...(refId ? { refId } : {}),
  fields: Object.entries(fields).map(([name, values]) => ({
    name,
    type: name === "Time" ? "time" : typeof values[0] === "number" ? "number" : "string",
    values: values as (number | string | null)[],
  })),
});
const columns = (frames: readonly DataFrame[]): Array<Record<string, unknown[]>> =>
  frames.map((entry) => Object.fromEntries(entry.fields.map((field) => [field.name, field.values])));

/** Cases after Grafana's merge.test.ts. */
describe("mergeFrames (Grafana's merge)", () => {
  it("combines two tables with the same key columns into one row per key", () => {
    const a = frame({ Time: [1000, 1000], Temp: [1, 2], Value: [10, 20] });
    const b = frame({ Time: [1000, 1000], Temp: [1, 2], Humidity: [3, 4] });
    expect(columns(mergeFrames([a, b]))).toEqual([
      { Time: [1000, 1000], Temp: [1, 2], Value: [10, 20], Humidity: [3, 4] },
    ]);
  });

  it("keeps rows whose shared values conflict apart", () => {
    const a = frame({ Time: [1000], job: ["a"], "Value #A": [1] });
    const b = frame({ Time: [2000], job: ["a"], "Value #B": [2] });
    expect(columns(mergeFrames([a, b]))).toEqual([
      { Time: [1000, 2000], job: ["a", "a"], "Value #A": [1, null], "Value #B": [null, 2] },
    ]);
  });

  it("leaves frames without a column in common as they are", () => {
    const a = frame({ x: [1] });
    const b = frame({ y: [2] });
    expect(mergeFrames([a, b])).toEqual([a, b]);
  });

  it("fills a column only some rows have with null, in the order rows first appeared", () => {
    const a = frame({ Time: [1, 1], host: ["a", "b"], "Value #A": [1, 2] });
    const b = frame({ Time: [1, 1], host: ["b", "c"], "Value #B": [3, 4] });
    expect(columns(mergeFrames([a, b]))).toEqual([
      { Time: [1, 1, 1], host: ["a", "b", "c"], "Value #A": [1, 2, null], "Value #B": [null, 3, 4] },
    ]);
  });
});

describe("organizeFrames (Grafana's organize)", () => {
  const data = [frame({ Time: [1], job: ["x"], instance: ["i"], Value: [5] })];

  it("excludes, orders by index (the rest after, in order) and renames", () => {
    const out = organizeFrames(data, {
      excludeByName: { Time: true },
      indexByName: { Value: 0, job: 1 },
      renameByName: { Value: "Requests", job: "" },
    });
    expect(out[0]?.fields.map((field) => field.name)).toEqual(["Requests", "job", "instance"]);
  });

  it("keeps only the included columns when includeByName names any", () => {
    const out = organizeFrames(data, { includeByName: { job: true, Value: true } });
    expect(out[0]?.fields.map((field) => field.name)).toEqual(["job", "Value"]);
  });
});

describe("joinByField (Grafana's seriesToColumns)", () => {
  const a = frame({ Time: [1, 2], span: ["a", "b"], "Value #A": [1, 2] });
  const b = frame({ Time: [1], span: ["b"], "Value #B": [9] });

  it("outer-joins on the field, numbering names the frames share", () => {
    expect(columns(joinByField([a, b], { byField: "span" }))).toEqual([
      { span: ["a", "b"], "Time 1": [1, 2], "Value #A": [1, 2], "Time 2": [null, 1], "Value #B": [null, 9] },
    ]);
  });

  it("inner-joins when asked", () => {
    expect(columns(joinByField([a, b], { byField: "span", mode: "inner" }))[0]?.span).toEqual(["b"]);
  });
});

describe("applyTransformations", () => {
  const series: Series[] = [
    {
      key: "A:a",
      name: "a",
      refId: "A",
      labels: { job: "a" },
      points: [
        [1, 1],
        [2, 4],
      ],
    },
    {
      key: "A:b",
      name: "b",
      refId: "A",
      labels: { job: "b" },
      points: [
        [1, 3],
        [2, null],
      ],
    },
  ];

  it("without transformations: a frame per query, a row per series with its latest value", () => {
    expect(columns(tableFrames(series))).toEqual([{ Time: [2, 1], job: ["a", "b"], Value: [4, 3] }]);
  });

  it("reduce makes a row per series with a column per reducer", () => {
    const { frames } = applyTransformations(series, [
      { id: "reduce", options: { reducers: ["max", "mean"] } },
    ]);
    expect(columns(frames)).toEqual([{ Field: ["a", "b"], Max: [4, 3], Mean: [2.5, 3] }]);
  });

  it("sorts, calculates per row, passes over disabled ones and lists those it does not apply", () => {
    const { frames, skipped } = applyTransformations(series, [
      { id: "calculateField", options: { mode: "reduceRow", reduce: { reducer: "sum" }, alias: "double" } },
      {
        id: "calculateField",
        options: { mode: "binary", binary: { left: "Value", operator: "*", right: "2" }, alias: "x2" },
      },
      { id: "sortBy", options: { sort: [{ field: "Value", desc: false }] } },
      { id: "organize", options: { excludeByName: { Time: true } }, disabled: true },
      { id: "groupBy", options: {} },
    ]);
    expect(skipped).toEqual(["groupBy"]);
    expect(columns(frames)).toEqual([
      { Time: [1, 2], job: ["b", "a"], Value: [3, 4], double: [3, 4], x2: [6, 8] },
    ]);
  });

  it("several frames left are shown one after another", () => {
    const two = tableFrames([
      ...series,
      { key: "B:c", name: "c", refId: "B", labels: { job: "c" }, points: [[1, 7]] },
    ]);
    expect(columns([concatFrames(two)])).toEqual([
      { Time: [2, 1, 1], job: ["a", "b", "c"], "Value #A": [4, 3, null], "Value #B": [null, null, 7] },
    ]);
  });
});
