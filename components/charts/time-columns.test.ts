import { describe, expect, it } from "vitest";
import type { Series } from "@/lib/dashboard/series";
import { alignSeries, chartColumns, envelope, percentColumns, stackColumns } from "./time-columns";

function series(key: string, points: [number, number | null][]): Series {
  return { key, name: key, refId: "A", labels: {}, points };
}

describe("alignSeries", () => {
  it("puts series with the same timestamps side by side", () => {
    const aligned = alignSeries([
      series("a", [
        [1, 10],
        [2, 20],
      ]),
      series("b", [
        [1, 1],
        [2, null],
      ]),
    ]);
    expect(aligned).toEqual({
      times: [1, 2],
      values: [
        [10, 20],
        [1, null],
      ],
    });
  });

  it("merges different timestamps, leaving null where a series has no sample", () => {
    const aligned = alignSeries([
      series("a", [
        [1, 1],
        [3, 3],
      ]),
      series("b", [
        [2, 2],
        [3, 30],
        [4, 40],
      ]),
    ]);
    expect(aligned.times).toEqual([1, 2, 3, 4]);
    expect(aligned.values).toEqual([
      [1, null, 3, null],
      [null, 2, 30, 40],
    ]);
  });

  it("sorts points given out of order and counts infinite values as gaps", () => {
    const aligned = alignSeries([
      series("a", [
        [2, Number.POSITIVE_INFINITY],
        [1, 5],
      ]),
    ]);
    expect(aligned).toEqual({ times: [1, 2], values: [[5, null]] });
  });

  it("gives nothing for no series", () => {
    expect(alignSeries([])).toEqual({ times: [], values: [] });
  });
});

describe("percentColumns", () => {
  it("turns values into shares of the absolute total at each time, as chartRows does", () => {
    const shares = percentColumns({
      times: [1, 2, 3],
      values: [
        [1, 3, null],
        [1, -1, null],
      ],
    });
    expect(shares.values).toEqual([
      [0.5, 0.75, null],
      [0.5, -0.25, null],
    ]);
  });
});

describe("stackColumns", () => {
  it("starts each series where the one before ends, a gap counting as 0", () => {
    expect(
      stackColumns([
        [1, 2],
        [3, null],
        [-1, 1],
      ]),
    ).toEqual({
      lower: [
        [0, 0],
        [1, 2],
        [4, 2],
      ],
      upper: [
        [1, 2],
        [4, 2],
        [3, 3],
      ],
    });
  });
});

describe("envelope", () => {
  it("gives each row's lowest and highest value, or null when none has one", () => {
    expect(
      envelope(3, [
        [1, null, null],
        [-2, 5, null],
      ]),
    ).toEqual([[-2, 1], [5, 5], null]);
  });
});

describe("chartColumns", () => {
  it("gives recharts one row per time with the range the stacked bands span", () => {
    const columns = chartColumns(
      [
        series("a", [
          [1, 1],
          [2, 2],
        ]),
        series("b", [
          [1, 3],
          [2, 4],
        ]),
      ],
      "normal",
    );
    expect(columns.rows).toEqual([
      { t: 1, i: 0, range: [0, 4] },
      { t: 2, i: 1, range: [0, 6] },
    ]);
    expect(columns.stacked?.upper).toEqual([
      [1, 2],
      [4, 6],
    ]);
  });

  it("keeps unstacked values as they are", () => {
    const columns = chartColumns([series("a", [[1, 7]])], "none");
    expect(columns.stacked).toBeUndefined();
    expect(columns.rows).toEqual([{ t: 1, i: 0, range: [7, 7] }]);
  });
});

describe("chartColumns with stack groups from field overrides", () => {
  const used = series("used", [
    [1, 2],
    [2, 3],
  ]);
  const cache = series("cache", [
    [1, 1],
    [2, 1],
  ]);
  const total = series("total", [
    [1, 10],
    [2, 10],
  ]);

  it("leaves a series without a group unstacked: a stacked Total does not double the axis", () => {
    const columns = chartColumns([used, cache, total], "normal", ["A", "A", undefined]);
    expect(columns.stacked?.upper).toEqual([
      [2, 3],
      [3, 4],
      [10, 10],
    ]);
    expect(columns.stacked?.lower[2]).toEqual([0, 0]);
    expect(columns.rows.map((row) => row.range)).toEqual([
      [0, 10],
      [0, 10],
    ]);
  });

  it("stacks each group on its own, as series mirrored below zero stack apart from the others", () => {
    const rx = series("rx", [[1, 2]]);
    const tx = series("tx", [[1, -3]]);
    const tx2 = series("tx2", [[1, -1]]);
    const columns = chartColumns([rx, tx, tx2], "none", ["A|up", "A|down", "A|down"]);
    expect(columns.stacked?.upper).toEqual([[2], [-3], [-4]]);
  });
});
