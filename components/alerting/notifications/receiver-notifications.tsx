"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useId, useState } from "react";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import {
  listDeliveries,
  type PreviewResponse,
  previewNotifications,
  sendTestNotification,
} from "@/lib/api/notifications-client";
import { queryKeys } from "@/lib/api/query-keys";
import { DeliveryLog } from "./delivery-log";
import { RenderedMessageView } from "./rendered-message";
import { usePreviewDraft } from "./use-preview-draft";
import "./notifications.css";

export interface ReceiverNotificationsProps {
  projectId: string;
  receiverName: string;
}

/**
 * A receiver's messages as Alertmanager will send them, for a sample alert of the project's rules
 * (firing or resolved), a "Send test notification" button and the delivery log. Both use the
 * configuration as edited here, unsaved edits included: what a user checks before saving is the
 * edit they just made. Viewing writes nothing: the preview is a POST that only renders.
 */
export function ReceiverNotifications({ projectId, receiverName }: ReceiverNotificationsProps): ReactNode {
  const queryClient = useQueryClient();
  const [sample, setSample] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<"firing" | "resolved">("firing");
  const sampleId = useId();
  const { draft, key: draftKey, behind } = usePreviewDraft();
  const selection = { ...(sample ? { sample } : {}), status };
  const body = { ...selection, ...(draft ? { draft } : {}) };
  const preview = useQuery({
    queryKey: queryKeys.notificationPreview(projectId, receiverName, { ...selection, draft: draftKey }),
    queryFn: ({ signal }) => previewNotifications(projectId, receiverName, body, signal),
    // While an edit is rendered, the previous messages stay instead of a blank panel.
    placeholderData: keepPreviousData,
  });
  const deliveries = useQuery({
    queryKey: queryKeys.deliveries(projectId, receiverName),
    queryFn: ({ signal }) => listDeliveries(projectId, receiverName, signal),
  });
  const send = useMutation({
    mutationFn: () => sendTestNotification(projectId, receiverName, body),
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: queryKeys.deliveries(projectId, receiverName) }),
  });

  return (
    <section className="receiver-notifications" aria-label={`Notifications of ${receiverName}`}>
      <h3>Messages</h3>
      <p className="muted small" data-testid="preview-source">
        {draft
          ? "With your unsaved edits, for a sample alert of the project's rules. The test notification sends these messages too."
          : "As the saved configuration sends them, for a sample alert of the project's rules."}
      </p>
      {behind ? (
        <p className="muted small" role="status">
          An edit is not complete yet: the messages show the last complete version.
        </p>
      ) : null}
      {preview.data?.route ? <SampleRouteNote route={preview.data.route} /> : null}
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
          disabled={send.isPending || preview.data?.source === "none"}
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
      {preview.data?.source === "none" ? (
        <p className="muted" data-testid="receiver-not-saved">
          No receiver of this name in the configuration: nothing to render.
        </p>
      ) : null}
      {preview.data && preview.data.source !== "none" ? (
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

/** Which route's group the sample joins, with Alertmanager's group key, as a webhook would show it. */
function SampleRouteNote({ route }: { route: NonNullable<PreviewResponse["route"]> }): ReactNode {
  return (
    <p className="muted small" data-testid="sample-route">
      {route.routed
        ? "Grouped on "
        : "This sample alert is not routed to this receiver; shown as grouped on "}
      <code>{route.modelPath}</code>, group key <code data-testid="sample-group-key">{route.groupKey}</code>.
    </p>
  );
}
