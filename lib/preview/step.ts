/**
 * The step of a preview range query: as fine as the panel can draw, never more than
 * MAX_POINTS points per series, never finer than Prometheus scrapes, and a round number so
 * neighbouring previews line up.
 */

import { parseDuration } from "../model/common";
import type { Datasource } from "../model/datasource";

export const MAX_POINTS = 1000;

/** Round steps in seconds, as Grafana picks them. */
export const NICE_STEPS_SECONDS: readonly number[] = [
  1, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400,
];

export interface StepInput {
  /** Length of the queried range. */
  rangeSeconds: number;
  /** Width the panel draws in, in pixels: one point per pixel is enough. */
  widthPx: number;
  /** The datasource's scrape interval: finer steps only repeat samples. */
  scrapeIntervalSeconds: number;
  /** Default MAX_POINTS. */
  maxPoints?: number;
}

/** Points a range query returns per series: both ends are included. */
export function pointCount(rangeSeconds: number, stepSeconds: number): number {
  return Math.floor(rangeSeconds / stepSeconds) + 1;
}

export function chooseStep(input: StepInput): number {
  const limit = Math.max(2, Math.min(Math.floor(input.widthPx), input.maxPoints ?? MAX_POINTS));
  const finest = Math.max(input.rangeSeconds / (limit - 1), input.scrapeIntervalSeconds, 1);
  const nice = NICE_STEPS_SECONDS.find((step) => step >= finest);
  if (nice !== undefined) return nice;
  const day = 86_400;
  return Math.ceil(finest / day) * day;
}

/** What a query of the panel says about its own step: Grafana's "Min step" and "Resolution". */
export interface QueryStepOptions {
  /** The query's `interval` ("Min step"): the step is never finer. */
  minIntervalSeconds?: number;
  /** The query's `intervalFactor` ("Resolution" 1/n): the step is n times coarser. */
  intervalFactor?: number;
}

/**
 * The step of one query, as Grafana's Prometheus datasource adjusts the panel's interval for it
 * (pkg/promlib/models/query.go, calculatePrometheusInterval): the chosen step, at least the query's min step, then
 * times its interval factor. Not rounded again: Grafana sends `1/3` of a 15 s step as 45 s.
 */
export function queryStep(chosenSeconds: number, query: QueryStepOptions): number {
  const floor = Math.max(chosenSeconds, query.minIntervalSeconds ?? 0);
  return floor * Math.max(1, Math.floor(query.intervalFactor ?? 1));
}

/** The narrowest width the preview API accepts. */
export const MIN_WIDTH_PX = 10;

/**
 * The narrowest width that gives `stepSeconds` over `rangeSeconds`: `chooseStep` gives back the
 * same step for it, with the same scrape interval, and no series gets more points than it has
 * pixels. A preview asks with this width instead of the panel's, so every width that has one
 * step shares one request (and one React Query key): resizing refetches only when the step changes.
 */
export function widthForStep(rangeSeconds: number, stepSeconds: number): number {
  return Math.max(MIN_WIDTH_PX, Math.ceil(rangeSeconds / stepSeconds) + 1);
}

/** The width a preview asks with for a panel `widthPx` wide: see widthForStep. */
export function stepWidth(input: StepInput): number {
  return widthForStep(input.rangeSeconds, chooseStep(input));
}

/** A scrape interval as Prometheus writes it (`15s`, `1m`), in seconds; 15 when unreadable. */
export function scrapeIntervalSeconds(text: string | undefined): number {
  return (parseDuration(text ?? "") ?? 15_000) / 1000 || 15;
}

/**
 * The scrape interval a preview against datasource `uid` steps by, as the server picks it: that
 * Prometheus datasource's, else the default one's (or the first's), else the project's.
 */
export function previewScrapeSeconds(
  project: { datasources: readonly Datasource[]; scrapeInterval: string },
  uid: string | undefined,
): number {
  const prometheus = project.datasources.filter(
    (datasource): datasource is Extract<Datasource, { type: "prometheus" }> =>
      datasource.type === "prometheus",
  );
  const datasource =
    uid === undefined
      ? (prometheus.find((candidate) => candidate.isDefault) ?? prometheus[0])
      : prometheus.find((candidate) => candidate.uid === uid);
  return scrapeIntervalSeconds(datasource?.scrapeInterval ?? project.scrapeInterval);
}
