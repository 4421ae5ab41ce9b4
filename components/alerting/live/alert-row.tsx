"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import type { LiveAlert } from "@/lib/alerting/live/schemas";
import { unacknowledgeLiveAlert } from "@/lib/api/live-client";
import { queryKeys } from "@/lib/api/query-keys";
import { AcknowledgeForm } from "./acknowledge-form";

export interface AlertRowProps {
  projectId: string;
  alert: LiveAlert;
}

function labelText(labels: Readonly<Record<string, string>>): string {
  return Object.entries(labels)
    .filter(([name]) => name !== "alertname")
    .map(([name, value]) => `${name}="${value}"`)
    .join(", ");
}

/** One live alert: name, labels, state, receivers, what mutes it; Acknowledge or Un-acknowledge. */
export function AlertRow({ projectId, alert }: AlertRowProps): ReactNode {
  const queryClient = useQueryClient();
  const [acknowledging, setAcknowledging] = useState(false);
  const unack = useMutation({
    mutationFn: () => unacknowledgeLiveAlert(projectId, alert.fingerprint),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.live(projectId) }),
  });
  const name = alert.labels.alertname ?? "(no alertname)";
  const silenced = alert.status.silencedBy.length > 0;
  return (
    <li
      className="live-alert card"
      data-testid="live-alert"
      data-state={alert.status.state}
      data-fingerprint={alert.fingerprint}
    >
      <div className="live-alert-head">
        <strong>{name}</strong>
        <span className={`badge live-state-${alert.status.state}`} data-testid="live-alert-state">
          {silenced ? "silenced" : alert.status.inhibitedBy.length > 0 ? "inhibited" : alert.status.state}
        </span>
        <code className="live-alert-labels">{labelText(alert.labels)}</code>
      </div>
      <p className="field-hint">
        to {alert.receivers.map((receiver) => receiver.name).join(", ") || "no receiver"} · since{" "}
        {new Date(alert.startsAt).toLocaleString()}
        {silenced ? ` · silenced by ${alert.status.silencedBy.join(", ")}` : ""}
        {alert.status.inhibitedBy.length > 0 ? ` · inhibited by ${alert.status.inhibitedBy.join(", ")}` : ""}
      </p>
      {alert.annotations.summary ? <p>{alert.annotations.summary}</p> : null}
      {acknowledging ? (
        <AcknowledgeForm projectId={projectId} alert={alert} onDone={() => setAcknowledging(false)} />
      ) : (
        <div className="live-alert-actions">
          {silenced ? (
            <button
              type="button"
              className="button button-small"
              onClick={() => unack.mutate()}
              disabled={unack.isPending}
              aria-label={`Un-acknowledge ${name}`}
            >
              {unack.isPending ? "Un-acknowledging…" : "Un-acknowledge"}
            </button>
          ) : (
            <button
              type="button"
              className="button button-small"
              onClick={() => setAcknowledging(true)}
              aria-label={`Acknowledge ${name}`}
            >
              Acknowledge
            </button>
          )}
        </div>
      )}
      {unack.error ? <ApiErrorNotice error={unack.error} title="Could not un-acknowledge" /> : null}
    </li>
  );
}
