/**
 * What the PromQL editor knows about the language itself: every function and aggregation with its
 * signature and a one-paragraph description (after the Prometheus documentation), the keywords,
 * common durations and Grafana's built-in variables. Completion and highlighting both read these.
 */

export interface PromqlFunctionDoc {
  name: string;
  /** As the Prometheus docs write it, e.g. `rate(v range-vector)`. */
  signature: string;
  doc: string;
}

export const PROMQL_FUNCTIONS: readonly PromqlFunctionDoc[] = [
  { name: "abs", signature: "abs(v instant-vector)", doc: "Absolute value of every sample." },
  {
    name: "absent",
    signature: "absent(v instant-vector)",
    doc: "1-element vector with value 1 when the vector has no elements, else empty. Useful to alert when a series is missing.",
  },
  {
    name: "absent_over_time",
    signature: "absent_over_time(v range-vector)",
    doc: "1-element vector with value 1 when the range vector has no elements, else empty.",
  },
  { name: "acos", signature: "acos(v instant-vector)", doc: "Arccosine of every sample (radians)." },
  { name: "acosh", signature: "acosh(v instant-vector)", doc: "Inverse hyperbolic cosine of every sample." },
  { name: "asin", signature: "asin(v instant-vector)", doc: "Arcsine of every sample (radians)." },
  { name: "asinh", signature: "asinh(v instant-vector)", doc: "Inverse hyperbolic sine of every sample." },
  { name: "atan", signature: "atan(v instant-vector)", doc: "Arctangent of every sample (radians)." },
  { name: "atanh", signature: "atanh(v instant-vector)", doc: "Inverse hyperbolic tangent of every sample." },
  {
    name: "avg_over_time",
    signature: "avg_over_time(v range-vector)",
    doc: "Average value of all points in the range, per series.",
  },
  {
    name: "ceil",
    signature: "ceil(v instant-vector)",
    doc: "Rounds every sample up to the nearest integer.",
  },
  {
    name: "changes",
    signature: "changes(v range-vector)",
    doc: "Number of times the value changed within the range, per series.",
  },
  {
    name: "clamp",
    signature: "clamp(v instant-vector, min scalar, max scalar)",
    doc: "Clamps every sample to the range [min, max].",
  },
  {
    name: "clamp_max",
    signature: "clamp_max(v instant-vector, max scalar)",
    doc: "Clamps every sample to have an upper limit of max.",
  },
  {
    name: "clamp_min",
    signature: "clamp_min(v instant-vector, min scalar)",
    doc: "Clamps every sample to have a lower limit of min.",
  },
  { name: "cos", signature: "cos(v instant-vector)", doc: "Cosine of every sample (radians)." },
  { name: "cosh", signature: "cosh(v instant-vector)", doc: "Hyperbolic cosine of every sample." },
  {
    name: "count_over_time",
    signature: "count_over_time(v range-vector)",
    doc: "Count of all points in the range, per series.",
  },
  {
    name: "day_of_month",
    signature: "day_of_month(v=vector(time()) instant-vector)",
    doc: "Day of the month (1–31) for each timestamp, in UTC.",
  },
  {
    name: "day_of_week",
    signature: "day_of_week(v=vector(time()) instant-vector)",
    doc: "Day of the week (0 = Sunday … 6) for each timestamp, in UTC.",
  },
  {
    name: "day_of_year",
    signature: "day_of_year(v=vector(time()) instant-vector)",
    doc: "Day of the year (1–365/366) for each timestamp, in UTC.",
  },
  {
    name: "days_in_month",
    signature: "days_in_month(v=vector(time()) instant-vector)",
    doc: "Number of days in the month (28–31) of each timestamp, in UTC.",
  },
  { name: "deg", signature: "deg(v instant-vector)", doc: "Converts radians to degrees." },
  {
    name: "delta",
    signature: "delta(v range-vector)",
    doc: "Difference between the first and last value of each series in the range; for gauges.",
  },
  {
    name: "deriv",
    signature: "deriv(v range-vector)",
    doc: "Per-second derivative of each series, by simple linear regression; for gauges.",
  },
  {
    name: "double_exponential_smoothing",
    signature: "double_exponential_smoothing(v range-vector, sf scalar, tf scalar)",
    doc: "Smoothed value of each gauge series (Holt-Winters); sf and tf between 0 and 1.",
  },
  { name: "exp", signature: "exp(v instant-vector)", doc: "Exponential function of every sample." },
  {
    name: "first_over_time",
    signature: "first_over_time(v range-vector)",
    doc: "The oldest point in the range, per series.",
  },
  {
    name: "floor",
    signature: "floor(v instant-vector)",
    doc: "Rounds every sample down to the nearest integer.",
  },
  {
    name: "histogram_avg",
    signature: "histogram_avg(v instant-vector)",
    doc: "Arithmetic average of the observed values of each native histogram.",
  },
  {
    name: "histogram_count",
    signature: "histogram_count(v instant-vector)",
    doc: "Count of observations of each native histogram.",
  },
  {
    name: "histogram_fraction",
    signature: "histogram_fraction(lower scalar, upper scalar, v instant-vector)",
    doc: "Estimated fraction of observations between lower and upper, per native histogram.",
  },
  {
    name: "histogram_quantile",
    signature: "histogram_quantile(φ scalar, b instant-vector)",
    doc: "φ-quantile (0 ≤ φ ≤ 1) from the buckets of a histogram. For classic histograms aggregate `rate(x_bucket[5m])` by `le`.",
  },
  {
    name: "histogram_stddev",
    signature: "histogram_stddev(v instant-vector)",
    doc: "Estimated standard deviation of the observations of each native histogram.",
  },
  {
    name: "histogram_stdvar",
    signature: "histogram_stdvar(v instant-vector)",
    doc: "Estimated standard variance of the observations of each native histogram.",
  },
  {
    name: "histogram_sum",
    signature: "histogram_sum(v instant-vector)",
    doc: "Sum of observations of each native histogram.",
  },
  {
    name: "hour",
    signature: "hour(v=vector(time()) instant-vector)",
    doc: "Hour of the day (0–23) for each timestamp, in UTC.",
  },
  {
    name: "idelta",
    signature: "idelta(v range-vector)",
    doc: "Difference between the last two points of each series in the range; for gauges.",
  },
  {
    name: "increase",
    signature: "increase(v range-vector)",
    doc: "Increase of each counter over the range, adjusted for resets and extrapolated to the range's edges.",
  },
  {
    name: "info",
    signature: "info(v instant-vector, [data-label-selector instant-vector])",
    doc: "Adds the labels of matching info series (e.g. target_info) to each series. Experimental.",
  },
  {
    name: "irate",
    signature: "irate(v range-vector)",
    doc: "Per-second instant rate of each counter from its last two points; for volatile, fast-moving counters.",
  },
  {
    name: "label_join",
    signature:
      "label_join(v instant-vector, dst_label string, separator string, src_label_1 string, src_label_2 string, ...)",
    doc: "Joins the values of the source labels with the separator into dst_label, for each series.",
  },
  {
    name: "label_replace",
    signature:
      "label_replace(v instant-vector, dst_label string, replacement string, src_label string, regex string)",
    doc: "Sets dst_label to replacement (with $1 capture groups) when regex matches the value of src_label.",
  },
  {
    name: "last_over_time",
    signature: "last_over_time(v range-vector)",
    doc: "The most recent point in the range, per series.",
  },
  { name: "ln", signature: "ln(v instant-vector)", doc: "Natural logarithm of every sample." },
  { name: "log10", signature: "log10(v instant-vector)", doc: "Decimal logarithm of every sample." },
  { name: "log2", signature: "log2(v instant-vector)", doc: "Binary logarithm of every sample." },
  {
    name: "mad_over_time",
    signature: "mad_over_time(v range-vector)",
    doc: "Median absolute deviation of all points in the range, per series.",
  },
  {
    name: "max_over_time",
    signature: "max_over_time(v range-vector)",
    doc: "Maximum value of all points in the range, per series.",
  },
  {
    name: "min_over_time",
    signature: "min_over_time(v range-vector)",
    doc: "Minimum value of all points in the range, per series.",
  },
  {
    name: "minute",
    signature: "minute(v=vector(time()) instant-vector)",
    doc: "Minute of the hour (0–59) for each timestamp, in UTC.",
  },
  {
    name: "month",
    signature: "month(v=vector(time()) instant-vector)",
    doc: "Month of the year (1–12) for each timestamp, in UTC.",
  },
  { name: "pi", signature: "pi()", doc: "The number π." },
  {
    name: "predict_linear",
    signature: "predict_linear(v range-vector, t scalar)",
    doc: "Predicts the value of each gauge t seconds from now, by simple linear regression over the range.",
  },
  {
    name: "present_over_time",
    signature: "present_over_time(v range-vector)",
    doc: "Value 1 for any series with a point in the range.",
  },
  {
    name: "quantile_over_time",
    signature: "quantile_over_time(φ scalar, v range-vector)",
    doc: "φ-quantile (0 ≤ φ ≤ 1) of the values in the range, per series.",
  },
  { name: "rad", signature: "rad(v instant-vector)", doc: "Converts degrees to radians." },
  {
    name: "rate",
    signature: "rate(v range-vector)",
    doc: "Per-second average rate of increase of each counter over the range, adjusted for resets. Use a range of at least four scrape intervals (`$__rate_interval` in Grafana).",
  },
  {
    name: "resets",
    signature: "resets(v range-vector)",
    doc: "Number of counter resets within the range, per series.",
  },
  {
    name: "round",
    signature: "round(v instant-vector, to_nearest=1 scalar)",
    doc: "Rounds every sample to the nearest multiple of to_nearest.",
  },
  {
    name: "scalar",
    signature: "scalar(v instant-vector)",
    doc: "The sample value of a single-element vector as a scalar; NaN otherwise.",
  },
  { name: "sgn", signature: "sgn(v instant-vector)", doc: "Sign of every sample: 1, -1 or 0." },
  { name: "sin", signature: "sin(v instant-vector)", doc: "Sine of every sample (radians)." },
  { name: "sinh", signature: "sinh(v instant-vector)", doc: "Hyperbolic sine of every sample." },
  {
    name: "sort",
    signature: "sort(v instant-vector)",
    doc: "Sorts by sample value, ascending (instant queries).",
  },
  {
    name: "sort_by_label",
    signature: "sort_by_label(v instant-vector, label string, ...)",
    doc: "Sorts by the values of the given labels, ascending. Experimental.",
  },
  {
    name: "sort_by_label_desc",
    signature: "sort_by_label_desc(v instant-vector, label string, ...)",
    doc: "Sorts by the values of the given labels, descending. Experimental.",
  },
  {
    name: "sort_desc",
    signature: "sort_desc(v instant-vector)",
    doc: "Sorts by sample value, descending (instant queries).",
  },
  { name: "sqrt", signature: "sqrt(v instant-vector)", doc: "Square root of every sample." },
  {
    name: "stddev_over_time",
    signature: "stddev_over_time(v range-vector)",
    doc: "Population standard deviation of the values in the range, per series.",
  },
  {
    name: "stdvar_over_time",
    signature: "stdvar_over_time(v range-vector)",
    doc: "Population standard variance of the values in the range, per series.",
  },
  {
    name: "sum_over_time",
    signature: "sum_over_time(v range-vector)",
    doc: "Sum of all values in the range, per series.",
  },
  { name: "tan", signature: "tan(v instant-vector)", doc: "Tangent of every sample (radians)." },
  { name: "tanh", signature: "tanh(v instant-vector)", doc: "Hyperbolic tangent of every sample." },
  { name: "time", signature: "time()", doc: "Seconds since the Unix epoch at the evaluation time." },
  {
    name: "timestamp",
    signature: "timestamp(v instant-vector)",
    doc: "Timestamp of each sample, in seconds since the Unix epoch.",
  },
  {
    name: "ts_of_max_over_time",
    signature: "ts_of_max_over_time(v range-vector)",
    doc: "Timestamp of the maximum value in the range, per series. Experimental.",
  },
  {
    name: "ts_of_min_over_time",
    signature: "ts_of_min_over_time(v range-vector)",
    doc: "Timestamp of the minimum value in the range, per series. Experimental.",
  },
  {
    name: "ts_of_last_over_time",
    signature: "ts_of_last_over_time(v range-vector)",
    doc: "Timestamp of the last point in the range, per series. Experimental.",
  },
  {
    name: "vector",
    signature: "vector(s scalar)",
    doc: "The scalar as a vector with no labels; `vector(0)` keeps a panel from going empty.",
  },
  {
    name: "year",
    signature: "year(v=vector(time()) instant-vector)",
    doc: "Year of each timestamp, in UTC.",
  },
];

