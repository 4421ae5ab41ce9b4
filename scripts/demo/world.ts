import { type RandomStream, randomStream, smoothNoise, stochasticRound } from "./random";

/**
 * The simulated system behind the demo data: traffic, error bursts, latency and resource use of
 * two FraiseQL instances, their host and their database. Every driver is a pure function of time,
 * so each metric family can be generated on its own and still agree with the others.
 */

export interface Timeline {
  /** Unix seconds of the first sample; a multiple of `stepSeconds`. */
  start: number;
  stepSeconds: number;
  /** Number of samples per series. */
  steps: number;
  seed: number;
}

export interface AppInstance {
  instance: string;
  /** Container name in cAdvisor. */
  container: string;
  /** HTTP requests per second at the daily peak. */
  peakRate: number;
  poolSize: number;
}

export const APP_INSTANCES: readonly AppInstance[] = [
  { instance: "app-1:8000", container: "app-1", peakRate: 46, poolSize: 20 },
  { instance: "app-2:8000", container: "app-2", peakRate: 38, poolSize: 20 },
];

export interface Operation {
  name: string;
  /** Share of GraphQL operations. */
  weight: number;
  /** Median latency relative to the instance's. */
  latency: number;
  /** Share of errors relative to its share of traffic. */
  errorProneness: number;
}

/** GraphQL operationName values of a small shop API; anonymous operations as FraiseQL v2 names them. */
export const OPERATIONS: readonly Operation[] = [
  { name: "getProduct", weight: 0.24, latency: 0.6, errorProneness: 0.4 },
  { name: "listProducts", weight: 0.18, latency: 1.3, errorProneness: 0.6 },
  { name: "getCart", weight: 0.12, latency: 0.5, errorProneness: 0.5 },
  { name: "getOrderHistory", weight: 0.12, latency: 2.1, errorProneness: 1 },
  { name: "searchProducts", weight: 0.11, latency: 2.9, errorProneness: 1.6 },
  { name: "__anonymous__", weight: 0.1, latency: 1, errorProneness: 1.2 },
  { name: "createOrder", weight: 0.08, latency: 3.6, errorProneness: 3.2 },
  { name: "updateProfile", weight: 0.05, latency: 1.7, errorProneness: 1.5 },
];

/** FraiseQL v2's fixed histogram buckets (metrics_server.rs HISTOGRAM_LE_LABELS), in seconds. */
export const FRAISEQL_BUCKETS: readonly number[] = [
  0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5,
];

/** Spread of request latency around its median (lognormal sigma). */
export const LATENCY_SIGMA = 0.8;

const BURST_WINDOW_SECONDS = 2400;

/** Unix seconds of sample `index`. */
export function sampleTime(timeline: Timeline, index: number): number {
  return timeline.start + index * timeline.stepSeconds;
}

/** Traffic over a day: quietest at 04:00 UTC, busiest at 16:00 UTC, in [0.35, 1]. */
export function dailyShape(timeSeconds: number): number {
  const hour = (timeSeconds % 86_400) / 3600;
  return 0.35 + 0.65 * (0.5 - 0.5 * Math.cos((2 * Math.PI * (hour - 4)) / 24));
}

/** Per-step activity of one application instance. */
export interface AppStep {
  /** Traffic relative to the instance's daily peak, about 0.3 to 1.2. */
  load: number;
  /** 0 normally; up to 1 during an incident (errors and latency rise, the pool fills). */
  incident: number;
  httpRequests: number;
  http5xx: number;
  http4xx: number;
  graphqlOperations: number;
  graphqlErrors: number;
  /** Median request latency, seconds. */
  medianLatency: number;
  poolActive: number;
  poolWaiting: number;
}

/** The simulated world, with per-step values computed once and kept. */
export class DemoWorld {
  private readonly cache = new Map<string, AppStep[]>();
  private readonly streams = new Map<string, RandomStream>();

  constructor(readonly timeline: Timeline) {}

  /** A named random stream of this world's seed. */
  random(key: string): RandomStream {
    let stream = this.streams.get(key);
    if (!stream) {
      stream = randomStream(this.timeline.seed, key);
      this.streams.set(key, stream);
    }
    return stream;
  }

