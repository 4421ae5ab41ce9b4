import type { ReactNode } from "react";
import type { AlertPathExplanation } from "@/lib/alerting/simulation/explain";
import type { Labels } from "@/lib/model";

export interface PathViewProps {
  path: AlertPathExplanation;
  inhibitRuleText: (index: number) => string;
  /** `silence 2 (severity="warning")`, by the silence's index among the applied ones. */
  silenceText: (index: number) => string;
  /** Whether any silence is applied (else the step says none was added). */
  hasSilences: boolean;
}

const labelText = (labels: Labels): string =>
  Object.entries(labels)
    .map(([name, value]) => `${name}="${value}"`)
    .join(", ") || "(none)";

const time = (ms: number): string => new Date(ms).toLocaleString();

/** One alert's path, in Alertmanager's order: routes, inhibition, silences, groups, messages. */
export function PathView({ path, inhibitRuleText, silenceText, hasSilences }: PathViewProps): ReactNode {
  return (
    <ol className="simulation-path" data-testid="simulation-path">
      <li>
        <h3>Route</h3>
        <ul>
          {path.routing.matches.map((match) => (
            <li key={match.modelPath} data-testid="simulation-route">
              <code>{match.modelPath}</code> → <strong>{match.receiver}</strong>, grouped by{" "}
              {match.options.groupByAll
                ? "all labels"
                : match.options.groupBy.length > 0
                  ? match.options.groupBy.join(", ")
                  : "nothing (one group)"}
              ; group_wait {match.options.groupWait}, group_interval {match.options.groupInterval},
              repeat_interval {match.options.repeatInterval}
            </li>
          ))}
        </ul>
      </li>
      <li>
        <h3>Inhibition</h3>
        {path.inhibitions.length === 0 ? (
          <p className="empty">Never inhibited in the window.</p>
        ) : (
          <ul>
            {path.inhibitions.map((inhibition) => (
              <li key={`${inhibition.atMs}-${inhibition.rule}`} data-testid="simulation-inhibition">
                {time(inhibition.atMs)}: muted by inhibit rule {inhibition.rule + 1} (
                {inhibitRuleText(inhibition.rule)}) while{" "}
                <code>{inhibition.sources.map(labelText).join("; ")}</code> fired
              </li>
            ))}
          </ul>
        )}
      </li>
      <li>
        <h3>Silences</h3>
        {path.silencings.length === 0 ? (
          <p className="empty">{hasSilences ? "Never silenced in the window." : "No silence added."}</p>
        ) : (
          <ul>
            {path.silencings.map((silencing) => (
              <li key={`${silencing.atMs}-${silencing.silence}`} data-testid="simulation-silencing">
                {time(silencing.atMs)}: left out of its messages by {silenceText(silencing.silence)}
              </li>
            ))}
          </ul>
        )}
      </li>
      <li>
        <h3>Groups</h3>
        <ul>
          {path.groups.map((group) => (
            <li key={group.key} data-testid="simulation-group">
              <strong>{group.receiver}</strong> <code>{labelText(group.groupLabels)}</code>:{" "}
              {group.alerts.length} alert{group.alerts.length === 1 ? "" : "s"} in the window,{" "}
              {group.flushes.length} flushes
            </li>
          ))}
        </ul>
      </li>
      <li>
        <h3>Notifications with this alert ({path.notifications.length})</h3>
        {path.notifications.length === 0 ? <p className="empty">None.</p> : null}
      </li>
    </ol>
  );
}
