import { getNiceTickValues } from "recharts";
import { describe, expect, it } from "vitest";
import { seededRandom } from "@/lib/promql/testing/mutate";
import { niceTicks, valueAxis } from "./nice-ticks";

/** recharts' own ticks are the oracle: the charts' axes read as they did when recharts drew them. */
const close = (a: readonly number[], b: readonly number[]): boolean =>
  a.length === b.length &&
  a.every(
    (value, index) => Math.abs(value - (b[index] ?? Number.NaN)) <= 1e-9 * Math.max(1, Math.abs(value)),
  );

describe("niceTicks", () => {
  it("chooses recharts' ticks on 1,000 generated ranges of every magnitude and sign", () => {
    const random = seededRandom(8);
    const misses: string[] = [];
    let compared = 0;
    for (let round = 0; round < 1000; round++) {
      const magnitude = 10 ** Math.floor(random() * 16 - 8);
      const shape = random();
      const a = (random() * 2 - (shape < 0.3 ? 0 : 1)) * magnitude;
      const b = shape < 0.1 ? a : a + (0.001 + random()) * magnitude * (shape < 0.5 ? 1 : 0.01);
      const count = 3 + Math.floor(random() * 3);
      const [low, high] = [Math.min(a, b), Math.max(a, b)];
      const ours = niceTicks(low, high, count);
      let theirs: number[];
      try {
        theirs = getNiceTickValues([low, high], count, true) as number[];
      } catch {
        // recharts recurses without end on a few ranges (its step never fits): ours still spans them.
        expect(ours[0]).toBeLessThanOrEqual(low);
        expect(ours[ours.length - 1]).toBeGreaterThanOrEqual(high);
        continue;
      }
      compared++;
      if (!close(ours, theirs)) misses.push(`[${low}, ${high}] × ${count}: ${ours} vs ${theirs}`);
    }
    expect(misses.slice(0, 10)).toEqual([]);
    expect(compared).toBeGreaterThan(900);
  });

  it("spans the data with round values, 0 among them when the data crosses it", () => {
    expect(niceTicks(37, 52, 5)).toEqual([36, 40, 44, 48, 52]);
    expect(niceTicks(-3, 7, 5)).toEqual([-3, 0, 3, 6, 9]);
    expect(niceTicks(0, 0.3, 4)).toEqual([0, 0.1, 0.2, 0.3]);
  });
});

describe("valueAxis", () => {
  it("keeps an end the panel fixes and drops the ticks beyond it", () => {
    expect(valueAxis(37, 52, 5, { min: 0, max: 50 })).toEqual({ domain: [0, 50], ticks: [0, 15, 30, 45] });
    expect(valueAxis(37, 52, 5)).toEqual({ domain: [36, 52], ticks: [36, 40, 44, 48, 52] });
  });

  it("gives an axis to a chart without data", () => {
    expect(valueAxis(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 5).ticks.length).toBeGreaterThan(1);
  });
});
