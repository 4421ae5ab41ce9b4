"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useState } from "react";
import { issuesAt } from "@/components/form/field-issues";
import { TextField } from "@/components/form/text-field";
import { ApiRequestError } from "@/lib/api/client";
import { acknowledgeLiveAlert } from "@/lib/api/live-client";
import { queryKeys } from "@/lib/api/query-keys";
import type { LiveAlert } from "@/lib/alerting/live/schemas";

export interface AcknowledgeFormProps {
  projectId: string;
  alert: LiveAlert;
  onDone: () => void;
}

/** Acknowledge one live alert: a silence of its labels, by whom, why and for how long. */
export function AcknowledgeForm({ projectId, alert, onDone }: AcknowledgeFormProps): ReactNode {
  const queryClient = useQueryClient();
  const [author, setAuthor] = useState("");
  const [comment, setComment] = useState("");
  const [duration, setDuration] = useState("2h");
  const mutation = useMutation({
    mutationFn: () => acknowledgeLiveAlert(projectId, alert.fingerprint, { author, comment, duration }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.live(projectId) });
      onDone();
    },
  });
  const issues = mutation.error instanceof ApiRequestError ? mutation.error.body.issues : [];
  const unclaimed = mutation.error && issues.length === 0 ? mutation.error.message : undefined;

  function submit(event: FormEvent): void {
    event.preventDefault();
    mutation.mutate();
  }

  return (
    <form
      className="live-ack-form"
      onSubmit={submit}
      aria-label={`Acknowledge ${alert.labels.alertname ?? alert.fingerprint}`}
    >
      <TextField
        label="Author"
        value={author}
        onChange={setAuthor}
        issues={issuesAt(issues, "author")}
        placeholder="you@example.com"
      />
      <TextField
        label="Comment"
        value={comment}
        onChange={setComment}
        issues={issuesAt(issues, "comment")}
        placeholder="Looking into it"
        className="wide"
      />
      <TextField
        label="Duration"
        value={duration}
        onChange={setDuration}
        issues={issuesAt(issues, "duration")}
        hint="How long the silence lasts, e.g. 30m, 2h, 1d."
      />
      {unclaimed ? (
        <p className="field-issues" role="alert">
          {unclaimed}
        </p>
      ) : null}
      <div className="live-ack-actions">
        <button type="submit" className="button button-primary button-small" disabled={mutation.isPending}>
          {mutation.isPending ? "Acknowledging…" : "Silence alert"}
        </button>
        <button type="button" className="button button-small" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
