"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { type ReactNode, useId, useState } from "react";
import { ProjectSubpageHeader } from "@/components/projects/project-subpage-header";
import { useProject } from "@/components/projects/use-projects";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import { PageLoading } from "@/components/ui/page-loading";
import { receiverNames } from "@/lib/alerting/live/filter";
import type { AlertFilter, AlertState } from "@/lib/alerting/live/schemas";
import { listLiveAlerts, listLiveGroups, listLiveSilences } from "@/lib/api/live-client";
import { queryKeys } from "@/lib/api/query-keys";
import { AlertRow } from "./alert-row";
import { SilencesList } from "./silences-list";
import "./live.css";

export interface LiveAlertsPageProps {
  projectId: string;
}

/** How often the page re-reads the Alertmanager: alerts change on Prometheus's resend (1m). */
const REFRESH_MS = 10_000;

const STATES: readonly (readonly [AlertState | "", string])[] = [
  ["", "Any state"],
  ["active", "Active"],
  ["suppressed", "Suppressed (silenced or inhibited)"],
  ["unprocessed", "Unprocessed"],
];

/** The project's live Alertmanager: alerts (filtered), their groups and the silences; acknowledge. */
export function LiveAlertsPage({ projectId }: LiveAlertsPageProps): ReactNode {
  const project = useProject(projectId);
  const [receiver, setReceiver] = useState("");
  const [state, setState] = useState<AlertState | "">("");
  const receiverId = useId();
  const stateId = useId();
  const filter: AlertFilter = { ...(receiver ? { receiver } : {}), ...(state ? { state } : {}) };
  const configured = project.data?.project.alertmanagerUrl !== undefined;
  const live = { enabled: configured, refetchInterval: REFRESH_MS } as const;
  const alerts = useQuery({
    queryKey: queryKeys.liveList(projectId, "alerts", filter),
    queryFn: () => listLiveAlerts(projectId, filter),
    ...live,
  });
  const groups = useQuery({
    queryKey: queryKeys.liveList(projectId, "groups", filter),
    queryFn: () => listLiveGroups(projectId, filter),
    ...live,
  });
  const allGroups = useQuery({
    queryKey: queryKeys.liveList(projectId, "groups", {}),
    queryFn: () => listLiveGroups(projectId, {}),
    ...live,
  });
  const silences = useQuery({
    queryKey: queryKeys.liveList(projectId, "silences", {}),
    queryFn: () => listLiveSilences(projectId),
    ...live,
  });

  if (project.error) return <ApiErrorNotice error={project.error} title="Could not load the project" />;
  if (!project.data) return <PageLoading label="Loading live alerts…" />;
  const record = project.data;
  const header = <ProjectSubpageHeader record={record} title="Live alerts" />;
  if (!configured) {
    return (
      <>
        {header}
        <p className="notice" data-testid="live-not-configured">
          This project names no Alertmanager. Set its URL in{" "}
          <Link href={`/projects/${projectId}/settings`}>Settings</Link> (Alertmanager URL) to see live alerts
          and silences here.
        </p>
      </>
    );
  }
  const receivers = [
    ...new Set([...record.project.receivers.map((r) => r.name), ...receiverNames(allGroups.data ?? [], [])]),
  ].sort();

  return (
    <>
      {header}
      <p className="field-hint">
        From <code>{record.project.alertmanagerUrl}</code>, refreshed every {REFRESH_MS / 1000} s.{" "}
        <Link href={`/projects/${projectId}/alerting/simulate`}>Simulate the alert path</Link>
      </p>
      <fieldset className="card live-filter">
        <legend>Filter</legend>
        <div className="field-row">
          <div className="field">
            <label className="field-label" htmlFor={receiverId}>
              Receiver
            </label>
            <select id={receiverId} value={receiver} onChange={(event) => setReceiver(event.target.value)}>
              <option value="">Any receiver</option>
              {receivers.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field-label" htmlFor={stateId}>
              State
            </label>
            <select
              id={stateId}
              value={state}
              onChange={(event) => setState(event.target.value as AlertState | "")}
            >
              {STATES.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
        </div>
      </fieldset>

      <section className="card" aria-labelledby="live-alerts-title">
        <h2 id="live-alerts-title">
          Alerts {alerts.data ? <span className="badge">{alerts.data.length}</span> : null}
        </h2>
        {alerts.error ? (
          <ApiErrorNotice error={alerts.error} title="Could not read the Alertmanager's alerts" />
        ) : null}
        {alerts.data === undefined && !alerts.error ? <PageLoading label="Reading alerts…" /> : null}
        {alerts.data?.length === 0 ? <p className="empty">No alerts match.</p> : null}
        <ul className="live-alerts" data-testid="live-alerts">
          {alerts.data?.map((alert) => (
            <AlertRow key={alert.fingerprint} projectId={projectId} alert={alert} />
          ))}
        </ul>
      </section>

      <section className="card" aria-labelledby="live-groups-title">
        <h2 id="live-groups-title">Alert groups</h2>
        {groups.error ? (
          <ApiErrorNotice error={groups.error} title="Could not read the alert groups" />
        ) : null}
        {groups.data?.length === 0 ? <p className="empty">No groups.</p> : null}
        <ul className="live-groups" data-testid="live-groups">
          {groups.data?.map((group) => (
            <li key={`${group.receiver.name} ${JSON.stringify(group.labels)}`} data-testid="live-group">
              <strong>{group.receiver.name}</strong>{" "}
              <code>
                {Object.entries(group.labels)
                  .map(([name, value]) => `${name}="${value}"`)
                  .join(", ") || "(one group)"}
              </code>{" "}
              · {group.alerts.length} alert{group.alerts.length === 1 ? "" : "s"}
            </li>
          ))}
        </ul>
      </section>

      <section className="card" aria-labelledby="live-silences-title">
        <h2 id="live-silences-title">Silences</h2>
        {silences.error ? (
          <ApiErrorNotice error={silences.error} title="Could not read the silences" />
        ) : null}
        {silences.data ? <SilencesList projectId={projectId} silences={silences.data} /> : null}
      </section>
    </>
  );
}