export const PROMQL_AGGREGATIONS: readonly PromqlFunctionDoc[] = [
  { name: "sum", signature: "sum [by|without (labels)] (v)", doc: "Sum over dimensions." },
  { name: "avg", signature: "avg [by|without (labels)] (v)", doc: "Average over dimensions." },
  { name: "min", signature: "min [by|without (labels)] (v)", doc: "Minimum over dimensions." },
  { name: "max", signature: "max [by|without (labels)] (v)", doc: "Maximum over dimensions." },
  { name: "count", signature: "count [by|without (labels)] (v)", doc: "Count of elements in the vector." },
  {
    name: "count_values",
    signature: 'count_values [by|without (labels)] ("label", v)',
    doc: "Count of elements with the same value; the value goes into the given label.",
  },
  {
    name: "group",
    signature: "group [by|without (labels)] (v)",
    doc: "1 for every group (the value is ignored).",
  },
  {
    name: "stddev",
    signature: "stddev [by|without (labels)] (v)",
    doc: "Population standard deviation over dimensions.",
  },
  {
    name: "stdvar",
    signature: "stdvar [by|without (labels)] (v)",
    doc: "Population standard variance over dimensions.",
  },
  {
    name: "topk",
    signature: "topk [by|without (labels)] (k, v)",
    doc: "The k largest elements by sample value.",
  },
  {
    name: "bottomk",
    signature: "bottomk [by|without (labels)] (k, v)",
    doc: "The k smallest elements by sample value.",
  },
  {
    name: "quantile",
    signature: "quantile [by|without (labels)] (φ, v)",
    doc: "φ-quantile (0 ≤ φ ≤ 1) over dimensions.",
  },
  {
    name: "limitk",
    signature: "limitk [by|without (labels)] (k, v)",
    doc: "k pseudo-randomly chosen elements, deterministic per series. Experimental.",
  },
  {
    name: "limit_ratio",
    signature: "limit_ratio [by|without (labels)] (r, v)",
    doc: "A deterministic pseudo-random sample of ratio r of the elements. Experimental.",
  },
];

