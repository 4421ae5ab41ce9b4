import { type Command, Option } from "commander";
import { MAX_WINDOW_MS } from "../alerting/backtest/api-schemas";
import { prometheusOffsetMs } from "../alerting/backtest/evaluation-times";
import { type BacktestRuleSpec, type RangeQuery, runBacktest } from "../alerting/backtest/run";
import { formatSpan } from "../alerting/backtest/summary";
import type { AlertTimeline, ResultSeries } from "../alerting/backtest/types";
import { ruleFilePath } from "../generate/names";
import { type AlertingRule, type Project, parseDuration, type RuleGroup } from "../model";
import { PreviewError } from "../prometheus/errors";
import { fetchLimited } from "../prometheus/fetch-limited";
import { QueryResponseSchema } from "../prometheus/schemas";
import { InputError, loadProjectJson } from "./load-input";

/**
 * `obsforge backtest project.json --rule NAME --prometheus URL --since 24h`: the named alerting
 * rule replayed against a Prometheus's history by the same engine as the web app's backtest (at the
 * group's interval, evaluations on multiples of it, as promtool), printed as the summary sentence
 * and each series' firings. The Prometheus client of lib/prometheus is server-only, so the range
 * query here is the same bounded fetch with the same response schema.
 */

/** As the server's backtest: range queries may be long; chunks keep them near 1M samples. */
const QUERY_TIMEOUT_MS = 60_000;
const QUERY_MAX_BYTES = 64 * 1024 * 1024;

export interface BacktestOptions {
  rule: string;
  prometheus: string;
  since: string;
  group?: string;
  /** "bundle": evaluations at the phase Prometheus gives the bundle's rule file; else on multiples of the interval. */
  alignment?: "interval" | "bundle";
}

function ms(text: string | undefined): number {
  return text === undefined ? 0 : (parseDuration(text) ?? 0);
}

/** The alerting rule of that name (in `--group` when given); unknown or ambiguous names list the choices. */
function findRule(
  project: Project,
  file: string,
  options: BacktestOptions,
): { group: RuleGroup; rule: AlertingRule } {
  const groups = project.ruleGroups.filter(
    (group) => options.group === undefined || group.name === options.group,
  );
  if (groups.length === 0)
    throw new InputError([
      `${file}: no rule group "${options.group}"; its groups: ${project.ruleGroups.map((g) => g.name).join(", ") || "none"}`,
    ]);
  const found = groups.flatMap((group) =>
    group.rules.flatMap((rule) =>
      rule.kind === "alert" && rule.alert === options.rule ? [{ group, rule }] : [],
    ),
  );
  const [first, second] = found;
  if (first && !second) return first;
  if (first && second)
    throw new InputError([
      `${file}: alerting rule "${options.rule}" is in several groups (${found.map((f) => f.group.name).join(", ")}): name one with --group`,
    ]);
  const names = [
    ...new Set(
      groups.flatMap((group) => group.rules.flatMap((rule) => (rule.kind === "alert" ? [rule.alert] : []))),
    ),
  ];
  const where = options.group === undefined ? file : `group "${options.group}" of ${file}`;
  throw new InputError([
    `${where}: no alerting rule "${options.rule}"; its alerting rules: ${names.join(", ") || "none"}`,
  ]);
}

/** `query_range` at `baseUrl`, bounded and validated; failures throw PreviewError. */
export function rangeQueryAt(baseUrl: string): RangeQuery {
  const url = `${baseUrl.replace(/\/+$/, "")}/api/v1/query_range`;
  return async (query, startMs, endMs, stepMs, signal) => {
    const body = new URLSearchParams({
      query,
      start: String(startMs / 1000),
      end: String(endMs / 1000),
      step: String(stepMs / 1000),
    });
    const response = await fetchLimited(url, {
      method: "POST",
      body,
      timeoutMs: QUERY_TIMEOUT_MS,
      maxBytes: QUERY_MAX_BYTES,
      signal,
    });
    let json: unknown;
    try {
      json = JSON.parse(response.text);
    } catch {
      throw new PreviewError(
        "bad_response",
        `${url} answered HTTP ${response.status}, not JSON; is this a Prometheus?`,
      );
    }
    const parsed = QueryResponseSchema.safeParse(json);
    if (!parsed.success)
      throw new PreviewError("bad_response", `${url} answered in an unexpected shape; is this a Prometheus?`);
    if (parsed.data.status === "error")
      throw new PreviewError("prometheus", `Prometheus: ${parsed.data.error}`);
    if (parsed.data.data.resultType !== "matrix")
      throw new PreviewError("bad_response", `a range query answered a ${parsed.data.data.resultType}`);
    return parsed.data.data.result as ResultSeries[];
  };
}

function time(msSinceEpoch: number): string {
  return new Date(msSinceEpoch).toISOString().replace(".000Z", "Z");
}

function labelText(labels: Readonly<Record<string, string>>): string {
  return `{${Object.entries(labels)
    .map(([name, value]) => `${name}=${JSON.stringify(value)}`)
    .join(", ")}}`;
}

