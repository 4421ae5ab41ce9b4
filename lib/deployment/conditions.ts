import type { AlertTestCase, FrameworkVersion, Labels } from "../model";

/**
 * The simple conditions of deployment.yaml (`cpu > 80%`, `error_rate > 5%`, `latency_p95 > 500ms`)
 * and, for each, the PromQL it means and promtool input series that drive it to a given value,
 * so every generated alert ships with a firing and a quiet unit test.
 */

type Comparison = ">" | ">=" | "<" | "<=";
type Unit = "percent" | "seconds";

interface ConditionMetric {
  title: string;
  unit: Unit;
  expr(version: FrameworkVersion): string;
  /** Input series (1m apart) that make `expr` evaluate to `value`, and the result's labels. */
  drive(
    value: number,
    version: FrameworkVersion,
  ): Pick<AlertTestCase, "inputSeries" | "labels"> & { value: number };
}

export interface ParsedCondition {
  metric: string;
  comparison: Comparison;
  /** Threshold in the metric's base unit: percent (0-100) or seconds. */
  threshold: number;
  definition: ConditionMetric;
}

const SAMPLES = "x60";
const NODE = { instance: "node-exporter:9100", job: "node" };
const APP = { instance: "app:8000", job: "fraiseql" };
const FILESYSTEM = { device: "/dev/sda1", fstype: "ext4", mountpoint: "/", ...NODE };
const REAL_FILESYSTEMS = 'fstype!~"tmpfs|overlay|squashfs"';

function selector(name: string, labels: Labels): string {
  const inner = Object.entries(labels)
    .map(([key, value]) => `${key}=${JSON.stringify(value)}`)
    .join(",");
  return `${name}{${inner}}`;
}

function gauge(name: string, labels: Labels, value: number): { series: string; values: string } {
  return { series: selector(name, labels), values: `${value}${SAMPLES}` };
}

/** A counter growing by `perMinute` every minute. */
function counter(name: string, labels: Labels, perMinute: number): { series: string; values: string } {
  return { series: selector(name, labels), values: `0+${perMinute}${SAMPLES}` };
}

const HISTOGRAM_BUCKETS: Record<FrameworkVersion, number[]> = {
  v2: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  v1: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
};

const LATENCY_HISTOGRAM: Record<FrameworkVersion, string> = {
  v2: "fraiseql_query_duration_seconds_bucket",
  v1: "fraiseql_graphql_query_duration_seconds_bucket",
};

function latencyMetric(quantile: number): ConditionMetric {
  return {
    title: `p${Math.round(quantile * 100)} query latency`,
    unit: "seconds",
    expr: (version) =>
      `histogram_quantile(${quantile}, sum by (le) (rate(${LATENCY_HISTOGRAM[version]}[5m])))`,
    drive(value, version) {
      // All observations land in the one bucket holding `value`; histogram_quantile then
      // interpolates linearly inside it, which is what `value` is recomputed as.
      const bounds = HISTOGRAM_BUCKETS[version];
      const index = bounds.findIndex((upper) => upper >= value);
      if (index < 0) throw new ConditionError(`latency ${value}s is beyond the histogram's largest bucket`);
      const lower = index === 0 ? 0 : (bounds[index - 1] ?? 0);
      const upper = bounds[index] ?? 0;
      const inputSeries = [...bounds.map(String), "+Inf"].map((le, i) =>
        i < index
          ? gauge(LATENCY_HISTOGRAM[version], { le }, 0)
          : counter(LATENCY_HISTOGRAM[version], { le }, 60),
      );
      return { inputSeries, labels: {}, value: lower + (upper - lower) * quantile };
    },
  };
}

export const CONDITION_METRICS: Readonly<Record<string, ConditionMetric>> = {
  cpu: {
    title: "CPU usage",
    unit: "percent",
    expr: () => '100 * (1 - avg by (instance) (rate(node_cpu_seconds_total{mode="idle"}[5m])))',
    drive: (value) => ({
      inputSeries: [
        counter("node_cpu_seconds_total", { cpu: "0", mode: "idle", ...NODE }, 60 - (60 * value) / 100),
      ],
      labels: { instance: NODE.instance },
      value,
    }),
  },
  memory: {
    title: "Memory usage",
    unit: "percent",
    expr: () => "100 * (1 - node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes)",
    drive: (value) => ({
      inputSeries: [
        gauge("node_memory_MemTotal_bytes", NODE, 1000),
        gauge("node_memory_MemAvailable_bytes", NODE, 1000 - 10 * value),
      ],
      labels: NODE,
      value,
    }),
  },
  disk: {
    title: "Disk usage",
    unit: "percent",
    expr: () =>
      `100 * (1 - node_filesystem_avail_bytes{${REAL_FILESYSTEMS}} / node_filesystem_size_bytes{${REAL_FILESYSTEMS}})`,
    drive: (value) => ({
      inputSeries: [
        gauge("node_filesystem_size_bytes", FILESYSTEM, 1000),
        gauge("node_filesystem_avail_bytes", FILESYSTEM, 1000 - 10 * value),
      ],
      labels: FILESYSTEM,
      value,
    }),
  },
  disk_free: {
    title: "Free disk space",
    unit: "percent",
    expr: () =>
      `100 * node_filesystem_avail_bytes{${REAL_FILESYSTEMS}} / node_filesystem_size_bytes{${REAL_FILESYSTEMS}}`,
    drive: (value) => ({
      inputSeries: [
        gauge("node_filesystem_size_bytes", FILESYSTEM, 1000),
        gauge("node_filesystem_avail_bytes", FILESYSTEM, 10 * value),
      ],
      labels: FILESYSTEM,
      value,
    }),
  },
  connections: {
    title: "Database connection pool usage",
    unit: "percent",
    expr: (version) =>
      version === "v2"
        ? "100 * fraiseql_db_pool_connections_active / fraiseql_db_pool_connections_total"
        : "100 * fraiseql_db_connections_active / fraiseql_db_connections_total",
    drive: (value, version) => {
      const [active, total] =
        version === "v2"
          ? ["fraiseql_db_pool_connections_active", "fraiseql_db_pool_connections_total"]
          : ["fraiseql_db_connections_active", "fraiseql_db_connections_total"];
      return { inputSeries: [gauge(total, APP, 100), gauge(active, APP, value)], labels: APP, value };
    },
  },
  error_rate: {
    title: "GraphQL error rate",
    unit: "percent",
    expr: (version) =>
      version === "v2"
        ? "100 * sum(rate(fraiseql_graphql_queries_error[5m])) / sum(rate(fraiseql_graphql_queries_total[5m]))"
        : "100 * sum(rate(fraiseql_graphql_queries_errors_total[5m])) / sum(rate(fraiseql_graphql_queries_total[5m]))",
    drive: (value, version) => ({
      inputSeries: [
        counter("fraiseql_graphql_queries_total", APP, 600),
        counter(
          version === "v2" ? "fraiseql_graphql_queries_error" : "fraiseql_graphql_queries_errors_total",
          APP,
          6 * value,
        ),
      ],
      labels: {},
      value,
    }),
  },
  latency_p50: latencyMetric(0.5),
  latency_p95: latencyMetric(0.95),
  latency_p99: latencyMetric(0.99),
};