export interface PromqlKeywordDoc {
  name: string;
  doc: string;
}

/** Keywords that follow an expression (modifiers and set operators). */
export const PROMQL_KEYWORDS: readonly PromqlKeywordDoc[] = [
  { name: "by", doc: "Aggregate keeping only these labels: `sum by (job) (…)`." },
  { name: "without", doc: "Aggregate dropping these labels: `sum without (instance) (…)`." },
  { name: "on", doc: "Match the two sides of a binary operation only on these labels." },
  { name: "ignoring", doc: "Match the two sides of a binary operation ignoring these labels." },
  { name: "group_left", doc: "Many-to-one matching: each left series may match one right series." },
  { name: "group_right", doc: "One-to-many matching: each right series may match one left series." },
  { name: "offset", doc: "Shift the evaluation time back: `rate(x[5m] offset 1h)`." },
  { name: "bool", doc: "Comparison returns 0 or 1 instead of filtering: `x > bool 0`." },
  { name: "and", doc: "Intersection: left series that have a match on the right." },
  { name: "or", doc: "Union: left series plus right series with no match on the left." },
  { name: "unless", doc: "Complement: left series that have no match on the right." },
  { name: "atan2", doc: "Binary arctangent of the two sides." },
];

/** Words the tokenizer colours as keywords (besides functions and aggregations). */
export const PROMQL_KEYWORD_WORDS: readonly string[] = [
  ...PROMQL_KEYWORDS.map((keyword) => keyword.name),
  "start",
  "end",
  "inf",
  "nan",
];

