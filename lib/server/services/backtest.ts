import "server-only";
import {
  type BacktestBody,
  type BacktestEvent,
  type BacktestRunResponse,
  type DraftRule,
  windowBounds,
} from "../../alerting/backtest/api-schemas";
import { prometheusOffsetMs } from "../../alerting/backtest/evaluation-times";
import { type BacktestRuleSpec, type RangeQuery, runBacktest } from "../../alerting/backtest/run";
import type { ResultSeries } from "../../alerting/backtest/types";
import { backtestExpr } from "../../alerting/slo/backtest-expr";
import { env } from "../../env";
import { ruleFilePath } from "../../generate/names";
import { type AlertingRule, type Project, parseDuration, type RuleGroup } from "../../model";
import { type PreviewTarget, resolvePreviewTarget } from "../../preview/allowlist";
import { atTarget } from "../../preview/http";
import * as prometheus from "../../prometheus/client";
import { PreviewError } from "../../prometheus/errors";
import { checkPromql } from "../../promql/parse";
import type { ServiceContext } from "../context";
import { HttpError } from "../http";
import { getProject } from "./projects";

/**
 * Backtests of a project's alerting rules against its own Prometheus (the preview's allowlisted
 * target): the rule and group resolved from the stored project, the draft checked, then the range
 * queries in chunks, streamed as NDJSON progress and one result line.
 */

/** Range queries of a backtest may be long: 60 s each, 64 MiB each (chunks keep them near 1M samples). */
const QUERY_TIMEOUT_MS = 60_000;
const QUERY_MAX_BYTES = 64 * 1024 * 1024;

function durationMs(text: string | undefined): number {
  return text === undefined ? 0 : (parseDuration(text) ?? 0);
}

function unprocessable(path: string, message: string): HttpError {
  return new HttpError(422, message, [{ path, message, severity: "error" }]);
}

/** The group's timing, as plain numbers (group.interval, else the project's evaluation_interval). */
export function groupTiming(
  project: Project,
  group: RuleGroup,
): { intervalMs: number; limit?: number; queryOffsetMs: number } {
  const loose = group as RuleGroup & { limit?: number; queryOffset?: string };
  return {
    intervalMs: durationMs(group.interval ?? project.evaluationInterval),
    limit: loose.limit,
    queryOffsetMs: durationMs(loose.queryOffset),
  };
}

/** What the backtest needs of a saved alerting rule (of `group`: an SLO's alert reads its raw counters). */
export function savedRuleSpec(rule: AlertingRule, group?: Pick<RuleGroup, "slo">): BacktestRuleSpec {
  return {
    alert: rule.alert,
    expr: group ? backtestExpr(group, rule) : rule.expr,
    forMs: durationMs(rule.for),
    keepFiringForMs: durationMs(rule.keepFiringFor),
    labels: { ...rule.labels },
  };
}

function draftSpec(draft: DraftRule, fallbackName: string, group: Pick<RuleGroup, "slo">): BacktestRuleSpec {
  const alert = draft.alert ?? fallbackName;
  return {
    alert,
    expr: backtestExpr(group, { alert, expr: draft.expr }),
    forMs: durationMs(draft.for),
    keepFiringForMs: durationMs(draft.keepFiringFor),
    labels: draft.labels,
  };
}

/** The group of that name, else a 404. */
export function findGroup(project: Project, name: string): RuleGroup {
  const group = project.ruleGroups.find((candidate) => candidate.name === name);
  if (!group) throw new HttpError(404, `no rule group "${name}"`);
  return group;
}

/** The group's alerting rule at that index or with that name, else a 404. */
export function findAlertingRule(group: RuleGroup, rule: number | string): AlertingRule {
  const found =
    typeof rule === "number"
      ? group.rules[rule]
      : group.rules.find((candidate) => candidate.kind === "alert" && candidate.alert === rule);
  if (!found) throw new HttpError(404, `no rule ${JSON.stringify(rule)} in group "${group.name}"`);
  if (found.kind !== "alert")
    throw unprocessable("rule", `rule ${rule} is a recording rule: only alerting rules are backtested`);
  return found;
}

