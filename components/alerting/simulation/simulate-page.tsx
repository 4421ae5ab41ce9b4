"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, type ReactNode, useId, useMemo, useState } from "react";
import { runBacktest } from "@/components/alerts/backtest/backtest-client";
import { ProjectSubpageHeader } from "@/components/projects/project-subpage-header";
import { useProject } from "@/components/projects/use-projects";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import { PageLoading } from "@/components/ui/page-loading";
import { BACKTEST_WINDOWS } from "@/lib/alerting/backtest/api-schemas";
import { parseLabelSet } from "@/lib/alerting/routing/label-sets";
import { formatMatcherText } from "@/lib/alerting/routing/parse-matchers";
import { simulateAlertPath } from "@/lib/alerting/simulation/engine";
import { explainAlert } from "@/lib/alerting/simulation/explain";
import { alertsFromTimelines, typedAlert } from "@/lib/alerting/simulation/from-backtest";
import { labelsKeyOf } from "@/lib/alerting/simulation/labels-key";
import type { SimulatedAlert } from "@/lib/alerting/simulation/types";
import type { Labels, Project } from "@/lib/model";
import { NotificationTimeline } from "./notification-timeline";
import { PathView } from "./path-view";
import { SilencesEditor } from "./silences-editor";
import { checkSilence, newSilenceDraft, type SilenceDraft } from "./simulated-silences";
import { simulationSubject } from "./simulation-subject";
import "./simulation.css";

export interface SimulatePageProps {
  projectId: string;
}

type BacktestWindow = (typeof BACKTEST_WINDOWS)[number];

interface RuleChoice {
  key: string;
  group: string;
  alert: string;
}

function ruleChoices(project: Project): RuleChoice[] {
  return project.ruleGroups.flatMap((group) =>
    group.rules.flatMap((rule) =>
      rule.kind === "alert"
        ? [{ key: `${group.name}\u0000${rule.alert}`, group: group.name, alert: rule.alert }]
        : [],
    ),
  );
}

const WINDOW_WORDS: Record<BacktestWindow, string> = {
  "1h": "In the last hour",
  "6h": "In the last 6 hours",
  "24h": "In the last day",
  "7d": "Last week",
};

const labelText = (labels: Labels): string =>
  Object.entries(labels)
    .map(([name, value]) => `${name}="${value}"`)
    .join(", ");

