import "server-only";
import type { PreviewResponse } from "../api/preview-schemas";
import * as prometheus from "../prometheus/client";
import type { QueryData } from "../prometheus/schemas";
import type { PreviewTarget } from "./allowlist";
import { downsampleMatrix, MAX_SERIES, type MatrixSeries } from "./downsample";
import {
  type InterpolationContext,
  interpolatePromql,
  referencedVariables,
  type TemplateVariable,
  type VariableValue,
} from "./interpolate";
import type { PreviewParams } from "./request";
import { durationSeconds, timeSeconds } from "./request";
import { chooseStep, MAX_POINTS } from "./step";

/**
 * One preview call: interpolates Grafana variables, picks the step, calls the Prometheus endpoint,
 * thins what is too much to draw, and says what it did (the query inspector shows it all).
 */

/** What the route answers: the contract's response (lib/api/preview-schemas.ts), which the browser parses. */
export type PreviewResult = PreviewResponse;

/**
 * A preview's answer, and its data as JSON text when Prometheus's own text is that data (nothing
 * was thinned): the route then sends that text on instead of encoding the data again.
 */
export interface PreviewOutcome {
  result: PreviewResult;
  dataJson?: string;
}

export interface PreviewOptions extends prometheus.ClientOptions {
  /** Unix seconds; default now. */
  now?: number;
}

type Variables = Record<string, VariableValue | TemplateVariable>;

function unresolved(expr: string, variables: Variables): string[] | undefined {
  const missing = referencedVariables(expr).filter((name) => !Object.hasOwn(variables, name));
  return missing.length > 0 ? missing : undefined;
}

/** Whether downsampleMatrix would leave a range result as it is: few enough series, none too long. */
function fitsUnthinned(series: readonly { values: readonly unknown[] }[], maxPoints: number): boolean {
  return series.length <= MAX_SERIES && series.every((entry) => entry.values.length <= maxPoints);
}

/** Keeps at most MAX_SERIES series of an instant vector, counting the rest. */
function capVector(data: QueryData): { data: QueryData; dropped: number; total: number } {
  if (data.resultType !== "vector" || data.result.length <= MAX_SERIES) {
    return { data, dropped: 0, total: data.resultType === "vector" ? data.result.length : 1 };
  }
  return {
    data: { resultType: "vector", result: data.result.slice(0, MAX_SERIES) },
    dropped: data.result.length - MAX_SERIES,
    total: data.result.length,
  };
}