/** A range query through the Prometheus client, bounded, cancellable, as the engine takes it. */
export function rangeQueryAt(target: PreviewTarget): RangeQuery {
  return async (query, startMs, endMs, stepMs, signal) => {
    const answer = await prometheus.queryRange(
      target.baseUrl,
      { query, start: String(startMs / 1000), end: String(endMs / 1000), step: String(stepMs / 1000) },
      { method: "POST", timeoutMs: QUERY_TIMEOUT_MS, maxBytes: QUERY_MAX_BYTES, signal },
    );
    if (answer.data.resultType !== "matrix") {
      throw new PreviewError("bad_response", `a range query answered a ${answer.data.resultType}`);
    }
    return answer.data.result as ResultSeries[];
  };
}

export interface PreparedBacktest {
  target: PreviewTarget;
  run: (signal: AbortSignal, onProgress: (event: BacktestEvent) => void) => Promise<BacktestRunResponse>;
}

/**
 * Checks everything that can be refused with a 4xx before any streaming starts: the project, group
 * and rule, the draft's PromQL (as Prometheus words its error), the window, and that Prometheus
 * accepts the expression (one instant query at the window's end).
 */
export async function prepareBacktest(
  context: ServiceContext,
  projectId: string,
  groupName: string,
  body: BacktestBody,
  signal: AbortSignal,
  nowMs: number = Date.now(),
): Promise<PreparedBacktest> {
  const { project } = await getProject(context, projectId);
  const group = findGroup(project, groupName);
  const savedRule = body.rule === undefined ? undefined : findAlertingRule(group, body.rule);
  const saved = savedRule ? savedRuleSpec(savedRule, group) : undefined;
  const draft = body.draft ? draftSpec(body.draft, saved?.alert ?? "Draft", group) : undefined;
  if (draft) {
    const problem = checkPromql(draft.expr);
    if (problem)
      throw unprocessable("draft.expr", `${problem.message} (at character ${problem.position + 1})`);
  }
  const bounds = windowBounds(body, nowMs);
  if ("error" in bounds) throw unprocessable(bounds.path, bounds.error);
  const timing = groupTiming(project, group);
  if (!(timing.intervalMs > 0)) throw unprocessable("interval", `the group's interval must be positive`);
  const target = resolvePreviewTarget(project, body.datasource, env());
  const query = rangeQueryAt(target);
  // Prometheus's own refusal of an expression (bad_data, execution) is a 422 before the stream.
  await atTarget(target, async () => {
    for (const rule of [saved, draft]) {
      if (!rule) continue;
      await prometheus.query(
        target.baseUrl,
        { query: rule.expr, time: String(bounds.endMs / 1000) },
        { method: "POST", signal },
      );
    }
  });
  const evaluationOffsetMs =
    body.alignment === "bundle"
      ? // The compose bundle mounts ./prometheus at /etc/prometheus; its config loads rules/*.yml there.
        prometheusOffsetMs(group.name, `/etc/${ruleFilePath(group.name, project)}`, timing.intervalMs)
      : 0;
  return {
    target,
    run: async (runSignal, onProgress) => {
      const result = await atTarget(target, () =>
        runBacktest(
          {
            saved,
            draft,
            group: { ...timing, evaluationOffsetMs },
            startMs: bounds.startMs,
            endMs: bounds.endMs,
            signal: runSignal,
            onProgress: (progress) => onProgress({ type: "progress", ...progress }),
          },
          query,
        ),
      );
      return {
        ...result,
        rules: { saved: saved?.expr, draft: draft?.expr },
        alignment: body.alignment,
      };
    },
  };
}

/** The NDJSON answer: progress lines, then the result (or the error that stopped it). */
export function backtestStream(
  prepared: PreparedBacktest,
  requestSignal: AbortSignal,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const controller = new AbortController();
  const abort = (): void => controller.abort(requestSignal.reason);
  requestSignal.addEventListener("abort", abort, { once: true });
  return new ReadableStream<Uint8Array>({
    async start(stream) {
      const send = (event: BacktestEvent): void => {
        if (!controller.signal.aborted) stream.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      };
      try {
        const result = await prepared.run(controller.signal, send);
        send({ type: "result", result });
      } catch (error) {
        if (!controller.signal.aborted) {
          const status = error instanceof PreviewError ? error.status : 500;
          const message =
            error instanceof PreviewError || error instanceof HttpError ? error.message : "internal error";
          if (status === 500) console.error(error);
          send({ type: "error", error: message, status });
        }
      } finally {
        requestSignal.removeEventListener("abort", abort);
        try {
          stream.close();
        } catch {
          // already closed by a cancel
        }
      }
    },
    cancel() {
      controller.abort();
    },
  });
}