export class ConditionError extends Error {}

const CONDITION_PATTERN = /^\s*([a-z_0-9]+)\s*(>=|<=|>|<)\s*(\d+(?:\.\d+)?)\s*(%|ms|s)?\s*$/;

export function parseCondition(text: string): ParsedCondition {
  const match = CONDITION_PATTERN.exec(text);
  if (!match) {
    throw new ConditionError(
      `cannot read condition "${text}": expected <metric> <op> <number>[%|s|ms], e.g. cpu > 80%`,
    );
  }
  const [, metric = "", comparison = ">", number = "0", suffix] = match;
  const definition = CONDITION_METRICS[metric];
  if (!definition) {
    throw new ConditionError(
      `unknown metric "${metric}" in condition: expected one of ${Object.keys(CONDITION_METRICS).join(", ")}`,
    );
  }
  const amount = Number(number);
  if (definition.unit === "percent") {
    if (suffix !== "%")
      throw new ConditionError(
        `${metric} is a percentage: write the threshold with %, e.g. ${metric} ${comparison} ${number}%`,
      );
    if (amount <= 0 || amount >= 100)
      throw new ConditionError(`a percentage threshold must be between 0% and 100%, not ${amount}%`);
    return { metric, comparison: comparison as Comparison, threshold: amount, definition };
  }
  if (suffix !== "s" && suffix !== "ms")
    throw new ConditionError(
      `${metric} is a duration: write the threshold with s or ms, e.g. ${metric} ${comparison} 500ms`,
    );
  const seconds = suffix === "ms" ? amount / 1000 : amount;
  if (seconds <= 0) throw new ConditionError("a latency threshold must be positive");
  return { metric, comparison: comparison as Comparison, threshold: seconds, definition };
}

export function conditionExpr(condition: ParsedCondition, version: FrameworkVersion): string {
  return `${condition.definition.expr(version)} ${condition.comparison} ${condition.threshold}`;
}

/** A value on each side of the threshold: one that fires, one that does not. */
function sampleValues(condition: ParsedCondition): { firing: number; quiet: number } {
  const t = condition.threshold;
  const above = condition.definition.unit === "percent" ? Math.round((t + 100) / 2) : t * 2;
  const below = condition.definition.unit === "percent" ? Math.round(t / 2) : t / 4;
  const greater = condition.comparison === ">" || condition.comparison === ">=";
  return greater ? { firing: above, quiet: below } : { firing: below, quiet: above };
}

function holds(condition: ParsedCondition, value: number): boolean {
  switch (condition.comparison) {
    case ">":
      return value > condition.threshold;
    case ">=":
      return value >= condition.threshold;
    case "<":
      return value < condition.threshold;
    case "<=":
      return value <= condition.threshold;
    default: {
      const exhaustive: never = condition.comparison;
      throw new ConditionError(`unknown comparison ${String(exhaustive)}`);
    }
  }
}

export function conditionTests(
  condition: ParsedCondition,
  version: FrameworkVersion,
  forDuration: string,
  forMinutes: number,
): AlertTestCase[] {
  const { firing, quiet } = sampleValues(condition);
  const evalTime = `${forMinutes + 6}m`;
  const fire = condition.definition.drive(firing, version);
  const calm = condition.definition.drive(quiet, version);
  if (!holds(condition, fire.value) || holds(condition, calm.value)) {
    throw new ConditionError(`cannot build unit-test data on both sides of ${formatThreshold(condition)}`);
  }
  return [
    { description: `fires after ${forDuration}`, interval: "1m", evalTime, fires: true, ...fire },
    {
      description: "stays quiet on the other side of the threshold",
      interval: "1m",
      evalTime,
      fires: false,
      ...calm,
      labels: {},
    },
  ];
}

export function valueTemplate(condition: ParsedCondition): string {
  return condition.definition.unit === "percent"
    ? '{{ printf "%.1f" $value }}%'
    : "{{ $value | humanizeDuration }}";
}

export function formatThreshold(condition: ParsedCondition): string {
  return condition.definition.unit === "percent" ? `${condition.threshold}%` : `${condition.threshold}s`;
}