/** Per alert that fired: its labels, then each firing as start, end and duration. */
function firingLines(timelines: readonly AlertTimeline[]): string[] {
  return timelines
    .filter((timeline) => timeline.segments.some((segment) => segment.state === "firing"))
    .flatMap((timeline) => [
      labelText(timeline.labels),
      ...timeline.segments
        .filter((segment) => segment.state === "firing")
        .map(
          (segment) =>
            `  firing ${time(segment.fromMs)} → ${segment.open ? "still firing at the window's end" : time(segment.toMs)}  ${formatSpan(segment.toMs - segment.fromMs)}`,
        ),
    ]);
}

export async function runBacktestCommand(
  file: string,
  options: BacktestOptions,
  nowMs: number = Date.now(),
): Promise<string[]> {
  const sinceMs = parseDuration(options.since);
  if (sinceMs === undefined || sinceMs < 60_000 || sinceMs > MAX_WINDOW_MS)
    throw new InputError([
      `--since ${JSON.stringify(options.since)}: give a duration from 1m to 7d, e.g. 24h`,
    ]);
  try {
    new URL(options.prometheus);
  } catch {
    throw new InputError([
      `--prometheus ${JSON.stringify(options.prometheus)}: not a URL, e.g. http://localhost:9090`,
    ]);
  }
  const { project } = loadProjectJson(file);
  const { group, rule } = findRule(project, file, options);
  const intervalMs = ms(group.interval ?? project.evaluationInterval);
  if (!(intervalMs > 0)) throw new InputError([`${file}: group "${group.name}" has no positive interval`]);
  if (sinceMs < intervalMs)
    throw new InputError([
      `--since ${options.since} is shorter than group "${group.name}"'s interval (${group.interval ?? project.evaluationInterval}): no evaluation to replay`,
    ]);
  const loose = group as RuleGroup & { limit?: number; queryOffset?: string };
  const spec: BacktestRuleSpec = {
    alert: rule.alert,
    expr: rule.expr,
    forMs: ms(rule.for),
    keepFiringForMs: ms(rule.keepFiringFor),
    labels: { ...rule.labels },
  };
  let run: Awaited<ReturnType<typeof runBacktest>>;
  try {
    run = await runBacktest(
      {
        saved: spec,
        group: {
          intervalMs,
          limit: loose.limit,
          queryOffsetMs: ms(loose.queryOffset),
          evaluationOffsetMs:
            options.alignment === "bundle"
              ? // As the web app's backtest: the compose bundle loads rules/*.yml from /etc/prometheus.
                prometheusOffsetMs(group.name, `/etc/${ruleFilePath(group.name, project)}`, intervalMs)
              : 0,
        },
        startMs: nowMs - sinceMs,
        endMs: nowMs,
        chart: false,
      },
      rangeQueryAt(options.prometheus),
    );
  } catch (error) {
    if (error instanceof PreviewError)
      throw new InputError([
        `backtest of "${rule.alert}" against ${options.prometheus} failed: ${error.message}`,
      ]);
    throw error;
  }
  const result = run.saved;
  if (!result) throw new Error("the backtest returned no result for the rule");
  const lines = [
    `${rule.alert} (group ${group.name}, every ${group.interval ?? project.evaluationInterval}, ${time(run.startMs)} to ${time(run.endMs)}): ${result.summary.text}`,
    ...firingLines(result.timelines),
  ];
  if (result.omittedTimelines > 0) lines.push(`… and ${result.omittedTimelines} more series not listed`);
  for (const error of result.errors) lines.push(`evaluation at ${time(error.atMs)} failed: ${error.message}`);
  return lines;
}

export function addBacktestCommand(
  program: Command,
  io: { stdout: (text: string) => void; stderr: (text: string) => void },
  setExit: (code: number) => void,
): void {
  program
    .command("backtest")
    .description("replay an alerting rule over a Prometheus's history: when it would have fired")
    .argument("<project.json>", "project file")
    .requiredOption("--rule <name>", "the alerting rule's name (alert:)")
    .requiredOption("--prometheus <url>", "the Prometheus whose history is read, e.g. http://localhost:9090")
    .option("--since <duration>", "the window, up to now (1m to 7d)", "24h")
    .option("--group <name>", "the rule group, when several have a rule of that name")
    .addOption(
      new Option(
        "--alignment <how>",
        "evaluation times: on multiples of the interval (as promtool), or at the phase a real Prometheus gives the bundle's rule file",
      )
        .choices(["interval", "bundle"])
        .default("interval"),
    )
    .addHelpText(
      "after",
      [
        "",
        "Evaluates the rule at its group's interval as Prometheus's rule engine would have (for,",
        "keep_firing_for, the group's limit and query_offset), prints the summary sentence, then each",
        "series that fired with its firings (start, end, duration). Exit 1 on any error.",
        "",
        "Example:",
        "  obsforge backtest shop.obsforge.json --rule FraiseQLDown --prometheus http://localhost:9090 --since 24h",
      ].join("\n"),
    )
    .action(async (file: string, options: BacktestOptions) => {
      for (const line of await runBacktestCommand(file, options)) io.stdout(`${line}\n`);
      setExit(0);
    });
}