export async function runPreview(
  target: PreviewTarget,
  request: PreviewParams,
  variables: Variables,
  options: PreviewOptions = {},
): Promise<PreviewOutcome> {
  const base = target.baseUrl;
  const now = options.now ?? Date.now() / 1000;
  const common = { source: target.source, status: "success" as const };
  const interpolation = (intervalSeconds: number, rangeSeconds: number): InterpolationContext => ({
    variables,
    intervalMs: intervalSeconds * 1000,
    rangeMs: rangeSeconds * 1000,
    scrapeIntervalMs: target.scrapeIntervalSeconds * 1000,
  });
  switch (request.kind) {
    case "query": {
      const { params } = request;
      const rangeSeconds = durationSeconds(params.range);
      const step = chooseStep({
        rangeSeconds,
        widthPx: params.width,
        scrapeIntervalSeconds: target.scrapeIntervalSeconds,
      });
      const resolvedQuery = interpolatePromql(params.query, interpolation(step, rangeSeconds));
      const answer = await prometheus.query(
        base,
        { query: resolvedQuery, time: params.time ?? String(Math.floor(now)), timeout: params.timeout },
        options,
      );
      const capped = capVector(answer.data);
      const result: PreviewResult = {
        ...common,
        data: capped.data,
        warnings: answer.warnings,
        request: answer.request,
        resolvedQuery,
        unresolvedVariables: unresolved(params.query, variables),
        stepSeconds: step,
        downsampling:
          capped.dropped > 0
            ? {
                totalSeries: capped.total,
                droppedSeries: capped.dropped,
                droppedSeriesExamples: [],
                totalPoints: capped.total,
                droppedPoints: 0,
                thinnedSeries: 0,
                maxPoints: 1,
                maxSeries: MAX_SERIES,
              }
            : undefined,
      };
      return capped.dropped > 0 ? { result } : { result, dataJson: answer.rawData };
    }
    case "query_range": {
      const { params } = request;
      const end = params.end ? timeSeconds(params.end) : Math.floor(now);
      const start = params.start ? timeSeconds(params.start) : end - 3600;
      const rangeSeconds = Math.max(0, end - start);
      const step = params.step
        ? durationSeconds(params.step)
        : chooseStep({
            rangeSeconds,
            widthPx: params.width,
            scrapeIntervalSeconds: target.scrapeIntervalSeconds,
          });
      const resolvedQuery = interpolatePromql(params.query, interpolation(step, rangeSeconds));
      const answer = await prometheus.queryRange(
        base,
        {
          query: resolvedQuery,
          start: String(start),
          end: String(end),
          step: String(step),
          timeout: params.timeout,
        },
        options,
      );
      const maxPoints = Math.min(params.width, MAX_POINTS);
      const described = {
        ...common,
        warnings: answer.warnings,
        request: answer.request,
        resolvedQuery,
        unresolvedVariables: unresolved(params.query, variables),
        stepSeconds: step,
      };
      if (answer.data.resultType !== "matrix") return { result: { ...described, data: answer.data } };
      const matrix: MatrixSeries[] = answer.data.result.map((series) => ({
        metric: series.metric,
        values: series.values,
      }));
      if (fitsUnthinned(matrix, maxPoints)) {
        // Nothing to thin: Prometheus's own text is the data (when it has no more than that).
        return {
          result: { ...described, data: { resultType: "matrix", result: matrix } },
          dataJson: answer.rawData,
        };
      }
      const { series, ...report } = downsampleMatrix(matrix, { maxPoints, maxSeries: MAX_SERIES });
      const thinned = report.droppedSeries > 0 || report.droppedPoints > 0;
      return {
        result: {
          ...described,
          data: { resultType: "matrix", result: series },
          downsampling: thinned ? { ...report, maxPoints, maxSeries: MAX_SERIES } : undefined,
        },
      };
    }
    case "series": {
      const match = request.params["match[]"].map((selector) =>
        interpolatePromql(selector, interpolation(target.scrapeIntervalSeconds, 3600)),
      );
      const answer = await prometheus.series(base, { ...request.params, match }, options);
      return { result: { ...common, data: answer.data, warnings: answer.warnings, request: answer.request } };
    }
    case "labels":
    case "label_values": {
      const match = request.params["match[]"]?.map((selector) =>
        interpolatePromql(selector, interpolation(target.scrapeIntervalSeconds, 3600)),
      );
      const params = { ...request.params, match };
      const answer =
        request.kind === "labels"
          ? await prometheus.labels(base, params, options)
          : await prometheus.labelValues(base, request.label, params, options);
      return { result: { ...common, data: answer.data, warnings: answer.warnings, request: answer.request } };
    }
    case "metadata": {
      const answer = await prometheus.metadata(base, request.params, options);
      return { result: { ...common, data: answer.data, warnings: answer.warnings, request: answer.request } };
    }
    case "alerts": {
      const answer = await prometheus.alerts(base, options);
      return { result: { ...common, data: answer.data, warnings: answer.warnings, request: answer.request } };
    }
    case "rules": {
      const answer = await prometheus.rules(base, request.params, options);
      return { result: { ...common, data: answer.data, warnings: answer.warnings, request: answer.request } };
    }
    default: {
      const never: never = request;
      throw new Error(`unknown preview ${JSON.stringify(never)}`);
    }
  }
}
