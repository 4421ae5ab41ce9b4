"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useId, useState } from "react";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import { listDeliveries, previewNotifications, sendTestNotification } from "@/lib/api/notifications-client";
import { queryKeys } from "@/lib/api/query-keys";
import { DeliveryLog } from "./delivery-log";
import { RenderedMessageView } from "./rendered-message";
import "./notifications.css";

export interface ReceiverNotificationsProps {
  projectId: string;
  receiverName: string;
}

/**
 * A receiver's messages as Alertmanager will send them, for a sample alert of the project's rules
 * (firing or resolved), a "Send test notification" button and the delivery log. Viewing writes
 * nothing: the preview is a POST that only renders.
 */
export function ReceiverNotifications({ projectId, receiverName }: ReceiverNotificationsProps): ReactNode {
  const queryClient = useQueryClient();
  const [sample, setSample] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<"firing" | "resolved">("firing");
  const sampleId = useId();
  const selection = { ...(sample ? { sample } : {}), status };
  const preview = useQuery({
    queryKey: queryKeys.notificationPreview(projectId, receiverName, selection),
    queryFn: ({ signal }) => previewNotifications(projectId, receiverName, selection, signal),
  });
  const deliveries = useQuery({
    queryKey: queryKeys.deliveries(projectId, receiverName),
    queryFn: ({ signal }) => listDeliveries(projectId, receiverName, signal),
  });
  const send = useMutation({
    mutationFn: () => sendTestNotification(projectId, receiverName, selection),
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: queryKeys.deliveries(projectId, receiverName) }),
  });

  return (
    <section className="receiver-notifications" aria-label={`Notifications of ${receiverName}`}>
      <h3>Messages</h3>
      <p className="muted small">
        As the saved configuration sends them, for a sample alert of the project's rules.
      </p>
      <div className="notification-controls">
        <label htmlFor={sampleId}>Sample alert</label>
        <select
          id={sampleId}
          value={preview.data?.sample ?? sample ?? ""}
          onChange={(e) => setSample(e.target.value)}
        >
          {(preview.data?.samples ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {s.id}
            </option>
          ))}
        </select>
        <fieldset className="status-switch">
          <legend>Status</legend>
          {(["firing", "resolved"] as const).map((value) => (
            <label key={value}>
              <input
                type="radio"
                name={`${sampleId}-status`}
                value={value}
                checked={status === value}
                onChange={() => setStatus(value)}
              />
              {value === "firing" ? "Firing" : "Resolved"}
            </label>
          ))}
        </fieldset>
        <button
          type="button"
          onClick={() => send.mutate()}
          disabled={send.isPending || preview.data?.saved === false}
        >
          {send.isPending ? "Sending…" : "Send test notification"}
        </button>
      </div>
      <ApiErrorNotice error={send.error} title="Could not send the test notification" />
      {send.data ? (
        <p className="muted" role="status" data-testid="test-send-result">
          {send.data.deliveries.filter((d) => d.outcome === "delivered").length} of{" "}
          {new Set(send.data.deliveries.map((d) => d.integration)).size} integration(s) delivered.
        </p>
      ) : null}
      <ApiErrorNotice error={preview.error} title="Could not render the messages" />
      {preview.data?.saved === false ? (
        <p className="muted" data-testid="receiver-not-saved">
          Save the receiver to see its messages and send a test notification.
        </p>
      ) : null}
      {preview.data?.saved ? (
        <div className="rendered-messages">
          {preview.data.messages.length === 0 ? (
            <p className="muted">This receiver has no integration to render.</p>
          ) : null}
          {preview.data.messages.map((message) => (
            <article
              key={message.index}
              className="rendered-message"
              data-testid="rendered-message"
              data-kind={message.kind}
            >
              <h4>{message.label}</h4>
              <RenderedMessageView message={message} />
            </article>
          ))}
          {preview.data.verbatim.length > 0 ? (
            <p className="muted">Kept as imported, not rendered here: {preview.data.verbatim.join(", ")}.</p>
          ) : null}
        </div>
      ) : null}
      <ApiErrorNotice error={deliveries.error} title="Could not load the delivery log" />
      {deliveries.data ? <DeliveryLog deliveries={deliveries.data.deliveries} /> : null}
    </section>
  );
}
