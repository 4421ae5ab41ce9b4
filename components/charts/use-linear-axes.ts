"use client";

import { useXAxisDomain, useXAxisScale, useYAxisDomain, useYAxisScale } from "recharts";
import { type Axis, axisThrough } from "./series-paths";

/** The axis of a recharts scale, from where it puts the two ends of its domain. */
function linearAxis(
  scale: ((value: unknown) => number | undefined) | undefined,
  domain: readonly unknown[] | undefined,
): Axis | undefined {
  const [from, to] = domain ?? [];
  if (!scale || typeof from !== "number" || typeof to !== "number") return undefined;
  const start = scale(from);
  const end = scale(to);
  if (start === undefined || end === undefined) return undefined;
  return axisThrough(from, start, to, end);
}

export interface LinearAxes {
  x: Axis | undefined;
  y: Axis | undefined;
  yDomain: readonly unknown[] | undefined;
}

/**
 * The chart's number axes as linear maps, for layers that place thousands of points themselves:
 * a multiply and an add per point instead of a call into the recharts scale. Undefined until the
 * chart has laid its axes out.
 */
export function useLinearAxes(): LinearAxes {
  const yDomain = useYAxisDomain();
  return {
    x: linearAxis(useXAxisScale(), useXAxisDomain()),
    y: linearAxis(useYAxisScale(), yDomain),
    yDomain,
  };
}