  time(index: number): number {
    return sampleTime(this.timeline, index);
  }

  /** Incident intensity at a moment: a few minutes of trouble in about a third of 40-minute windows. */
  incident(timeSeconds: number): number {
    const window = Math.floor(timeSeconds / BURST_WINDOW_SECONDS);
    const draw = this.random("incident");
    if (draw(window * 4) >= 0.35) return 0;
    const begin = window * BURST_WINDOW_SECONDS + Math.floor(draw(window * 4 + 1) * 1800);
    const length = 180 + Math.floor(draw(window * 4 + 2) * 420);
    if (timeSeconds < begin || timeSeconds >= begin + length) return 0;
    return 0.5 + draw(window * 4 + 3) * 0.5;
  }

  /** Overall traffic relative to the daily peak, shared by every component. */
  load(timeSeconds: number): number {
    return dailyShape(timeSeconds) * (1 + 0.15 * smoothNoise(this.random("traffic"), timeSeconds, 600));
  }

  app(instance: AppInstance, index: number): AppStep {
    let steps = this.cache.get(instance.instance);
    if (!steps) {
      steps = [];
      this.cache.set(instance.instance, steps);
    }
    while (steps.length <= index) steps.push(this.computeApp(instance, steps.length));
    return steps[index] as AppStep;
  }

  private computeApp(instance: AppInstance, index: number): AppStep {
    const t = this.time(index);
    const key = instance.instance;
    const jitter = this.random(`${key}:jitter`);
    const load =
      this.load(t) *
      (1 + 0.06 * smoothNoise(this.random(`${key}:traffic`), t, 180)) *
      (0.97 + 0.06 * jitter(t));
    const incident = this.incident(t);
    const step = this.timeline.stepSeconds;
    const httpRequests = stochasticRound(instance.peakRate * load * step, this.random(`${key}:http`)(t));
    const graphqlOperations = stochasticRound(httpRequests * 0.94, this.random(`${key}:gql`)(t));
    const errorRatio =
      0.004 + 0.003 * (smoothNoise(this.random(`${key}:errors`), t, 900) + 1) + incident * 0.09;
    const graphqlErrors = stochasticRound(graphqlOperations * errorRatio, this.random(`${key}:err`)(t));
    const http5xx = stochasticRound(httpRequests * (0.0008 + incident * 0.03), this.random(`${key}:5xx`)(t));
    const http4xx = stochasticRound(httpRequests * 0.012 + graphqlErrors * 0.3, this.random(`${key}:4xx`)(t));
    const medianLatency = 0.011 * (1 + 0.45 * load) * (1 + incident * 2.4);
    const demand =
      2 + 9 * load + incident * 9 + 1.5 * smoothNoise(this.random(`${key}:pool`), t, 120) + jitter(t + 1);
    const poolActive = Math.max(0, Math.min(instance.poolSize, Math.round(demand)));
    const poolWaiting = Math.max(0, Math.round(demand - instance.poolSize));
    return {
      load,
      incident,
      httpRequests,
      http5xx,
      http4xx,
      graphqlOperations,
      graphqlErrors,
      medianLatency,
      poolActive,
      poolWaiting,
    };
  }
}

/** Standard normal CDF (Abramowitz and Stegun 7.1.26, error below 1.5e-7). */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-z * z);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** Share of lognormal observations (median `median`, spread `sigma`) at or below `bound`. */
export function lognormalCdf(bound: number, median: number, sigma: number): number {
  return normalCdf(Math.log(bound / median) / sigma);
}

/** Splits `total` among weights, deterministically, so the parts add up to `total` exactly. */
export function splitCount(total: number, weights: readonly number[], uniform: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((weight) => Math.floor((total * weight) / sum));
  let left = total - parts.reduce((a, b) => a + b, 0);
  // Hand out the remainder starting at a position that moves with `uniform`, so no part is favoured.
  let position = Math.floor(uniform * weights.length);
  while (left > 0) {
    parts[position % weights.length] = (parts[position % weights.length] ?? 0) + 1;
    position++;
    left--;
  }
  return parts;
}
