"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useMemo, useState } from "react";
import {
  BACKTEST_WINDOWS,
  type BacktestBody,
  type BacktestEvent,
  type DraftRule,
} from "@/lib/alerting/backtest/api-schemas";
import { splitThreshold, withThreshold } from "@/lib/alerting/backtest/threshold";
import { queryKeys } from "@/lib/api/query-keys";
import type { AlertTestCase } from "@/lib/model";
import { BacktestChart } from "./backtest-chart";
import { generateTestCase, runBacktest } from "./backtest-client";
import { StateTimeline } from "./state-timeline";

export type BacktestWindow = (typeof BACKTEST_WINDOWS)[number];

export interface BacktestPanelProps {
  projectId: string;
  groupName: string;
  /** The saved rule: its index in the group or its alert name; leave out for a rule not saved yet. */
  rule?: number | string;
  /** The rule as edited in the form; backtested beside the saved one. */
  draft?: Partial<DraftRule> & { expr: string };
  /** Called with the test cases generated from a window, to add them to the rule's tests. */
  onTestCases?: (cases: AlertTestCase[]) => void;
}

const DAY_MS = 86_400_000;

/**
 * "Would this have woken me last week, and how often?": the rule backtested over 1 h to 7 d as
 * Prometheus's rule engine would have evaluated it, the saved rule and the edited one (or an edited
 * threshold) side by side: the chart with the thresholds, the summary, per-alert state timelines;
 * progress and cancel; and the window turned into a promtool test.
 */
