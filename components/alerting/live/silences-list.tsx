"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import type { Silence } from "@/lib/alerting/live/schemas";
import { expireLiveSilence } from "@/lib/api/live-client";
import { queryKeys } from "@/lib/api/query-keys";

export interface SilencesListProps {
  projectId: string;
  silences: readonly Silence[];
}

function matcherText(silence: Silence): string {
  return silence.matchers
    .map((m) => `${m.name}${m.isEqual ? "" : "!"}${m.isRegex ? "=~" : "="}"${m.value}"`)
    .join(", ");
}

/** The Alertmanager's silences, active and pending first; each active one can be expired. */
export function SilencesList({ projectId, silences }: SilencesListProps): ReactNode {
  const queryClient = useQueryClient();
  const expire = useMutation({
    mutationFn: (id: string) => expireLiveSilence(projectId, id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.live(projectId) }),
  });
  const order = { active: 0, pending: 1, expired: 2 } as const;
  const sorted = [...silences].sort((a, b) => order[a.status.state] - order[b.status.state]);
  if (sorted.length === 0) return <p className="empty">No silences.</p>;
  return (
    <>
      <ul className="live-silences" data-testid="live-silences">
        {sorted.map((silence) => (
          <li key={silence.id} data-testid="live-silence" data-state={silence.status.state}>
            <span className={`badge live-silence-${silence.status.state}`}>{silence.status.state}</span>{" "}
            <code>{matcherText(silence)}</code> · by {silence.createdBy}: {silence.comment} · until{" "}
            {new Date(silence.endsAt).toLocaleString()}{" "}
            {silence.status.state === "expired" ? null : (
              <button
                type="button"
                className="button button-small"
                onClick={() => expire.mutate(silence.id)}
                disabled={expire.isPending}
                aria-label={`Expire silence by ${silence.createdBy}`}
              >
                Expire
              </button>
            )}
          </li>
        ))}
      </ul>
      {expire.error ? <ApiErrorNotice error={expire.error} title="Could not expire the silence" /> : null}
    </>
  );
}