export const COMMON_DURATIONS: readonly string[] = [
  "1m",
  "5m",
  "10m",
  "15m",
  "30m",
  "1h",
  "3h",
  "6h",
  "12h",
  "1d",
  "7d",
  "30d",
];

export interface GrafanaVariableDoc {
  name: string;
  doc: string;
}

/** Grafana's built-in variables that make sense inside a PromQL query. */
export const GRAFANA_BUILTIN_VARIABLES: readonly GrafanaVariableDoc[] = [
  {
    name: "$__rate_interval",
    doc: "Range for rate()/increase(): at least four scrape intervals, and at least the step plus one scrape interval.",
  },
  { name: "$__interval", doc: "The step Grafana chose for the panel's width and time range." },
  { name: "$__interval_ms", doc: "`$__interval` in milliseconds." },
  { name: "$__range", doc: "The dashboard's time range, as a duration (e.g. `6h`)." },
  { name: "$__range_s", doc: "The dashboard's time range in seconds." },
  { name: "$__range_ms", doc: "The dashboard's time range in milliseconds." },
];

const FUNCTIONS_BY_NAME = new Map(
  [...PROMQL_FUNCTIONS, ...PROMQL_AGGREGATIONS].map((entry) => [entry.name, entry] as const),
);

/** The doc of a function or aggregation by name. */
export function promqlFunctionDoc(name: string): PromqlFunctionDoc | undefined {
  return FUNCTIONS_BY_NAME.get(name);
}

const AGGREGATION_NAMES = new Set(PROMQL_AGGREGATIONS.map((entry) => entry.name));
const FUNCTION_NAMES = new Set(PROMQL_FUNCTIONS.map((entry) => entry.name));
const KEYWORD_NAMES = new Set(PROMQL_KEYWORD_WORDS);

export function isAggregation(word: string): boolean {
  return AGGREGATION_NAMES.has(word.toLowerCase());
}

export function isFunctionName(word: string): boolean {
  return FUNCTION_NAMES.has(word);
}

export function isKeyword(word: string): boolean {
  return KEYWORD_NAMES.has(word.toLowerCase());
}
