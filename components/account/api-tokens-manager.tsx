"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useId, useState } from "react";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ShownOnceValue } from "@/components/ui/shown-once-value";
import { type ApiToken, MAX_TOKEN_DAYS } from "@/lib/api/api-tokens-schemas";
import { queryKeys } from "@/lib/api/query-keys";
import { createApiToken, listApiTokens, revokeApiToken } from "@/lib/api/tokens-client";

function when(iso: string | null, never: string): string {
  return iso ? new Date(iso).toLocaleString() : never;
}

function expiry(token: ApiToken): string {
  if (token.expired) return `expired ${when(token.expiresAt, "")}`;
  return when(token.expiresAt, "never");
}

/** Parses the expiry field: empty is "never"; anything else must be a whole number of days in range. */
function expiryDays(text: string): { days?: number; error?: string } {
  if (text.trim() === "") return {};
  const days = Number(text);
  if (!Number.isInteger(days) || days < 1 || days > MAX_TOKEN_DAYS)
    return { error: `Expiry: a whole number of days from 1 to ${MAX_TOKEN_DAYS}, or empty for never.` };
  return { days };
}

/**
 * The signed-in user's personal API tokens, for the CLI and scripts: make one (its value is shown
 * once), list them (name, first characters, made, last used, expiry) and revoke one after a
 * confirmation. Viewing the page writes nothing.
 */
export function ApiTokensManager(): ReactNode {
  const formId = useId();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [days, setDays] = useState("");
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [created, setCreated] = useState<string | undefined>();
  const [revoking, setRevoking] = useState<ApiToken | undefined>();
  const tokens = useQuery({ queryKey: queryKeys.apiTokens(), queryFn: listApiTokens, retry: false });
  const refresh = (): Promise<void> => queryClient.invalidateQueries({ queryKey: queryKeys.apiTokens() });
  const create = useMutation({
    mutationFn: createApiToken,
    onSuccess: (answer) => {
      setCreated(answer.value);
      setName("");
      setDays("");
      return refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: (token: ApiToken) => revokeApiToken(token.id),
    onSuccess: () => {
      setRevoking(undefined);
      return refresh();
    },
  });
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const trimmed = name.trim();
    const expiresIn = expiryDays(days);
    const problem = trimmed === "" ? "Name: give the token a name (what it is for)." : expiresIn.error;
    setFieldError(problem);
    if (problem) return;
    setCreated(undefined);
    create.mutate(
      expiresIn.days === undefined ? { name: trimmed } : { name: trimmed, expiresInDays: expiresIn.days },
    );
  };

  return (
    <section className="section" aria-labelledby={`${formId}-title`} data-testid="api-tokens">
      <h1 id={`${formId}-title`}>Personal API tokens</h1>
      <p className="muted">
        The <code>obsforge</code> CLI and your scripts send a token as{" "}
        <code>Authorization: Bearer obf_…</code> (the CLI reads it from <code>OBSFORGE_TOKEN</code>) and act
        as you, with your roles in your teams. Revoke a token as soon as you no longer need it.
      </p>
      <form className="card" onSubmit={submit} aria-labelledby={`${formId}-new`} noValidate>
        <h2 id={`${formId}-new`}>New token</h2>
        <div className="field">
          <label className="field-label" htmlFor={`${formId}-name`}>
            Token name
          </label>
          <input
            id={`${formId}-name`}
            value={name}
            maxLength={100}
            placeholder="e.g. CI pipeline"
            aria-invalid={fieldError?.startsWith("Name") ? true : undefined}
            onChange={(event) => setName(event.target.value)}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${formId}-days`}>
            Expires after (days, empty for never)
          </label>
          <input
            id={`${formId}-days`}
            value={days}
            inputMode="numeric"
            aria-invalid={fieldError?.startsWith("Expiry") ? true : undefined}
            onChange={(event) => setDays(event.target.value)}
          />
        </div>
        {fieldError ? (
          <p className="notice notice-error" role="alert">
            {fieldError}
          </p>
        ) : null}
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          Create token
        </button>
      </form>
      <ApiErrorNotice error={create.error} title="Could not create the token" />
      {created ? (
        <ShownOnceValue label="New API token" value={created} copyLabel="Copy token" testId="new-api-token" />
      ) : null}
      <ApiErrorNotice error={tokens.error} title="Could not list the tokens" />
      {tokens.data && tokens.data.tokens.length > 0 ? (
        <table data-testid="api-tokens-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Token</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">Expires</th>
              <th scope="col">Revoke</th>
            </tr>
          </thead>
          <tbody>
            {tokens.data.tokens.map((token) => (
              <tr key={token.id} data-testid="api-token-row">
                <td>{token.name}</td>
                <td>
                  <code>{token.prefix}…</code>
                </td>
                <td>{when(token.createdAt, "")}</td>
                <td>{when(token.lastUsedAt, "never")}</td>
                <td>{expiry(token)}</td>
                <td>
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => setRevoking(token)}
                    aria-label={`Revoke ${token.name}`}
                  >
                    Revoke
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : tokens.data ? (
        <p className="muted">No API tokens yet.</p>
      ) : null}
      <ConfirmDialog
        open={revoking !== undefined}
        title="Revoke this token?"
        confirmLabel="Revoke token"
        danger
        pending={revoke.isPending}
        onConfirm={() => revoking && revoke.mutate(revoking)}
        onCancel={() => {
          setRevoking(undefined);
          revoke.reset();
        }}
        testId="revoke-api-token"
      >
        <p>
          Scripts using <strong>{revoking?.name}</strong> (<code>{revoking?.prefix}…</code>) stop working at
          once. This cannot be undone.
        </p>
        <ApiErrorNotice error={revoke.error} title="Could not revoke the token" />
      </ConfirmDialog>
    </section>
  );
}
