"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useId, useState } from "react";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import { queryKeys } from "@/lib/api/query-keys";
import { clearSecret, listSecrets, putSecret } from "@/lib/api/secrets-client";
import { SECRET_MASK, type SecretList, type SecretStatus } from "@/lib/api/secrets-schemas";

export interface SecretFieldProps {
  projectId: string;
  /** The secret's name: the environment variable the bundle reads it from (`OPS_SLACK_API_URL`). */
  name: string;
  /** What it is, e.g. "Slack webhook URL". */
  label: string;
  testId: string;
}

/** The list with one secret's status replaced by what the server answered for it. */
function withStatus(list: SecretList | undefined, status: SecretStatus): SecretList {
  const others = (list?.secrets ?? []).filter((secret) => secret.name !== status.name);
  return { secrets: [...others, status].sort((a, b) => a.name.localeCompare(b.name)) };
}

/**
 * A secret's value, entered once: the page only ever shows whether it is set ("••••"), never the
 * value. "Set"/"Replace" opens a password input whose value goes straight to the server (PUT) and
 * is dropped from the page once saved; "Clear" forgets it (DELETE). Saving the value is apart from
 * saving the section: the section keeps only the name.
 */
export function SecretField({ projectId, name, label, testId }: SecretFieldProps): ReactNode {
  const inputId = useId();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState("");
  const list = useQuery({ queryKey: queryKeys.secrets(projectId), queryFn: () => listSecrets(projectId) });
  const status = list.data?.secrets.find((secret) => secret.name === name);
  const onSaved = (saved: SecretStatus): void => {
    queryClient.setQueryData<SecretList>(queryKeys.secrets(projectId), (old) => withStatus(old, saved));
    setValue("");
    setEditing(false);
  };
  const save = useMutation({
    mutationFn: (typed: string) => putSecret(projectId, name, typed),
    onSuccess: onSaved,
  });
  const clear = useMutation({ mutationFn: () => clearSecret(projectId, name), onSuccess: onSaved });
  const validName = /^[A-Z][A-Z0-9_]*$/.test(name);
  const state = list.isPending ? "loading" : status?.set ? "set" : "not set";

  return (
    <div className="field dash-field secret-field" data-testid={testId} data-secret-state={state}>
      <span className="field-label" id={`${inputId}-label`}>
        {label}
      </span>
      <span data-testid={`${testId}-status`}>
        {state === "set" ? (
          <>
            <code title="value hidden">{SECRET_MASK}</code> set
          </>
        ) : (
          state
        )}{" "}
        <span className="field-hint">
          (<code>{name || "no name"}</code>)
        </span>
      </span>
      {editing ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (value !== "") save.mutate(value);
          }}
        >
          <label htmlFor={inputId} className="field-hint">
            New value of {label}
          </label>
          <input
            id={inputId}
            type="password"
            autoComplete="new-password"
            spellCheck={false}
            value={value}
            onChange={(event) => setValue(event.target.value)}
            data-testid={`${testId}-input`}
          />
          <button type="submit" disabled={value === "" || save.isPending} data-testid={`${testId}-save`}>
            {save.isPending ? "Saving…" : `Save ${label}`}
          </button>
          <button
            type="button"
            onClick={() => {
              setValue("");
              setEditing(false);
              save.reset();
            }}
          >
            Cancel
          </button>
        </form>
      ) : (
        <span>
          <button
            type="button"
            disabled={!validName}
            onClick={() => setEditing(true)}
            aria-label={`${status?.set ? "Replace" : "Set"} ${label}`}
            data-testid={`${testId}-replace`}
          >
            {status?.set ? "Replace" : "Set"}
          </button>
          {status?.set ? (
            <button
              type="button"
              disabled={clear.isPending}
              onClick={() => clear.mutate()}
              aria-label={`Clear ${label}`}
              data-testid={`${testId}-clear`}
            >
              Clear
            </button>
          ) : null}
        </span>
      )}
      {!validName ? (
        <span className="field-hint">
          Give the secret a name (upper-case letters, digits, _) before its value.
        </span>
      ) : null}
      <ApiErrorNotice error={list.error ?? save.error ?? clear.error} title={`${label}`} />
    </div>
  );
}