/** Pick a rule's backtested firings (or type labels) and see the whole alert path and its messages. */
export function SimulatePage({ projectId }: SimulatePageProps): ReactNode {
  const project = useProject(projectId);
  const ids = { rule: useId(), window: useId(), labels: useId(), alert: useId() };
  const [ruleKey, setRuleKey] = useState("");
  const [window, setWindow] = useState<BacktestWindow>("7d");
  const [typed, setTyped] = useState("");
  const [selected, setSelected] = useState("");
  const [progress, setProgress] = useState<string | null>(null);
  const [silenceDrafts, setSilenceDrafts] = useState<SilenceDraft[]>([]);
  // Without a backtest the window is the week before the page opened (not moving with each render).
  const [openedAt] = useState(() => Date.now());
  const choices = useMemo(() => (project.data ? ruleChoices(project.data.project) : []), [project.data]);
  const rule = choices.find((choice) => choice.key === ruleKey) ?? choices[0];

  const backtest = useMutation({
    mutationFn: async (input: { rule: RuleChoice; window: BacktestWindow }) => {
      setProgress("Backtesting…");
      const result = await runBacktest(
        projectId,
        input.rule.group,
        { rule: input.rule.alert, window: input.window, alignment: "interval" },
        (event) => setProgress(`Backtesting… ${event.done}/${event.total}`),
      );
      setProgress(null);
      return { result, rule: input.rule, window: input.window };
    },
    onError: () => setProgress(null),
  });

  const typedInput = useMemo((): { labels?: Labels; error?: string } => {
    if (typed.trim() === "") return {};
    try {
      return { labels: parseLabelSet(typed) };
    } catch (error) {
      return { error: (error as Error).message };
    }
  }, [typed]);
  const typedError = typedInput.error;

  const simWindow = useMemo(() => {
    const endMs = backtest.data?.result.endMs ?? openedAt;
    return { endMs, startMs: backtest.data?.result.startMs ?? endMs - 7 * 86_400_000 };
  }, [backtest.data, openedAt]);
  const silenceChecks = useMemo(
    () => silenceDrafts.map((draft) => checkSilence(draft, simWindow)),
    [silenceDrafts, simWindow],
  );
  /** The silences without a problem, with the number the user sees. */
  const applied = useMemo(
    () =>
      silenceChecks.flatMap((check, index) =>
        check.ok
          ? [{ silence: check.silence, number: index + 1, text: silenceDrafts[index]?.matchers ?? "" }]
          : [],
      ),
    [silenceChecks, silenceDrafts],
  );

  const simulation = useMemo(() => {
    if (!project.data) return undefined;
    // Labels that do not parse give no answer: an answer without them would read as theirs.
    if (typedInput.error) return undefined;
    const data = backtest.data;
    const { startMs, endMs } = simWindow;
    const alerts: SimulatedAlert[] = data?.result.saved
      ? alertsFromTimelines(data.result.saved.timelines, data.rule.alert)
      : [];
    if (typedInput.labels) alerts.push(typedAlert(typedInput.labels, startMs));
    if (alerts.length === 0) return undefined;
    const silences = applied.map((a) => a.silence);
    return {
      alerts,
      result: simulateAlertPath({ project: project.data.project, alerts, silences, startMs, endMs }),
    };
  }, [project.data, backtest.data, typedInput, simWindow, applied]);

  if (project.error) return <ApiErrorNotice error={project.error} title="Could not load the project" />;
  if (!project.data) return <PageLoading label="Loading the project…" />;
  const record = project.data;

  function run(event: FormEvent): void {
    event.preventDefault();
    if (rule) backtest.mutate({ rule, window });
  }

  const chosen =
    simulation?.alerts.find((alert) => labelsKeyOf(alert.labels) === selected) ?? simulation?.alerts[0];
  const path =
    simulation && chosen ? explainAlert(record.project.route, simulation.result, chosen.labels) : undefined;
  const inhibitRuleText = (index: number): string => {
    const inhibit = record.project.inhibitRules[index];
    if (!inhibit) return "";
    return `${inhibit.sourceMatchers.map(formatMatcherText).join(", ")} mutes ${inhibit.targetMatchers.map(formatMatcherText).join(", ")}${inhibit.equal.length > 0 ? ` with equal ${inhibit.equal.join(", ")}` : ""}`;
  };
  const silenceText = (index: number): string => {
    const silence = applied[index];
    return silence ? `silence ${silence.number} (${silence.text.trim()})` : "";
  };
  const subject = simulationSubject(backtest.data?.rule.alert, typedInput.labels !== undefined);
  const when = backtest.data ? WINDOW_WORDS[backtest.data.window] : "Over the window";

  return (
    <>
      <ProjectSubpageHeader record={record} title="Simulate the alert path" />
      <p className="field-hint">
        Routing, inhibition, grouping and notification timing as Alertmanager runs them, replayed over a
        rule&apos;s backtested firings. <Link href={`/projects/${projectId}/alerting/live`}>Live alerts</Link>
      </p>
      <form className="card simulation-form" onSubmit={run}>
        <div className="field-row">
          <div className="field">
            <label className="field-label" htmlFor={ids.rule}>
              Rule
            </label>
            <select
              id={ids.rule}
              value={rule?.key ?? ""}
              onChange={(event) => setRuleKey(event.target.value)}
            >
              {choices.map((choice) => (
                <option key={choice.key} value={choice.key}>
                  {choice.group} / {choice.alert}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field-label" htmlFor={ids.window}>
              Window
            </label>
            <select
              id={ids.window}
              value={window}
              onChange={(event) => setWindow(event.target.value as BacktestWindow)}
            >
              {BACKTEST_WINDOWS.map((value) => (
                <option key={value} value={value}>
                  last {value}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button-primary" disabled={!rule || backtest.isPending}>
            {backtest.isPending ? "Backtesting…" : "Backtest and simulate"}
          </button>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={ids.labels}>
            Or labels of an alert firing the whole window
          </label>
          <input
            id={ids.labels}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            placeholder="alertname=ApiDown, severity=critical, service=api"
            aria-invalid={typedError ? true : undefined}
          />
          {typedError ? (
            <p className="field-issues" role="alert" data-testid="typed-labels-error">
              {typedError}
            </p>
          ) : null}
        </div>
        <SilencesEditor
          silences={silenceDrafts}
          checks={silenceChecks}
          onChange={setSilenceDrafts}
          onAdd={() =>
            setSilenceDrafts((list) => [
              ...list,
              newSilenceDraft(Math.max(0, ...list.map((s) => s.id)) + 1, simWindow),
            ])
          }
        />
        {choices.length === 0 ? (
          <p className="empty">The project has no alerting rules to backtest.</p>
        ) : null}
        {progress ? <p aria-live="polite">{progress}</p> : null}
      </form>
      {backtest.error ? <ApiErrorNotice error={backtest.error} title="The backtest failed" /> : null}
      {typedError ? (
        <p className="notice" data-testid="simulation-no-answer">
          No answer while the typed labels do not parse: fix them or clear the field.
        </p>
      ) : null}
      {backtest.data && !simulation && !typedError ? (
        <p className="notice" data-testid="simulation-sentence">
          {WINDOW_WORDS[backtest.data.window]} {backtest.data.rule.alert} never fired: it would have sent no
          notifications.
        </p>
      ) : null}

      {simulation ? (
        <>
          <section className="card" aria-labelledby="simulation-answer">
            <h2 id="simulation-answer">Answer</h2>
            <p className="simulation-sentence" data-testid="simulation-sentence">
              {when} {subject} {simulation.result.sentence}.
            </p>
            <ul>
              {simulation.result.counts.map(({ integration, messages, firingMessages }) => (
                <li key={`${integration.receiver}-${integration.index}`} data-testid="simulation-count">
                  {integration.receiver}: {integration.type} {integration.target} — {messages} message
                  {messages === 1 ? "" : "s"} ({firingMessages} with firing alerts)
                </li>
              ))}
            </ul>
          </section>
          <section className="card" aria-labelledby="simulation-path-title">
            <h2 id="simulation-path-title">The path of one alert</h2>
            <div className="field">
              <label className="field-label" htmlFor={ids.alert}>
                Alert
              </label>
              <select
                id={ids.alert}
                value={chosen ? labelsKeyOf(chosen.labels) : ""}
                onChange={(event) => setSelected(event.target.value)}
              >
                {simulation.alerts.map((alert) => (
                  <option key={labelsKeyOf(alert.labels)} value={labelsKeyOf(alert.labels)}>
                    {labelText(alert.labels)} ({alert.firing.length} firing
                    {alert.firing.length === 1 ? "" : "s"})
                  </option>
                ))}
              </select>
            </div>
            {path ? (
              <>
                <PathView
                  path={path}
                  inhibitRuleText={inhibitRuleText}
                  silenceText={silenceText}
                  hasSilences={applied.length > 0}
                />
                <NotificationTimeline notifications={path.notifications} limit={50} />
              </>
            ) : null}
          </section>
          <section className="card" aria-labelledby="simulation-timeline-title">
            <h2 id="simulation-timeline-title">
              Every notification ({simulation.result.notifications.length})
            </h2>
            <NotificationTimeline notifications={simulation.result.notifications} />
          </section>
        </>
      ) : null}
    </>
  );
}
