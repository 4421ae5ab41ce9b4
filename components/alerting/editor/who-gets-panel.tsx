"use client";

import { type ReactNode, useState } from "react";
import { TabList } from "@/components/ui/tab-list";
import type { WhoGetsMode, WhoGetsResult } from "../model/who-gets-query";
import { labelSetText } from "../model/project-alerts";
import { useAlertingState } from "../store/store-provider";

const MODES: readonly { id: WhoGetsMode; label: string }[] = [
  { id: "typed", label: "A label set" },
  { id: "rules", label: "The project's alerts" },
  { id: "pasted", label: "A pasted list" },
];

function grouping(options: { groupByAll: boolean; groupBy: string[] }): string {
  if (options.groupByAll) return "grouped by all labels";
  return options.groupBy.length > 0 ? `grouped by ${options.groupBy.join(", ")}` : "one group for all";
}

export interface WhoGetsPanelProps {
  result: WhoGetsResult;
}

/**
 * "Who gets this alert?": a typed label set, every alert of the project's rules, or a pasted list
 * (one set a line), answered by the routing engine as Alertmanager (amtool config routes test)
 * answers it; the path is highlighted in the tree.
 */
export function WhoGetsPanel({ result }: WhoGetsPanelProps): ReactNode {
  const mode = useAlertingState((state) => state.whoGetsMode);
  const asked = useAlertingState((state) => state.whoGetsText);
  const setWhoGets = useAlertingState((state) => state.setWhoGets);
  const selectRoute = useAlertingState((state) => state.selectRoute);
  const [text, setText] = useState(asked);
  const ask = (): void => setWhoGets(mode, text);
  return (
    <section className="alerting-who-gets" data-testid="who-gets" aria-labelledby="who-gets-title">
      <h3 id="who-gets-title">Who gets this alert?</h3>
      <TabList
        label="Ask about"
        tabs={MODES}
        selected={mode}
        onSelect={(next) => setWhoGets(next, next === "rules" ? "" : text)}
        testIdPrefix="who-gets-mode-"
      />
      {mode === "rules" ? null : (
        <form
          className="alerting-who-gets-form"
          onSubmit={(event) => {
            event.preventDefault();
            ask();
          }}
        >
          <label className="field-label" htmlFor="who-gets-labels">
            {mode === "typed" ? "Labels" : "Label sets, one a line"}
          </label>
          {mode === "typed" ? (
            <input
              id="who-gets-labels"
              value={text}
              placeholder="severity=critical,service=api"
              onChange={(event) => setText(event.target.value)}
              data-testid="who-gets-labels"
            />
          ) : (
            <textarea
              id="who-gets-labels"
              rows={5}
              value={text}
              placeholder={"severity=critical,service=api\nseverity=warning"}
              onChange={(event) => setText(event.target.value)}
              data-testid="who-gets-labels"
            />
          )}
          <button type="submit" className="button button-primary" data-testid="who-gets-ask">
            Ask
          </button>
        </form>
      )}
      {!result.ok ? (
        <p className="notice notice-error" role="alert" data-testid="who-gets-error">
          The route tree cannot route yet: {result.message}
        </p>
      ) : (
        <>
          {result.problems.length > 0 ? (
            <ul className="field-issues" data-testid="who-gets-problems">
              {result.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          ) : null}
          {result.rows.length > 0 ? (
            <table className="alerting-who-gets-table" data-testid="who-gets-results">
              <thead>
                <tr>
                  <th>Alert</th>
                  <th>Receivers</th>
                  <th>Route path</th>
                </tr>
              </thead>
              <tbody>
                {result.rows.map((row, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: one row per asked set, in order
                  <tr key={index} data-testid="who-gets-row">
                    <td>
                      <div>{row.source}</div>
                      {mode === "typed" ? null : (
                        <code className="muted small">{labelSetText(row.answer.labels)}</code>
                      )}
                    </td>
                    <td data-testid="who-gets-receivers">
                      {row.answer.receivers.map((receiver, i) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: a receiver may repeat (continue)
                        <code key={i} className="badge">
                          {receiver}
                        </code>
                      ))}
                    </td>
                    <td>
                      <ul className="plain-list">
                        {row.answer.matches.map((match) => (
                          <li key={match.modelPath} data-testid="who-gets-path">
                            <button
                              type="button"
                              className="alerting-link-button"
                              onClick={() => selectRoute(match.path)}
                            >
                              {match.modelPath}
                            </button>{" "}
                            <span className="muted small">{grouping(match.options)}</span>
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </>
      )}
    </section>
  );
}
