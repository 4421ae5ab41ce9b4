import type { Metadata } from "next";
import type { ReactNode } from "react";
import { TimeseriesBench } from "./timeseries-bench";

export const metadata: Metadata = { title: "Time series benchmark · Obsforge", robots: { index: false } };

interface PageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** A whole number from the query string, kept within what a browser tab can draw. */
function param(value: string | string[] | undefined, fallback: number, max: number): number {
  const number = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(number) && number > 0 ? Math.min(number, max) : fallback;
}

/**
 * The designer's time series chart on its own, drawing synthetic data in the browser (no project,
 * no network), for `npm run bench -- designer`: `?series=100&points=1000&width=1200&height=400`.
 */
export default async function TimeseriesBenchPage({ searchParams }: PageProps): Promise<ReactNode> {
  const params = await searchParams;
  const seriesCount = param(params.series, 100, 500);
  const points = param(params.points, 1000, 5000);
  return (
    <main>
      <h1>Time series benchmark</h1>
      <p>
        The dashboard designer's time series chart with {seriesCount} synthetic series of {points} points.
      </p>
      <TimeseriesBench
        seriesCount={seriesCount}
        points={points}
        width={param(params.width, 1200, 4000)}
        height={param(params.height, 400, 2000)}
      />
    </main>
  );
}