export function BacktestPanel({
  projectId,
  groupName,
  rule,
  draft,
  onTestCases,
}: BacktestPanelProps): ReactNode {
  const queryClient = useQueryClient();
  const [span, setSpan] = useState<BacktestWindow>("24h");
  const [threshold, setThreshold] = useState<string>("");
  const [request, setRequest] = useState<BacktestBody | null>(null);
  const [progress, setProgress] = useState<Extract<BacktestEvent, { type: "progress" }> | null>(null);

  const key = queryKeys.backtest(projectId, groupName, (request ?? {}) as Record<string, unknown>);
  const backtest = useQuery({
    queryKey: key,
    enabled: request !== null,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
    queryFn: ({ signal }) => runBacktest(projectId, groupName, request as BacktestBody, setProgress, signal),
  });
  const run = backtest.data;

  // The threshold edit: the number of `<query> <op> <number>` in the draft, else the saved expression.
  const baseExpr = draft?.expr ?? run?.rules.saved;
  const split = useMemo(() => (baseExpr ? splitThreshold(baseExpr) : undefined), [baseExpr]);
  const editedThreshold = threshold.trim() === "" ? undefined : Number(threshold);
  const thresholdValid = editedThreshold === undefined || Number.isFinite(editedThreshold);

  function start(): void {
    let edited: BacktestBody["draft"];
    if (draft || (split && editedThreshold !== undefined)) {
      const expr =
        split && baseExpr && editedThreshold !== undefined && thresholdValid
          ? withThreshold(baseExpr, split, editedThreshold)
          : (draft?.expr ?? (baseExpr as string));
      edited = { labels: {}, annotations: {}, ...draft, expr };
    }
    setProgress(null);
    setRequest({ rule, draft: edited, window: span, alignment: "interval" });
  }

  function cancel(): void {
    void queryClient.cancelQueries({ queryKey: key });
    setRequest(null);
  }

  const testCase = useMutation({
    mutationFn: () => {
      if (!run) throw new Error("run a backtest first");
      // A test holds at most a day of input: the last day of the window.
      const endMs = run.endMs;
      const startMs = Math.max(run.startMs, endMs - DAY_MS);
      // The cases join this rule's tests: they follow the rule as in the form, not an edited threshold.
      return generateTestCase(projectId, groupName, {
        rule,
        draft: draft ? { labels: {}, annotations: {}, ...draft } : undefined,
        start: Math.floor(startMs / 1000),
        end: Math.floor(endMs / 1000),
      });
    },
  });

  const running = backtest.isFetching;
  return (
    <section className="backtest-panel" data-testid="backtest-panel" aria-busy={running}>
      <header style={{ display: "flex", gap: 8, alignItems: "center", flexWrap: "wrap" }}>
        <fieldset style={{ display: "flex", gap: 4, border: 0, padding: 0 }}>
          <legend className="visually-hidden">Window</legend>
          {BACKTEST_WINDOWS.map((option) => (
            <button
              key={option}
              type="button"
              className={option === span ? "button button-primary" : "button"}
              aria-pressed={option === span}
              onClick={() => setSpan(option)}
            >
              {option}
            </button>
          ))}
        </fieldset>
        {split ? (
          <label>
            Threshold {split.operator}{" "}
            <input
              type="number"
              step="any"
              aria-label="Edited threshold"
              placeholder={String(split.threshold)}
              value={threshold}
              aria-invalid={!thresholdValid}
              onChange={(event) => setThreshold(event.target.value)}
              style={{ width: "8rem" }}
            />
          </label>
        ) : null}
        {running ? (
          <button type="button" className="button" onClick={cancel}>
            Cancel
          </button>
        ) : (
          <button type="button" className="button button-primary" onClick={start} disabled={!thresholdValid}>
            Backtest
          </button>
        )}
        {running && progress ? (
          <progress max={progress.total} value={progress.done} aria-label="Backtest progress">
            {Math.round((progress.done / progress.total) * 100)}%
          </progress>
        ) : null}
      </header>

      {backtest.error ? (
        <p role="alert" className="backtest-error">
          {backtest.error.message}
        </p>
      ) : null}

      {run ? (
        <>
          <BacktestChart run={run} />
          <div
            className="backtest-summaries"
            style={{
              display: "grid",
              gridTemplateColumns: run.draft && run.saved ? "1fr 1fr" : "1fr",
              gap: 16,
            }}
          >
            {run.saved ? (
              <div>
                <p data-testid="backtest-summary-saved">
                  <strong>Saved:</strong> {run.saved.summary.text}
                </p>
                <StateTimeline result={run.saved} title="Saved" />
              </div>
            ) : null}
            {run.draft ? (
              <div>
                <p data-testid="backtest-summary-edited">
                  <strong>Edited:</strong> {run.draft.summary.text}
                </p>
                <StateTimeline result={run.draft} title="Edited" />
              </div>
            ) : null}
          </div>
          <p className="backtest-note">
            Evaluated every {run.intervalMs / 1000}s at multiples of the group's interval (as promtool does; a
            real Prometheus adds a per-group offset), with {Math.round(run.warmupMs / 1000)}s of warm-up
            before the window.
          </p>
          <div>
            <button
              type="button"
              className="button"
              onClick={() => testCase.mutate()}
              disabled={testCase.isPending}
            >
              Generate test case from this window
            </button>
            {testCase.error ? <p role="alert">{testCase.error.message}</p> : null}
            {testCase.data ? (
              <div data-testid="backtest-test-case">
                <p>
                  {testCase.data.promtool === null
                    ? "promtool is not on the server: the test was not run."
                    : testCase.data.promtool.ok
                      ? "promtool test rules passes this test."
                      : "promtool test rules fails this test:"}
                </p>
                {testCase.data.promtool && !testCase.data.promtool.ok ? (
                  <pre>{testCase.data.promtool.output}</pre>
                ) : null}
                {testCase.data.notes.map((note) => (
                  <p key={note}>{note}</p>
                ))}
                {onTestCases && testCase.data.cases.length > 0 ? (
                  <button
                    type="button"
                    className="button button-primary"
                    onClick={() => onTestCases(testCase.data.cases)}
                  >
                    Add {testCase.data.cases.length} test case{testCase.data.cases.length === 1 ? "" : "s"} to
                    the rule
                  </button>
                ) : null}
                <details>
                  <summary>promtool test file</summary>
                  <pre>{testCase.data.testFile}</pre>
                </details>
              </div>
            ) : null}
          </div>
        </>
      ) : null}
    </section>
  );
}
