"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useId, useState } from "react";
import "./share.css";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import { ShownOnceValue } from "@/components/ui/shown-once-value";
import { ApiRequestError } from "@/lib/api/api-error";
import { queryKeys } from "@/lib/api/query-keys";
import { createShareLink, listShareLinks, revokeShareLink } from "@/lib/api/share-links-client";
import type { ShareLink } from "@/lib/api/share-links-schemas";

export interface ShareLinksManagerProps {
  projectId: string;
}

function linkState(link: ShareLink): string {
  if (link.revokedAt) return `revoked ${new Date(link.revokedAt).toLocaleString()}`;
  if (!link.active) return "expired";
  return link.expiresAt ? `active until ${new Date(link.expiresAt).toLocaleString()}` : "active";
}

/**
 * A project's read-only share links, for its team's owners: make one (its URL is shown once), see
 * every link made (who made it, when, whether it still works) and revoke any at once. Others see
 * why they cannot.
 */
export function ShareLinksManager({ projectId }: ShareLinksManagerProps): ReactNode {
  const labelId = useId();
  const queryClient = useQueryClient();
  const [label, setLabel] = useState("");
  const [created, setCreated] = useState<string | undefined>();
  const links = useQuery({
    queryKey: queryKeys.shareLinks(projectId),
    queryFn: () => listShareLinks(projectId),
    retry: false,
  });
  const refresh = (): Promise<void> =>
    queryClient.invalidateQueries({ queryKey: queryKeys.shareLinks(projectId) });
  const create = useMutation({
    mutationFn: () => createShareLink(projectId, label.trim() ? { label: label.trim() } : {}),
    onSuccess: (answer) => {
      setCreated(new URL(answer.path, window.location.origin).toString());
      setLabel("");
      return refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: (linkId: string) => revokeShareLink(projectId, linkId),
    onSuccess: () => refresh(),
  });
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    create.mutate();
  };

  if (links.error instanceof ApiRequestError && links.error.status === 403) {
    return (
      <section className="card" aria-label="Share links" data-testid="share-links">
        <h2>Share links</h2>
        <p className="muted">Only the team's owners make and revoke share links of this project.</p>
      </section>
    );
  }
  return (
    <section className="card" aria-label="Share links" data-testid="share-links">
      <h2>Share links</h2>
      <p className="muted">
        A share link shows this project read-only (dashboards with live panels, alert rules, the bundle) to
        anyone who has it, without an account, until you revoke it.
      </p>
      <form onSubmit={submit} className="share-links-form">
        <label className="field" htmlFor={labelId}>
          <span className="field-label">Label (who it is for)</span>
          <input
            id={labelId}
            value={label}
            maxLength={200}
            onChange={(event) => setLabel(event.target.value)}
            placeholder="e.g. Payments on-call"
          />
        </label>
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          Create share link
        </button>
      </form>
      <ApiErrorNotice error={create.error} title="Could not create the share link" />
      {created ? (
        <ShownOnceValue
          label="New share link"
          value={created}
          copyLabel="Copy link"
          testId="new-share-link"
        />
      ) : null}
      <ApiErrorNotice error={links.error} title="Could not list the share links" />
      <ApiErrorNotice error={revoke.error} title="Could not revoke the share link" />
      {links.data && links.data.links.length > 0 ? (
        <table data-testid="share-links-table">
          <thead>
            <tr>
              <th scope="col">Label</th>
              <th scope="col">Made by</th>
              <th scope="col">Made</th>
              <th scope="col">State</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {links.data.links.map((link) => (
              <tr key={link.id} data-testid="share-link-row" data-active={link.active}>
                <td>{link.label ?? <span className="muted">(no label)</span>}</td>
                <td>{link.createdBy ?? ""}</td>
                <td>{new Date(link.createdAt).toLocaleString()}</td>
                <td>{linkState(link)}</td>
                <td>
                  {link.active ? (
                    <button
                      type="button"
                      className="button"
                      disabled={revoke.isPending}
                      onClick={() => revoke.mutate(link.id)}
                      aria-label={`Revoke ${link.label ?? "share link"}`}
                    >
                      Revoke
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : links.data ? (
        <p className="muted">No share links yet.</p>
      ) : null}
    </section>
  );
}
